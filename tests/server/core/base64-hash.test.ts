// The script-side base64 encoder and hashes against Node's own implementations.
import { createHash, randomBytes } from 'node:crypto';
import { bytesToBase64, latin1ToBase64 } from '../../../src/server/core/base64';
import { fnv1a, sha256HexOf } from '../../../src/server/core/hash';

describe('bytesToBase64', () => {
  it('matches Buffer for every remainder length and for large inputs', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 12_287, 12_289, 300_001]) {
      const b = new Uint8Array(randomBytes(n));
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
  it('reads an Apps Script Byte[] (signed values) as bytes 0..255', () => {
    const bytes = [0, 127, 128, 200, 255, 1];
    const signed = bytes.map((v) => (v > 127 ? v - 256 : v));
    expect(bytesToBase64(signed)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('latin1ToBase64', () => {
  it('is the base64 of the bytes a Latin-1 string stands for, at every remainder length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 12_287, 12_289, 300_001]) {
      const b = Buffer.from(randomBytes(n));
      expect(latin1ToBase64(b.toString('latin1'))).toBe(b.toString('base64'));
    }
  });
});

describe('hashes in JavaScript', () => {
  it('sha256HexOf is SHA-256 of the UTF-8 text followed by the bytes', () => {
    const img = new Uint8Array(randomBytes(5000));
    const text = 'Kaos Polos · Fashion\u0001image/png';
    const want = createHash('sha256').update(Buffer.from(text, 'utf8')).update(img).digest('hex');
    expect(sha256HexOf(text, img)).toBe(want);
    expect(sha256HexOf('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });
  it('fnv1a is the 32-bit FNV-1a (reference vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});
