// Why the filter removed a keyword, in plain Bahasa Indonesia or English: the one table of these texts (to move into
// the add-on's language catalogue), and the "Kata Dihapus" cell built from them.
import type { RemovingGroup } from './wordlists';

export type Lang = 'id' | 'en';

/** Every text the removal column uses; `{word}` and `{n}` are filled in by `removalText`. */
export const REMOVAL_TEXTS = {
  generic: { id: 'terlalu umum', en: 'too generic' },
  forbidden: { id: 'kata terlarang', en: 'forbidden word' },
  brand: { id: 'nama merek', en: 'brand name' },
  attribute: { id: 'kata atribut produk', en: 'product attribute word' },
  promo: { id: 'kata promosi', en: 'promotional word' },
  /** A list word found inside a longer keyword, or as a variant ("wadah ziploc", "tupperwarenya"). */
  listWord: { id: '{reason} “{word}”', en: '{reason} “{word}”' },
  nearBrand: { id: 'mirip nama merek “{word}”', en: 'looks like the brand name “{word}”' },
  duplicate: { id: 'sudah ada', en: 'already listed' },
  duplicateOf: { id: 'sudah ada sebagai “{word}”', en: 'already listed as “{word}”' },
  tooLong: { id: 'terlalu panjang (maks. {n} karakter)', en: 'too long (max. {n} characters)' },
  overCount: { id: 'melebihi batas {n} kata kunci', en: 'over the limit of {n} keywords' },
  overLength: { id: 'tag melebihi {n} karakter', en: 'tag string over {n} characters' },
  /** One removed keyword in the cell; entries are joined with "; ". */
  entry: { id: '{word} — {reason}', en: '{word} — {reason}' },
} satisfies Record<string, Record<Lang, string>>;

type TextKey = keyof typeof REMOVAL_TEXTS;

/** Why one keyword went. `listWord` is the word as written in the word list, null when the keyword is that word. */
export type RemovalReason =
  | { kind: 'list'; group: RemovingGroup; listWord: string | null; near: boolean }
  | { kind: 'duplicate'; of: string | null }
  | { kind: 'tooLong'; max: number }
  | { kind: 'overCount'; max: number }
  | { kind: 'overLength'; max: number };

function fill(key: TextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return REMOVAL_TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** "kata terlarang", "nama merek “Ziploc”", "mirip nama merek “Tupperware”", "sudah ada", ... */
export function removalText(r: RemovalReason, lang: Lang): string {
  switch (r.kind) {
    case 'list': {
      if (r.near) return fill('nearBrand', lang, { word: r.listWord ?? '' });
      const reason = fill(r.group, lang);
      return r.listWord ? fill('listWord', lang, { reason, word: r.listWord }) : reason;
    }
    case 'duplicate':
      return r.of ? fill('duplicateOf', lang, { word: r.of }) : fill('duplicate', lang);
    default:
      return fill(r.kind, lang, { n: r.max });
  }
}

/** The "Kata Dihapus" cell: "pulpen — sudah ada; wadah ziploc — nama merek “Ziploc”". */
export function formatRemoved(removed: ReadonlyArray<{ word: string; reason: RemovalReason }>, lang: Lang = 'id'): string {
  return removed.map((r) => fill('entry', lang, { word: r.word, reason: removalText(r.reason, lang) })).join('; ');
}
