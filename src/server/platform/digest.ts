// SHA-256 of bytes through Utilities.computeDigest, as lower-case hex.

export function sha256Hex(bytes: Uint8Array): string {
  const signed = Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
  const d = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, signed);
  return d.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}
