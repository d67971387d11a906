// The filter every model answer goes through: word lists, duplicates, length and count bounds.
import { GROUP_LABEL, WordLists, matchKeyword, normalize, stem } from './wordlists';

export interface FilterLimits {
  maxKeywords: number;
  /** Bound on the kept keywords joined with ", ". */
  maxTotalLength: number;
  maxKeywordLength: number;
}

export const DEFAULT_LIMITS: FilterLimits = { maxKeywords: 8, maxTotalLength: 160, maxKeywordLength: 40 };

export interface Removed {
  word: string;
  /** "merek", "terlalu umum", "duplikat", ... */
  reason: string;
}

export interface Filtered {
  kept: string[];
  removed: Removed[];
}

/** Cleans one keyword: spaces collapsed, lower case, stray quotes and punctuation at the ends dropped. */
export function clean(k: string): string {
  return k
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'.,;:#-]+|[\s"'.,;:#-]+$/g, '')
    .toLowerCase();
}

export function filterKeywords(raw: readonly string[], lists: WordLists, limits: FilterLimits = DEFAULT_LIMITS): Filtered {
  const kept: string[] = [];
  const removed: Removed[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const r of raw) {
    const k = clean(String(r ?? ''));
    if (!k || !normalize(k)) continue;
    const hit = matchKeyword(k, lists);
    if (hit) {
      removed.push({
        word: k,
        reason: GROUP_LABEL[hit.group].id + (normalize(k) === normalize(hit.word) ? '' : ` (${hit.word})`),
      });
      continue;
    }
    const key = normalize(k).split(' ').map(stem).join(' ');
    if (seen.has(key)) {
      removed.push({ word: k, reason: 'duplikat' });
      continue;
    }
    if (k.length > limits.maxKeywordLength) {
      removed.push({ word: k, reason: 'terlalu panjang' });
      continue;
    }
    const add = (kept.length ? 2 : 0) + k.length;
    if (kept.length >= limits.maxKeywords || total + add > limits.maxTotalLength) {
      removed.push({ word: k, reason: 'melebihi batas' });
      continue;
    }
    seen.add(key);
    kept.push(k);
    total += add;
  }
  return { kept, removed };
}

/** "Tupperware → merek; diskon → promosi". */
export function formatRemoved(removed: readonly Removed[]): string {
  return removed.map((r) => `${r.word} → ${r.reason}`).join('; ');
}

/** The standard tag string appended to the product name: "Nama Produk | kw1, kw2, kw3". */
export function tagString(name: string, kept: readonly string[]): string {
  return kept.length ? `${name.trim()} | ${kept.join(', ')}` : name.trim();
}
