// base64url ⇄ JSON for the ?case= link a CDS Hooks card opens (UTF-8 safe, padding optional).

/** Encode a value as base64url JSON. */
export function toBase64Url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode base64url JSON; the error says what was wrong with the link. */
export function fromBase64Url(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text))
    return { ok: false, message: 'the case in the link is not base64url text' };
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, message: `the case in the link cannot be read: ${(error as Error).message}` };
  }
}
