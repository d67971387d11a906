// Deterministic product pictures for the demo catalogue: small PNGs whose pixels follow from the SKU.
import { encodePng } from '../../demo/png';
import { createHash } from 'node:crypto';

/** A size×size RGB PNG: two colours and a stripe pattern taken from the SKU's hash. */
export function productPng(sku: string, size = 48): Buffer {
  const h = createHash('sha256').update(sku).digest();
  const a: [number, number, number] = [h[0], h[1], h[2]];
  const b: [number, number, number] = [h[3], h[4], h[5]];
  const period = 4 + (h[6] % 12);
  const png = encodePng(size, size, (x, y) => ((x + (h[7] % 2 ? y : -y) + size) % period < period / 2 ? a : b));
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/** The demo's rule for products without a picture (about 4 %): the image URL answers 404. */
export function imageMissingByDefault(sku: string): boolean {
  return createHash('sha256').update(`img:${sku}`).digest()[0] % 25 === 0;
}
