import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './codec.js';

describe('case link codec', () => {
  it('round-trips a case with non-ASCII text and uses only URL-safe characters', () => {
    const value = { patient: { age: 59, sex: 'female' }, notes: ['Müdigkeit, “no fever” — ≥ 2 weeks'] };
    const encoded = toBase64Url(value);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(encoded)).toEqual({ ok: true, value });
  });

  it('refuses text that is not base64url, or not JSON, saying why', () => {
    expect(fromBase64Url('a+b/c')).toMatchObject({ ok: false, message: /not base64url/ });
    expect(fromBase64Url(toBase64Url('x').slice(0, 2))).toMatchObject({
      ok: false,
      message: /cannot be read/,
    });
  });
});
