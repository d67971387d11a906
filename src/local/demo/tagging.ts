// Demo data for product tagging: a 5,000-SKU catalogue (Indonesian names and categories, pictures on the Gemini
// stand-in), a "Produk" sheet of SKUs lacking keywords, the word-list and top-search sheets, and the settings.
import type { Runtime } from '../runtime/runtime';
import type { Seeder } from './types';
import { DEMO_APP_USERS } from './types';
import { runSnippet, setScriptProperties } from './script';
import { DEFAULT_KEY, productImageExtension } from '../standins/gemini/index';
import { SEED_WORDS, GROUP_LABEL, seedNote } from '../../server/tagging/wordlists';
import { standinBase } from '../standins/ports';

export const DEMO_MODEL = 'gemini-2.5-flash';
export const CATALOGUE_SHEET = 'Katalog';
export const PRODUCT_SHEET = 'Produk';

const CATEGORIES: Record<string, string[]> = {
  'Peralatan Dapur': [
    'Rak Bumbu',
    'Talenan',
    'Panci',
    'Wajan',
    'Spatula',
    'Toples',
    'Saringan',
    'Parutan',
    'Cetakan Kue',
    'Pisau Dapur',
  ],
  'Rumah Tangga': [
    'Keranjang Baju',
    'Gantungan Baju',
    'Sapu',
    'Pel Lantai',
    'Tempat Sampah',
    'Rak Sepatu',
    'Kotak Penyimpanan',
    'Jemuran',
  ],
  Elektronik: ['Lampu Meja', 'Kipas Angin', 'Stop Kontak', 'Senter', 'Setrika', 'Blender', 'Rice Cooker', 'Speaker Bluetooth'],
  'Mainan Anak': [
    'Balok Susun',
    'Puzzle Kayu',
    'Mobil Remote',
    'Boneka',
    'Kubus Rubik',
    'Lego Blok',
    'Pistol Air',
    'Kereta Api Mainan',
  ],
  'Perawatan & Kecantikan': ['Sisir', 'Cermin Rias', 'Kuas Makeup', 'Gunting Kuku', 'Catok Rambut', 'Pengering Rambut'],
  'Alat Tulis': ['Pulpen', 'Buku Tulis', 'Stapler', 'Kertas Memo', 'Penggaris', 'Rautan', 'Map Plastik'],
  Olahraga: ['Matras Yoga', 'Botol Minum', 'Dumbbell', 'Tali Skipping', 'Bola Sepak', 'Raket Badminton'],
  Otomatif: ['Lap Microfiber', 'Pewangi Mobil', 'Cover Motor', 'Holder HP Mobil', 'Kompresor Ban'],
  'Home Improvement': ['Bor Listrik', 'Obeng Set', 'Meteran', 'Lem Tembak', 'Kunci Inggris', 'Tangga Lipat'],
};
const MODIFIERS = [
  'Kayu',
  'Plastik',
  'Stainless',
  '3 Susun',
  'Lipat',
  'Mini',
  'Jumbo',
  'Anti Karat',
  'Portable',
  'Set 5 pcs',
  '2 Liter',
  'Magnetik',
  'Dinding',
  'Anak',
];
const COLOURS = ['Hitam', 'Putih', 'Merah', 'Biru', 'Hijau', 'Abu-abu', 'Coklat', 'Pink'];

export const TOP_SEARCH = [
  'rak bumbu dapur',
  'rak dinding',
  'talenan kayu',
  'panci set',
  'wajan anti lengket',
  'toples kaca',
  'keranjang baju kotor',
  'gantungan baju',
  'rak sepatu susun',
  'kotak penyimpanan',
  'tempat sampah',
  'lampu meja belajar',
  'kipas angin meja',
  'stop kontak',
  'senter led',
  'blender',
  'rice cooker',
  'speaker bluetooth',
  'mainan edukasi',
  'puzzle anak',
  'mobil remote',
  'boneka',
  'balok susun',
  'sisir rambut',
  'cermin',
  'kuas makeup',
  'pulpen',
  'buku tulis',
  'matras yoga',
  'botol minum',
  'dumbbell',
  'lap microfiber',
  'pewangi mobil',
  'bor listrik',
  'obeng set',
  'meteran',
  'tangga lipat',
  'jemuran lipat',
];

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  imageUrl: string;
}

/** Every this-many SKUs one picture link is http (an old shop page): tagging downloads it (Gemini takes https only). */
const HTTP_EVERY = 20;

