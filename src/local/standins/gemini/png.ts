// Deterministic product pictures for the demo catalogue: small PNGs whose pixels follow from the SKU.
import { zlibSync } from 'fflate';
import { createHash } from 'node:crypto';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A size×size RGB PNG: two colours and a stripe pattern taken from the SKU's hash. */
export function productPng(sku: string, size = 48): Buffer {
  const h = createHash('sha256').update(sku).digest();
  const a = [h[0], h[1], h[2]];
  const b = [h[3], h[4], h[5]];
  const period = 4 + (h[6] % 12);
  const raw = new Uint8Array(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const o = y * (1 + size * 3);
    raw[o] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const c = ((x + (h[7] % 2 ? y : -y) + size) % period) < period / 2 ? a : b;
      raw.set(c, o + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** The demo's rule for products without a picture (about 4 %): the image URL answers 404. */
export function imageMissingByDefault(sku: string): boolean {
  return createHash('sha256').update(`img:${sku}`).digest()[0] % 25 === 0;
}
