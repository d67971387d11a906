// Which word-list entry a keyword runs into: whole words and runs of words, words glued to Indonesian suffixes,
// particles and prefixes or to numbers, and near-miss spellings of brand names — never a legitimate product word.
import { LEGITIMATE_WORDS, normalize, RemovingGroup, stem, variants, WordEntry, WordLists } from './wordlists';

/** A list entry whose group removes keywords. */
export type ListedWord = WordEntry & { group: RemovingGroup };

export interface WordMatch {
  entry: ListedWord;
  /** True when only a near-miss spelling of a brand name matched ("tuperware" for Tupperware). */
  near: boolean;
}

/*
 * Affixes. A keyword word is also read without, from the end: a particle (-lah, -kah, -pun), then a possessive
 * (-nya, -ku, -mu), then a derivational suffix (-kan, -an, -i); and from the front without di-, ter- or ber-, or
 * with a suffix gone also without ke- or se- (the confixes ke-…-an, se-…-nya). What remains must be the list word
 * itself, at least MIN_BASE letters long: "tupperwarenya", "diskonan", "didiskon", "kekompakan", "pistolnya".
 * Why not more: ke- and se- alone turn ordinary words into others ("keranjang" is not ke- + "ranjang", "selai" is
 * not se- + "lai"); me-/pe- change the word's first letter (memotong → potong) and cannot be undone by cutting; a
 * base under 4 letters is too often the front of an unrelated word (buku, saku, paku, ikan). Stripped forms are
 * compared with the list word as written, never stemmed again ("promosi" minus -i is "promos", which is not "promo").
 */
const PARTICLES = ['lah', 'kah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
const DERIVATIONAL = ['kan', 'an', 'i'];
const PREFIXES = ['di', 'ter', 'ber'];
const CONFIX_PREFIXES = ['ke', 'se'];
const MIN_BASE = 4;

/*
 * Near misses, for brand names only: a word (or run of words) within ⌊edit distance⌋ of a brand, counting a swap of
 * two neighbouring letters as one edit, starting with the same letter:
 *   brand of 5 letters or fewer   exact only  (jenga, rubik: one edit away lie too many real words — jengi, rubin)
 *   6 to 8 letters                 1 edit     (ziplock, teflonn, velkro, betadin, pampres)
 *   9 letters or more              2 edits    (tuperware, tupperwere, sterofom, bublewrap)
 * Forbidden, generic, attribute and promotional words match exactly (with affixes) but never by spelling: one
 * letter separates "pistol" from "piston", "kompak" from "kompas", "ribet" from "rivet" — all products we sell.
 * A different first letter is never a misspelling here ("hampers" is not "pampers"). Words people really use that
 * sit one edit from a brand are on the allowed list (LEGITIMATE_WORDS), as is the sheet's "boleh" group and the
 * top-search keywords; none of them is ever removed by spelling or affixes (a list word written exactly still is).
 */
function maxEdits(brandLength: number): number {
  if (brandLength >= 9) return 2;
  return brandLength >= 6 ? 1 : 0;
}

interface Brand {
  entry: ListedWord;
  /** The brand as written or its stem (Pampers: "pampers", "pamper"), each with its own edit allowance. */
  key: string;
}

interface Compiled {
  /** Normalised list word (spaces removed) and its stem → entry, for every group but generic and allowed. */
  exact: Map<string, ListedWord>;
  generic: Map<string, ListedWord>;
  /** Brand keys by their first letter (a near miss starts with the same letter). */
  brands: Map<string, Brand[]>;
  allowed: Set<string>;
  /** Longest run of words worth joining: the most words in a removing list word, plus one (a word split in two). */
  maxRun: number;
  /** Longest brand key, for skipping runs no near miss can come from. */
  maxBrand: number;
  /** Answers already given (the same keywords recur across a catalogue), bounded. */
  memo: Map<string, WordMatch | null>;
}

const MEMO_MAX = 20_000;
const NONE: readonly string[] = [];
const compiledCache = new WeakMap<object, WeakMap<object, Compiled>>();

const joined = (s: string) => normalize(s).replace(/ /g, '');

/** The lists and allowed words in lookup form, built once per pair of arrays (entries may be plain cached JSON). */
function compile(lists: WordLists, allowed: readonly string[]): Compiled {
  let byAllowed = compiledCache.get(lists);
  if (!byAllowed) compiledCache.set(lists, (byAllowed = new WeakMap()));
  const hit = byAllowed.get(allowed);
  if (hit) return hit;
  const c: Compiled = {
    exact: new Map(),
    generic: new Map(),
    brands: new Map(),
    allowed: new Set([...LEGITIMATE_WORDS, ...allowed.flatMap((a) => [joined(a), ...tokens(a)])]),
    memo: new Map(),
    maxRun: 2,
    maxBrand: 0,
  };
  for (const e of lists) {
    const raw = joined(e.word);
    if (!raw) continue;
    if (e.group === 'allowed') {
      c.allowed.add(raw);
      continue;
    }
    const listed = e as ListedWord;
    if (e.group !== 'generic') c.maxRun = Math.max(c.maxRun, tokens(e.word).length + 1);
    const map = e.group === 'generic' ? c.generic : c.exact;
    for (const k of [raw, stem(raw)]) if (!map.has(k)) map.set(k, listed);
    if (e.group !== 'brand') continue;
    for (const key of new Set([raw, stem(raw)]))
      if (maxEdits(key.length) > 0) {
        c.brands.set(key[0], [...(c.brands.get(key[0]) ?? []), { entry: listed, key }]);
        c.maxBrand = Math.max(c.maxBrand, key.length);
      }
  }
  byAllowed.set(allowed, c);
  return c;
}

/** Words as the matcher sees them: normalised, and split where letters meet digits ("tupperware2", "2in1"). */
export function tokens(keyword: string): string[] {
  return normalize(keyword)
    .replace(/([a-z])(?=\d)|(\d)(?=[a-z])/g, '$1$2 ')
    .split(' ')
    .filter(Boolean);
}

/** `w` and `w` without each of `suffixes` it ends with. */
function cut(w: string, suffixes: readonly string[]): string[] {
  const out = [w];
  for (const s of suffixes) if (w.length > s.length && w.endsWith(s)) out.push(w.slice(0, -s.length));
  return out;
}

/** The word without Indonesian affixes (see above), not the word itself; each at least MIN_BASE letters. */
export function affixForms(w: string): string[] {
  const out: string[] = [];
  const add = (f: string) => {
    if (f !== w && f.length >= MIN_BASE && !out.includes(f)) out.push(f);
  };
  for (const a of cut(w, PARTICLES))
    for (const b of cut(a, POSSESSIVES))
      for (const base of cut(b, DERIVATIONAL)) {
        add(base);
        for (const p of PREFIXES) if (base.startsWith(p)) add(base.slice(p.length));
        if (base !== w) for (const p of CONFIX_PREFIXES) if (base.startsWith(p)) add(base.slice(p.length));
      }
  return out;
}

/** Edit distance with neighbour swaps (optimal string alignment), or Infinity once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return Infinity;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** Runs of up to `max` adjacent words, joined without spaces ("post it" → "postit"). */
function runs(ts: string[], max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    let acc = '';
    for (let j = i; j < ts.length && j < i + max; j++) out.push((acc += ts[j]));
  }
  return out;
}

