// Deterministic ids for written resources: the same assessment gives the same Bundle, byte for byte.
import { createHash } from 'node:crypto';

/** A name-based UUID (RFC 4122 version 5 layout) from the given parts. */
export function uuidOf(...parts: readonly string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
