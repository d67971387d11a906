// "Did you mean …?": the closest known names to an unknown one, by edit distance (case-insensitive).

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The known names at the smallest edit distance from `input` (up to `n`, in list order); none when nothing is reasonably close. */
export function closest(input: string, known: readonly string[], n = 3): string[] {
  const q = input.trim().toLowerCase();
  const scored = known.map((k, i) => {
    const kk = k.toLowerCase();
    const d = kk.startsWith(q) || q.startsWith(kk) ? Math.min(editDistance(q, kk), 1) : editDistance(q, kk);
    return { k, d, i };
  });
  const limit = Math.max(2, Math.ceil(q.length / 2));
  const near = scored.filter((s) => s.d <= limit);
  const best = Math.min(...near.map((s) => s.d));
  return near
    .filter((s) => s.d === best)
    .sort((a, b) => a.i - b.i)
    .slice(0, n)
    .map((s) => s.k);
}

/** The canonical spelling of `input` in `known` (case- and space-insensitive), or null. */
export function canonical(input: string, known: readonly string[]): string | null {
  const fold = (t: string) =>
    t
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .toLowerCase();
  const q = fold(input);
  return known.find((k) => fold(k) === q) ?? null;
}
