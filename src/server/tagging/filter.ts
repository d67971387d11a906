// The filter every model answer goes through: clean keywords, word lists, duplicates, length and count bounds.
import { matchKeyword } from './match';
import type { RemovalReason } from './reasons';
import { normalize, stem, WordLists } from './wordlists';

export interface FilterLimits {
  maxKeywords: number;
  /** Bound on the kept keywords joined with ", ". */
  maxTotalLength: number;
  maxKeywordLength: number;
}

export const DEFAULT_LIMITS: FilterLimits = { maxKeywords: 8, maxTotalLength: 160, maxKeywordLength: 40 };

export interface Removed {
  /** The keyword as cleaned. */
  word: string;
  reason: RemovalReason;
}

export interface Filtered {
  kept: string[];
  removed: Removed[];
}

/**
 * Cleans one keyword for the tag string: lower case, one space between words, no symbols (®, ™, emoji, !!, #, *),
 * brackets or quotes. Kept inside a word: a hyphen between letters or digits ("abu-abu", "2-in-1"), a slash, dot or
 * comma between digits ("1/2", "1.5", "2,5"), "&" between words and "%" after a number; anything else becomes a
 * space. "kompor!!" → "kompor", "(gelas)" → "gelas", "rak piring®" → "rak piring".
 */
export function clean(k: string): string {
  return (
    k
      .replace(/[®™©℠]/g, ' ')
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      // every character that is not a letter, digit, space or one of the in-word signs goes
      .replace(/[^\p{L}\p{M}\p{N}\s\-/.,&%']/gu, ' ')
      .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, ' ')
      .replace(/(?<!\p{N})[/.,]|[/.,](?!\p{N})/gu, ' ')
      .replace(/(?<!\p{N})%/gu, ' ')
      .replace(/(?<!\p{L})'|'(?!\p{L})/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^&\s*|\s*&$/g, '')
  );
}

const dedupeKey = (k: string) => normalize(k).split(' ').map(stem).join(' ');

/** Keeps the clean keywords no list removes, once each, within the bounds; says why every other one went.
 * `allowed`: words never removed by a near-miss or affix match (the top-search keywords). */
export function filterKeywords(
  raw: readonly string[],
  lists: WordLists,
  limits: FilterLimits = DEFAULT_LIMITS,
  allowed?: readonly string[],
): Filtered {
  const kept: string[] = [];
  const removed: Removed[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const r of raw) {
    const k = clean(String(r ?? ''));
    if (!k || !normalize(k)) continue;
    const hit = matchKeyword(k, lists, allowed);
    if (hit) {
      const { entry, near } = hit;
      const same = normalize(k) === normalize(entry.word);
      removed.push({
        word: k,
        reason: { kind: 'list', group: entry.group, listWord: same && !near ? null : entry.word, near },
      });
      continue;
    }
    const key = dedupeKey(k);
    const first = seen.get(key);
    if (first !== undefined) {
      removed.push({ word: k, reason: { kind: 'duplicate', of: first === k ? null : first } });
      continue;
    }
    if (k.length > limits.maxKeywordLength) {
      removed.push({ word: k, reason: { kind: 'tooLong', max: limits.maxKeywordLength } });
      continue;
    }
    if (kept.length >= limits.maxKeywords) {
      removed.push({ word: k, reason: { kind: 'overCount', max: limits.maxKeywords } });
      continue;
    }
    const add = (kept.length ? 2 : 0) + k.length;
    if (total + add > limits.maxTotalLength) {
      removed.push({ word: k, reason: { kind: 'overLength', max: limits.maxTotalLength } });
      continue;
    }
    seen.set(key, k);
    kept.push(k);
    total += add;
  }
  return { kept, removed };
}

/** The standard tag string appended to the product name: "Nama Produk | kw1, kw2, kw3". */
export function tagString(name: string, kept: readonly string[]): string {
  return kept.length ? `${name.trim()} | ${kept.join(', ')}` : name.trim();
}
