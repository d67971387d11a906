// Hashes computed in the script's own JavaScript (no service call, no byte array across the bridge): SHA-256 from
// @noble/hashes (audited, dependency-free, runs on Apps Script's V8) and a short FNV-1a for cache keys.
import { sha256 } from '@noble/hashes/sha2';
import { strToU8 } from 'fflate';

const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]];
  return s;
}

/** SHA-256 of bytes as lower-case hex, in JavaScript. */
export function sha256Hex(bytes: Uint8Array): string {
  return hex(sha256(bytes));
}

/** SHA-256 (hex) of text (UTF-8) followed by bytes, as one digest in JavaScript: a cache key over what a model saw. */
export function sha256HexOf(text: string, bytes?: Uint8Array): string {
  const h = sha256.create().update(strToU8(text));
  if (bytes) h.update(bytes);
  return hex(h.digest());
}

/** FNV-1a (32-bit) of text: spreads keys over buckets; not for integrity (use SHA-256 for that). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
