// Hashes computed in the script's own JavaScript (no service call, no byte array across the bridge): SHA-256 from
// @noble/hashes (audited, dependency-free, runs on Apps Script's V8) and a short FNV-1a for cache keys.
import { sha256 } from '@noble/hashes/sha2';

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
