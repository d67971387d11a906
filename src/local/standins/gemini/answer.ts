// What the stand-in "model" answers: keywords derived from each product's name, category, the top-search list
// and the image bytes it was sent (a word picked by the image's hash proves the picture arrived).
import { createHash } from 'node:crypto';

export interface AskedItem {
  sku: string;
  name: string;
  category: string;
  /** Decoded bytes of the inline image sent for this SKU, or null. */
  image: Buffer | null;
}

/** Words the stand-in's "vision" can add; which one depends only on the image bytes. */
export const IMAGE_WORDS = [
  'lipat',
  'gantung',
  'dinding',
  'portabel',
  'susun',
  'serbaguna',
  'anak',
  'travel',
  'minimalis',
  'transparan',
  'tebal',
  'mini',
];

export function imageWord(bytes: Uint8Array): string {
  return IMAGE_WORDS[createHash('sha256').update(bytes).digest()[0] % IMAGE_WORDS.length];
}

const STOP = new Set(['dan', 'untuk', 'dengan', 'yang', 'di', 'ke', 'set', 'isi', 'pcs', 'cm', 'ml', 'l', 'kg', 'gr', 'x']);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9à-ÿ\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w) && !/^\d/.test(w));
}

function hashByte(s: string, i = 0): number {
  return createHash('sha256').update(s).digest()[i];
}

/** The raw keywords (before DataDesk's filter) the stand-in gives one product. Deterministic. */
export function keywordsFor(item: AskedItem, top: readonly string[]): string[] {
  const w = words(item.name);
  const out: string[] = [];
  if (w.length >= 2) out.push(`${w[0]} ${w[1]}`);
  if (w.length >= 3) out.push(`${w[0]} ${w[2]}`);
  if (w.length) out.push(w[0]);
  if (item.image) out.push(`${w[0] ?? 'produk'} ${imageWord(item.image)}`);
  const cat = item.category.toLowerCase().trim();
  if (cat) out.push(cat); // often a "too generic" category the filter must remove
  const hit = top.find((t) => words(t)[0] === w[0]);
  if (hit) out.push(hit.toLowerCase());
  const h = hashByte(item.sku);
  if (h % 5 === 0) out.push('termurah');
  if (h % 7 === 0) out.push(`${w[0] ?? 'wadah'} tupperware`);
  if (h % 6 === 0) out.push("Rubik's");
  if (h % 4 === 0) out.push(`${w[0] ?? 'produk'} ${w[1] ?? ''}`.trim().toUpperCase()); // a duplicate in other casing
  if (h % 9 === 0) out.push('kompak');
  // What real answers carry too: stray punctuation and symbols, brand names misspelt or glued to a suffix or number.
  const noise = hashByte(item.sku, 1);
  if (noise % 6 === 1) out.push(`${w[0] ?? 'produk'}!!`);
  if (noise % 6 === 2) out.push(`(${w.slice(0, 2).join(' ') || 'produk'})`);
  if (noise % 6 === 3) out.push(`${w[w.length - 1] ?? 'produk'}®`);
  if (noise % 8 === 4) out.push(`${w[0] ?? 'wadah'} tuperware`);
  if (noise % 8 === 5) out.push('plastik ziplock');
  if (noise % 8 === 6) out.push(`${w[0] ?? 'wadah'} tupperwarenya`);
  if (noise % 8 === 7) out.push('teflon2in1');
  return out;
}