/** Letters the affixes can add to a word: ber- + -kan + -nya + -lah. */
const MAX_AFFIX = 3 + 3 + 3 + 3;

function exactIn(map: Map<string, ListedWord>, run: string, stripped: readonly string[]): ListedWord | null {
  for (const v of variants(run)) {
    const e = map.get(v);
    if (e) return e;
  }
  for (const f of stripped) {
    const e = map.get(f);
    if (e) return e;
  }
  return null;
}

function nearBrand(c: Compiled, run: string, stripped: readonly string[]): ListedWord | null {
  if (run.length < 5 || run.length > c.maxBrand + 2 + MAX_AFFIX) return null; // brands have 6+ letters, ≤ 2 edits
  for (const f of new Set([run, stem(run), ...stripped]))
    for (const { entry, key } of c.brands.get(f[0]) ?? []) {
      const max = maxEdits(key.length);
      if (editDistance(f, key, max) <= max) return entry;
    }
  return null;
}

function find(c: Compiled, ts: string[]): WordMatch | null {
  // an allowed word is matched only as itself: no affixes cut, no near miss
  const stripped = (run: string): string[] | null => (c.allowed.has(run) ? null : affixForms(run));
  const whole = ts.join('');
  const generic = exactIn(c.generic, whole, stripped(whole) ?? []);
  if (generic) return { entry: generic, near: false };
  const all = runs(ts, c.maxRun).map((r) => ({ r, forms: stripped(r) }));
  for (const { r, forms } of all) {
    const e = exactIn(c.exact, r, forms ?? []);
    if (e) return { entry: e, near: false };
  }
  for (const { r, forms } of all) {
    const e = forms && nearBrand(c, r, forms);
    if (e) return { entry: e, near: true };
  }
  return null;
}

/**
 * The entry a keyword runs into, or null. Generic terms remove a keyword only when they are the whole keyword
 * ("peralatan dapur" goes, "rak peralatan dapur" stays); the other groups remove any keyword containing them, as one
 * word or a run of words ("Post it", "postit", "Rubik's cube"), with affixes or digits glued on; brand names also by
 * a near-miss spelling. `allowed`: more words never matched by affix or spelling (the top-search keywords); pass
 * the same array for a whole job, its lookup form is built once.
 */
export function matchKeyword(keyword: string, lists: WordLists, allowed: readonly string[] = NONE): WordMatch | null {
  const ts = tokens(keyword);
  if (!ts.length) return null;
  const c = compile(lists, allowed);
  const key = ts.join(' ');
  const known = c.memo.get(key);
  if (known !== undefined) return known;
  const m = find(c, ts);
  if (c.memo.size >= MEMO_MAX) c.memo.clear();
  c.memo.set(key, m);
  return m;
}
