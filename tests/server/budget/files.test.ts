// Receipts are typed by content (magic bytes), not by name; 10 MB per file; base64 round trip.
import { checkReceipts, base64ToBytes, bytesToBase64, MAX_FILE_BYTES } from '../../../src/server/budget/files';
import { sniffMime } from '../../../src/server/budget/content';
import { receiptPng } from '../../../src/local/demo/budget-receipt';

const b64 = (b: number[] | Uint8Array) => Buffer.from(Uint8Array.from(b)).toString('base64');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const PDF = [...Buffer.from('%PDF-1.7\n')];

describe('receipt files', () => {
  it('sniffs JPG, PNG and PDF by content', () => {
    expect(sniffMime(Uint8Array.from(PNG))).toBe('image/png');
    expect(sniffMime(Uint8Array.from(JPG))).toBe('image/jpeg');
    expect(sniffMime(Uint8Array.from(PDF))).toBe('application/pdf');
    expect(sniffMime(Uint8Array.from([...Buffer.from('GIF89a')]))).toBeNull();
  });

  it('refuses a file named .jpg whose content is something else', () => {
    expect(() => checkReceipts([{ name: 'nota.jpg', data: b64([...Buffer.from('MZ\x90\x00 executable')]) }])).toThrow(
      /bukan JPG, PNG, atau PDF menurut isinya/,
    );
    expect(checkReceipts([{ name: 'nota.txt', data: b64(receiptPng(1)) }])[0].mime).toBe('image/png');
  });

  it('refuses files over 10 MB, empty lists and empty files', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 10);
    big.set(PNG);
    expect(() => checkReceipts([{ name: 'besar.png', data: b64(big) }])).toThrow(/terlalu besar: 10,1 MB \(maksimum 10 MB\)/);
    expect(() => checkReceipts([])).toThrow(/minimal satu file/);
    expect(() => checkReceipts([{ name: 'x.png', data: '' }])).toThrow(/kosong/);
  });

  it('round-trips base64 like Node does', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      expect(bytesToBase64(bytes)).toBe(b64(bytes));
      expect(Array.from(base64ToBytes(b64(bytes)))).toEqual(Array.from(bytes));
    }
    expect(() => base64ToBytes('ab$d')).toThrow(/base64 tidak valid/);
    // A character outside Latin-1 is refused too (it must not decode as if it were 'A').
    expect(() => base64ToBytes('ab\u0141d')).toThrow(/base64 tidak valid/);
    expect(() => base64ToBytes('abcde')).toThrow(/base64 tidak valid/);
  });
});
