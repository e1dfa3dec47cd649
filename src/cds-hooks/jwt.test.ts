import { base64url, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './__fixtures__/test-keys.js';
import { createVerifier, type Verifier } from './jwt.js';

const AUD = 'http://127.0.0.1:8080/cds-services/paraneo-patient-view';
let ehr: TestIssuer;
let verify: Verifier;

beforeAll(async () => {
  ehr = await startTestIssuer();
  verify = createVerifier({ trustedIssuers: [{ iss: ehr.iss, jwksUrl: ehr.jwksUrl }] });
});
afterAll(() => ehr.close());

const bearer = (t: string) => `Bearer ${t}`;

describe('CDS Hooks JWT verification', () => {
  it('accepts a token signed by the trusted issuer for this service', async () => {
    const result = await verify(bearer(await ehr.sign({ aud: AUD })), [AUD]);
    expect(result).toMatchObject({ ok: true, claims: { iss: ehr.iss, aud: AUD } });
  });

  it('refuses a missing header, a non-JWT and an unknown issuer', async () => {
    expect(await verify(undefined, [AUD])).toEqual({ ok: false, reason: expect.stringMatching(/required/) });
    expect(await verify('Bearer not.a.jwt', [AUD])).toEqual({ ok: false, reason: 'token is not a JWT' });
    const stranger = await ehr.sign({ aud: AUD, iss: 'https://other.example.test' });
    expect(await verify(bearer(stranger), [AUD])).toEqual({
      ok: false,
      reason: 'token issuer is not trusted',
    });
  });

  it('refuses a wrong audience, an expired token and one issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const wrongAud = await ehr.sign({ aud: 'http://elsewhere.test/cds-services/x' });
    expect(await verify(bearer(wrongAud), [AUD])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/aud/),
    });
    const expired = await ehr.sign({ aud: AUD, iat: now - 900, exp: now - 600 });
    expect(await verify(bearer(expired), [AUD])).toEqual({ ok: false, reason: 'token expired' });
    const future = await ehr.sign({ aud: AUD, iat: now + 600, exp: now + 900 });
    expect((await verify(bearer(future), [AUD])).ok).toBe(false);
  });

  it('refuses a replayed jti, and a token without jti', async () => {
    const token = await ehr.sign({ aud: AUD, jti: 'once-only' });
    expect((await verify(bearer(token), [AUD])).ok).toBe(true);
    expect(await verify(bearer(token), [AUD])).toEqual({
      ok: false,
      reason: 'token already used (jti replay)',
    });
    const noJti = await ehr.sign({ aud: AUD, jti: undefined });
    expect((await verify(bearer(noJti), [AUD])).ok).toBe(false);
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    const forged = await ehr.sign({ aud: AUD }, {}, privateKey);
    expect(await verify(bearer(forged), [AUD])).toMatchObject({ ok: false });
  });

  it('refuses alg "none" and a symmetric algorithm', async () => {
    const unsigned = [
      base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' })),
      base64url.encode(JSON.stringify({ iss: ehr.iss, aud: AUD, exp: 9e9, iat: 1, jti: 'x' })),
      '',
    ].join('.');
    expect(await verify(bearer(unsigned), [AUD])).toEqual({
      ok: false,
      reason: 'token algorithm not accepted',
    });
    const hs = [
      base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
      base64url.encode(JSON.stringify({ iss: ehr.iss, aud: AUD, exp: 9e9, iat: 1, jti: 'y' })),
      base64url.encode('sig'),
    ].join('.');
    expect(await verify(bearer(hs), [AUD])).toEqual({ ok: false, reason: 'token algorithm not accepted' });
  });

  it('follows jku only when the issuer allow-lists it', async () => {
    const token = await ehr.sign({ aud: AUD }, { jku: ehr.jwksUrl });
    expect(await verify(bearer(token), [AUD])).toEqual({
      ok: false,
      reason: 'token jku is not allow-listed',
    });
    const withJku = createVerifier({ trustedIssuers: [{ iss: ehr.iss, allowedJku: [ehr.jwksUrl] }] });
    expect((await withJku(bearer(await ehr.sign({ aud: AUD }, { jku: ehr.jwksUrl })), [AUD])).ok).toBe(true);
    expect(await withJku(bearer(await ehr.sign({ aud: AUD })), [AUD])).toEqual({
      ok: false,
      reason: 'no key set is configured for the token issuer',
    });
  });
});
