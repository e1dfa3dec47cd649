// The CDS Client's bearer JWT, verified with jose against the trusted issuers' JWKS: signature, iss, aud, exp, iat,
// jti replay, and no unsigned or symmetric algorithm.
// @see https://cds-hooks.hl7.org/2.0/#trusting-cds-clients
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { TrustedIssuer } from './plugin.js';

/** Asymmetric algorithms only: the spec requires ES384 and RS384; HS* would need a shared secret, "none" no key. */
export const ACCEPTED_ALGS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

export type Verified =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly reason: string };

export interface VerifierOptions {
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** Seconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  readonly clockToleranceSec?: number;
}

export type Verifier = (authorization: string | undefined, audience: readonly string[]) => Promise<Verified>;

/** Seen jti values (per issuer) kept until their token expires, so a replayed token is refused. */
class ReplayCache {
  private readonly seen = new Map<string, number>();
  /** False when the jti was already used by a token that has not yet expired. */
  claim(key: string, exp: number, now: number): boolean {
    for (const [k, until] of this.seen) if (until < now) this.seen.delete(k);
    if (this.seen.has(key)) return false;
    this.seen.set(key, exp);
    return true;
  }
}

const fail = (reason: string): Verified => ({ ok: false, reason });

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim "${error.claim}" is not valid`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches the token';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not accepted';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return "the issuer's key set could not be read";
  return 'token not valid';
}

export function createVerifier(options: VerifierOptions): Verifier {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const tolerance = options.clockToleranceSec ?? 30;
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keySet = (url: string) => {
    let set = keySets.get(url);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 });
      keySets.set(url, set);
    }
    return set;
  };
  const replay = new ReplayCache();

  return async (authorization, audience) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (match?.[1] === undefined) return fail('an Authorization: Bearer <JWT> header is required');
    const token = match[1];
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      return fail('token is not a JWT');
    }
    if (header.alg === undefined || !ACCEPTED_ALGS.includes(header.alg))
      return fail('token algorithm not accepted');
    const issuer = options.trustedIssuers.find((i) => i.iss === unverified.iss);
    if (issuer === undefined) return fail('token issuer is not trusted');
    let jwksUrl = issuer.jwksUrl;
    if (header.jku !== undefined) {
      if (!(issuer.allowedJku ?? []).includes(header.jku)) return fail('token jku is not allow-listed');
      jwksUrl = header.jku;
    }
    if (jwksUrl === undefined) return fail('no key set is configured for the token issuer');
    let claims: JWTPayload;
    try {
      claims = (
        await jwtVerify(token, keySet(jwksUrl), {
          issuer: issuer.iss,
          audience: [...audience],
          algorithms: ACCEPTED_ALGS,
          requiredClaims: ['iat', 'exp', 'jti'],
          clockTolerance: tolerance,
          currentDate: new Date(now() * 1000),
        })
      ).payload;
    } catch (error) {
      return fail(reasonOf(error));
    }
    const t = now();
    if (typeof claims.iat !== 'number' || claims.iat > t + tolerance)
      return fail('token issued in the future');
    if (typeof claims.jti !== 'string' || claims.jti === '') return fail('token claim "jti" is not valid');
    if (!replay.claim(`${issuer.iss} ${claims.jti}`, Number(claims.exp) + tolerance, t))
      return fail('token already used (jti replay)');
    return { ok: true, claims };
  };
}
