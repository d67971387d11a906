// Small receipt pictures for the budget demo and tests, drawn in memory.
import { encodePng } from './png';

/** A receipt-like picture: a coloured header band, ruled "text" lines and a total bar; `seed` varies it (and its hash). */
export function receiptPng(seed: number, width = 120, height = 160): Uint8Array {
  const hue = (seed * 47) % 200;
  const band: [number, number, number] = [30 + (hue % 90), 80 + ((hue * 3) % 120), 160 + (hue % 90)];
  const lines = 6 + (seed % 5);
  return encodePng(width, height, (x, y) => {
    if (x < 2 || y < 2 || x >= width - 2 || y >= height - 2) return [190, 190, 190];
    if (y < 24) return band;
    const row = Math.floor((y - 30) / 12);
    if (row >= 0 && row < lines && (y - 30) % 12 < 3 && x > 10 && x < 20 + ((seed * 13 + row * 29) % (width - 30)))
      return [90, 90, 90];
    if (y > height - 28 && y < height - 16 && x > width / 2) return [20, 20, 20];
    // one seed-dependent pixel keeps every receipt's bytes (and hash) distinct
    if (x === 5 + (seed % (width - 10)) && y === height - 6) return [seed & 255, (seed >> 8) & 255, (seed >> 16) & 255];
    return [252, 252, 248];
  });
}