/** A SKU's picture link on the stand-in at `base` (its http URL): https for most, http for one in HTTP_EVERY. */
function pictureLink(base: string, sku: string, i: number): string {
  const root = base.replace(/\/$/, '');
  const scheme = i % HTTP_EVERY === HTTP_EVERY - 1 ? root : root.replace(/^http:/, 'https:');
  return `${scheme}/images/${sku}.${productImageExtension(sku)}`;
}

/** `n` deterministic catalogue rows; pictures at `https://<host>/images/<sku>.jpg|png` (one in 20 over http; about 4 %
 * answer 404, so a request sending them as URLs is refused and sent again with the pictures downloaded). */
export function demoCatalogue(n: number, base: string, seed = 1): DemoProduct[] {
  const rnd = mulberry32(seed);
  const cats = Object.keys(CATEGORIES);
  const out: DemoProduct[] = [];
  for (let i = 0; i < n; i++) {
    const category = cats[Math.floor(rnd() * cats.length)];
    const nouns = CATEGORIES[category];
    const noun = nouns[Math.floor(rnd() * nouns.length)];
    const mod = MODIFIERS[Math.floor(rnd() * MODIFIERS.length)];
    const colour = COLOURS[Math.floor(rnd() * COLOURS.length)];
    const sku = `SKU-${String(100000 + i)}`;
    out.push({
      sku,
      name: `${noun} ${mod} ${colour}`,
      category,
      imageUrl: pictureLink(base, sku, i),
    });
  }
  return out;
}

/** Writes the tagging sheets and settings into `documentId`. `products`: SKUs on the "Produk" sheet lacking keywords. */
export async function writeTaggingDemo(
  rt: Runtime,
  documentId: string,
  base: string,
  catalogueSize: number,
  products: number,
  settings: Record<string, unknown> = {},
): Promise<DemoProduct[]> {
  const cat = demoCatalogue(catalogueSize, base);
  await setScriptProperties(rt, {
    DATADESK_GEMINI_API_KEY: DEFAULT_KEY,
    DATADESK_GEMINI_URL: base,
    DATADESK_TAGGING: JSON.stringify({
      model: DEMO_MODEL,
      catalogue: { source: 'sheet', sheet: CATALOGUE_SHEET, table: 'catalogue' },
      chunkSize: 100,
      ...settings,
    }),
  });
  const words = SEED_WORDS.map((w) => [w.word, GROUP_LABEL[w.group].id, seedNote(w.group)]);
  await runSnippet(
    rt,
    `var ss = SpreadsheetApp.getActiveSpreadsheet();
     function put(name, header, rows) {
       var sh = ss.getSheetByName(name) || ss.insertSheet(name);
       sh.clear();
       var all = [header].concat(rows);
       var need = all.length - sh.getMaxRows();
       if (need > 0) sh.insertRowsAfter(sh.getMaxRows(), need);
       sh.getRange(1, 1, all.length, header.length).setNumberFormat('@').setValues(all);
       sh.setFrozenRows(1);
       return sh;
     }
     put(args.catName, ['SKU', 'Nama Produk', 'Kategori', 'URL Gambar'], args.cat);
     put(args.prodName, ['SKU', 'Kata Kunci (Keywords)'], args.prod);
     put('Daftar Kata', ['Kata (Word)', 'Grup (Group)', 'Catatan (Note)'], args.words);
     put('Kata Kunci Populer', ['Kata kunci (Keyword)'], args.top);
     return true;`,
    {
      catName: CATALOGUE_SHEET,
      prodName: PRODUCT_SHEET,
      cat: cat.map((p) => [p.sku, p.name, p.category, p.imageUrl]),
      prod: cat.slice(0, products).map((p) => [p.sku, '']),
      words,
      top: TOP_SEARCH.map((t) => [t]),
    },
    documentId,
  );
  return cat;
}

export const seedTagging: Seeder = async (rt, opts) => {
  const base = await standinBase(rt.env, 'gemini');
  const size = typeof opts.scale === 'number' ? opts.scale : 5000;
  const products = typeof opts.scale === 'number' ? opts.scale : 300;
  opts.step?.(`catalogue of ${size} SKUs, ${products} to tag, word lists`);
  await writeTaggingDemo(rt, opts.documentId, base, size, products);
  return {
    users: DEMO_APP_USERS.filter((u) => u.capability === 'tagging'),
    notes: [
      `Tagging: katalog ${size} SKU di sheet "${CATALOGUE_SHEET}", ${products} SKU tanpa kata kunci di sheet "${PRODUCT_SHEET}"; Gemini stand-in ${base}.`,
    ],
  };
};
