// The keyword word lists (too generic, forbidden, brands, attribute words, promotional words, and allowed words that
// are never removed by a near-miss or affix match): seed, normalising and parsing. Matching is in match.ts.
import { invalid } from '../core/errors';
import { msg, t } from '../core/text';

export type WordGroup = 'generic' | 'forbidden' | 'brand' | 'attribute' | 'promo' | 'allowed';
/** The groups whose words remove a keyword. */
export type RemovingGroup = Exclude<WordGroup, 'allowed'>;

/** What the sheet and the "removed" column call each group (Bahasa Indonesia first). */
export const GROUP_LABEL: Record<WordGroup, { id: string; en: string }> = {
  generic: { id: 'terlalu umum', en: 'too generic' },
  forbidden: { id: 'terlarang', en: 'forbidden' },
  brand: { id: 'merek', en: 'brand' },
  attribute: { id: 'atribut', en: 'attribute' },
  promo: { id: 'promosi', en: 'promotional' },
  allowed: { id: 'boleh', en: 'allowed' },
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
  boleh: 'allowed',
  'kata sah': 'allowed',
  diizinkan: 'allowed',
  allowed: 'allowed',
};

/**
 * Ordinary product words within one edit (or an affix) of a seeded brand name, found by running the matcher over
 * the Indonesian hunspell dictionary (hunspell-id, 31,132 words) and common marketplace words. They are never
 * removed by spelling or affixes, whatever the sheet says; the seeded sheet lists them under "boleh" as an example.
 */
export const LEGITIMATE_WORDS = [
  'termos', // vacuum flask (KBBI), one letter from Thermos
  'pamer', // "to show off", one letter from Pamper(s)
  'telfon', // everyday spelling of "telepon", a swap from Teflon
  'hampers', // gift baskets; not a misspelt Pampers (the first letter differs), listed to make that plain
];

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
  { word: LEGITIMATE_WORDS.join(', '), group: 'allowed' },
];

/** The note column of a seeded row. */
export function seedNote(group: WordGroup): string {
  if (group === 'promo') return t('tagging.words.notePromo');
  if (group === 'allowed') return t('tagging.words.noteAllowed');
  return t('tagging.words.noteSource');
}

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
