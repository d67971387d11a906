// The keyword word lists (too generic, forbidden, brands, attribute words, promotional words): seed, parsing, matching.
import { invalid } from '../core/errors';
import { msg } from '../core/text';

export type WordGroup = 'generic' | 'forbidden' | 'brand' | 'attribute' | 'promo';

/** What the sheet and the "removed" column call each group (Bahasa Indonesia first). */
export const GROUP_LABEL: Record<WordGroup, { id: string; en: string }> = {
  generic: { id: 'terlalu umum', en: 'too generic' },
  forbidden: { id: 'terlarang', en: 'forbidden' },
  brand: { id: 'merek', en: 'brand' },
  attribute: { id: 'atribut', en: 'attribute' },
  promo: { id: 'promosi', en: 'promotional' },
};

/** Names accepted in the sheet's group column (normalised), in both languages. */
const GROUP_ALIASES: Record<string, WordGroup> = {
  'terlalu umum': 'generic',
  umum: 'generic',
  generic: 'generic',
  'too generic': 'generic',
  terlarang: 'forbidden',
  dilarang: 'forbidden',
  forbidden: 'forbidden',
  merek: 'brand',
  merk: 'brand',
  brand: 'brand',
  'merek lain': 'brand',
  atribut: 'attribute',
  berulang: 'attribute',
  attribute: 'attribute',
  'kata berulang': 'attribute',
  promosi: 'promo',
  promo: 'promo',
  promotional: 'promo',
};

/** The source's filter table (Gambar 3.22) plus the promotional words marketplaces ban; seeds the word-list sheet. */
export const SEED_WORDS: Array<{ word: string; group: WordGroup }> = [
  ...[
    'Furnitur',
    'Elektronik',
    'Peralatan Dapur',
    'Perlengkapan Dapur',
    'Gadget',
    'Otomatif',
    'Rumah Tangga',
    'Home Improvement',
    'Hobi & Gaya Hidup',
    'Perawatan & Kecantikan',
    'Aksesoris Fashion',
    'Alat Pengaman',
  ].map((word) => ({ word, group: 'generic' as const })),
  ...['Kompak', 'Merangsang', 'Ribet', 'Pistol', 'eeek'].map((word) => ({ word, group: 'forbidden' as const })),
  ...[
    'Fischer',
    'Jenga',
    'Rubik, rubiks',
    'Velcro',
    'Scotch Tape',
    'Post-it',
    'Tupperware',
    'Ziploc',
    'Teflon',
    'Thermos',
    'Instant Pot',
    'Bubble Wrap',
    'Styrofoam',
    'Pampers',
    'Betadine',
  ].map((word) => ({ word, group: 'brand' as const })),
  ...['Brand', 'Color', 'Dimensi produk', 'Kapasitas', 'Daya', 'Material'].map((word) => ({ word, group: 'attribute' as const })),
  ...['diskon', 'termurah', 'promo', 'gratis ongkir', 'cashback', 'terlaris', 'flash sale', 'obral'].map((word) => ({
    word,
    group: 'promo' as const,
  })),
];

/** Lower case, accents and apostrophes dropped, '&' read as "dan", punctuation as spaces. */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Simple variant folding: a plural/possessive trailing "s" on longer words (rubiks → rubik). */
export function stem(token: string): string {
  return token.length > 4 && token.endsWith('s') ? token.slice(0, -1) : token;
}

/** The forms a written word may stand for: itself, without a plural "s", without an English plural "es". */
export function variants(w: string): string[] {
  const out = [w, stem(w)];
  if (w.length > 5 && w.endsWith('es')) out.push(w.slice(0, -2), stem(w.slice(0, -2)));
  return out;
}

export interface WordEntry {
  /** As written in the sheet. */
  word: string;
  group: WordGroup;
  /** Normalised, spaces removed, stemmed: what matching compares. */
  key: string;
}

export type WordLists = WordEntry[];

export function entry(word: string, group: WordGroup): WordEntry | null {
  const n = normalize(word);
  if (!n) return null;
  return { word: word.trim(), group, key: stem(n.replace(/ /g, '')) };
}

export function seedWordLists(): WordLists {
  return SEED_WORDS.flatMap((w) =>
    w.word
      .split(',')
      .map((x) => entry(x, w.group))
      .filter((e): e is WordEntry => !!e),
  );
}

/** Parses the word-list sheet's rows [word, group, ...]; an unknown group is an error naming the row. */
export function parseWordRows(rows: unknown[][], firstRow = 2): WordLists {
  const out: WordLists = [];
  rows.forEach((r, i) => {
    const word = String(r[0] ?? '').trim();
    const groupRaw = String(r[1] ?? '').trim();
    if (!word && !groupRaw) return;
    const group = GROUP_ALIASES[normalize(groupRaw).replace(/\bdan\b/g, '&')] ?? GROUP_ALIASES[normalize(groupRaw)];
    if (!group) {
      const row = firstRow + i;
      throw invalid(msg('tagging.error.wordGroup', { row, group: groupRaw.slice(0, 40) }), { row });
    }
    if (!word) return;
    for (const w of word.split(',')) {
      const e = entry(w, group);
      if (e) out.push(e);
    }
  });
  return out;
}

/**
 * The entry a keyword runs into, or null. Generic terms remove a keyword only when they are the whole keyword
 * ("peralatan dapur" goes, "rak peralatan dapur" stays); the other groups remove any keyword containing them,
 * as one word or a run of words ("Post it", "postit", "Rubik's cube").
 */
export function matchKeyword(keyword: string, lists: WordLists): WordEntry | null {
  const tokens = normalize(keyword).split(' ').filter(Boolean);
  if (!tokens.length) return null;
  const whole = stem(tokens.join(''));
  const runs = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let acc = '';
    for (let j = i; j < tokens.length; j++) {
      acc += tokens[j];
      for (const v of variants(acc)) runs.add(v);
    }
  }
  for (const e of lists) {
    if (e.group === 'generic') {
      if (whole === e.key) return e;
    } else if (runs.has(e.key)) return e;
  }
  return null;
}
