// Base64 (standard alphabet, padded) of bytes in the script's own JavaScript: no byte array crosses the bridge for it.
const ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Every 12-bit value as its two base64 characters: one table look-up per 1.5 bytes. */
const PAIRS = Array.from({ length: 4096 }, (_, v) => ABC[v >> 6] + ABC[v & 63]);

/** The last `rest` (0, 1 or 2) bytes `b0`, `b1` as base64 with their padding. */
function tail(rest: number, b0: number, b1: number): string {
  if (rest === 0) return '';
  const v = ((b0 & 0xff) << 16) | (rest === 2 ? (b1 & 0xff) << 8 : 0);
  return ABC[v >> 18] + ABC[(v >> 12) & 63] + (rest === 2 ? `${ABC[(v >> 6) & 63]}=` : '==');
}

/** Base64 of bytes (0..255, or an Apps Script Byte[] as a service returned it: signed values are read modulo 256). */
export function bytesToBase64(b: ArrayLike<number>): string {
  const parts: string[] = [];
  let s = '';
  const whole = b.length - (b.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const v = ((b[i] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i + 2] & 0xff);
    s += PAIRS[v >> 12] + PAIRS[v & 0xfff];
    if (s.length >= 16384) {
      parts.push(s);
      s = '';
    }
  }
  parts.push(s + tail(b.length - whole, b[whole], b[whole + 1]));
  return parts.join('');
}

/** Base64 of a Latin-1 string (one character 0..255 per byte, as HTTPResponse.getContentText('ISO-8859-1') gives a
 * binary body): the same output as bytesToBase64 of those bytes, without a byte array ever being made. */
export function latin1ToBase64(s: string): string {
  const parts: string[] = [];
  let out = '';
  const whole = s.length - (s.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const v = ((s.charCodeAt(i) & 0xff) << 16) | ((s.charCodeAt(i + 1) & 0xff) << 8) | (s.charCodeAt(i + 2) & 0xff);
    out += PAIRS[v >> 12] + PAIRS[v & 0xfff];
    if (out.length >= 16384) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out + tail(s.length - whole, s.charCodeAt(whole), s.charCodeAt(whole + 1)));
  return parts.join('');
}
