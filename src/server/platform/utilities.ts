// Utilities: Apps Script's Byte[] (signed) and back, SHA-256 as hex, base64, UUIDs and sleeping.

/** Bytes as Apps Script's Byte[] (signed), with a plain loop: Array.from with a mapper is many times slower on V8. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out[i] = b > 127 ? b - 256 : b;
  }
  return out;
}

/** Apps Script's Byte[] (signed) as bytes 0..255 (Uint8Array wraps each value modulo 256). */
export function fromSignedBytes(raw: number[]): Uint8Array {
  return Uint8Array.from(raw);
}

function hex(signed: number[]): string {
  let s = '';
  for (const b of signed) s += ((b & 0xff) + 0x100).toString(16).slice(1);
  return s;
}

/**
 * SHA-256 as lower-case hex of text (UTF-8), of bytes, or of an Apps Script Byte[] as a service returned it
 * (a blob's getBytes(), a response's getContent()), through one Utilities.computeDigest.
 */
export function sha256Hex(data: string | Uint8Array | number[]): string {
  const alg = Utilities.DigestAlgorithm.SHA_256;
  if (typeof data === 'string') return hex(Utilities.computeDigest(alg, data, Utilities.Charset.UTF_8));
  return hex(Utilities.computeDigest(alg, data instanceof Uint8Array ? toSignedBytes(data) : data));
}

export function newUuid(): string {
  return Utilities.getUuid();
}

/** Waits (Apps Script allows at most 5 minutes per call). */
export function sleep(ms: number): void {
  const n = Math.max(0, Math.min(300_000, Math.round(ms)));
  if (n > 0) Utilities.sleep(n);
}

/** Base64 of a text's UTF-8 bytes (e.g. a Basic auth credential). */
export function base64OfText(text: string): string {
  return Utilities.base64Encode(text, Utilities.Charset.UTF_8);
}
