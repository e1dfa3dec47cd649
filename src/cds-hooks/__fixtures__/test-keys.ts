// Test helper: an EHR's signing keys and a JWKS served on loopback by the test itself (no network), and token minting.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface TestIssuer {
  readonly iss: string;
  readonly jwksUrl: string;
  readonly privateKey: CryptoKey;
  /** Sign a CDS Hooks token; every claim and header can be overridden. */
  readonly sign: (
    claims: Record<string, unknown>,
    header?: Record<string, unknown>,
    key?: CryptoKey,
  ) => Promise<string>;
  readonly close: () => Promise<void>;
}

let counter = 0;

/** Start a loopback JWKS server for a fresh ES384 key pair (the algorithm CDS Hooks 2.0 requires services to support). */
export async function startTestIssuer(iss = 'https://ehr.example.test'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES384', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/jwks.json`;
  const sign: TestIssuer['sign'] = async (claims, header = {}, key = privateKey) => {
    const now = Math.floor(Date.now() / 1000);
    counter += 1;
    return new SignJWT({ iss, sub: 'client-1', iat: now, exp: now + 300, jti: `jti-${counter}`, ...claims })
      .setProtectedHeader({ alg: 'ES384', kid: 'test-key', typ: 'JWT', ...header })
      .sign(key);
  };
  return {
    iss,
    jwksUrl,
    privateKey,
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
