// A worker's minute of model requests and the input tokens each was expected to take, so its chunks keep within their
// share of the project's tokens per minute (Gemini counts a request's input tokens over a sliding minute, a refused
// one's too); kept small enough for the job's property.

/** When a request went (epoch ms) and the input tokens it was expected to take. */
export type Sent = [at: number, tokens: number];

const MINUTE_MS = 60_000;

/** Drops what left the minute (the window is in time order); the tokens still in it. */
export function tokensInMinute(window: Sent[], now: number): number {
  while (window.length && window[0][0] <= now - MINUTE_MS) window.shift();
  return window.reduce((a, s) => a + s[1], 0);
}

/**
 * The requests, in their order, whose expected tokens fit beside the minute's: a request that does not fit is
 * passed over for a smaller one behind it. When none fits, `waitMs` is how long until the smallest does (one larger
 * than the whole share goes alone into an empty minute, or it would never go).
 */
export function fitTokens<T>(reqs: readonly T[], tokensOf: (r: T) => number, window: Sent[], share: number, now: number) {
  let used = tokensInMinute(window, now);
  const fit: T[] = [];
  for (const r of reqs) {
    const n = tokensOf(r);
    if (used + n <= share || (!used && !fit.length)) {
      fit.push(r);
      used += n;
    }
  }
  if (fit.length || !reqs.length) return { fit, waitMs: 0 };
  const need = Math.min(share, Math.min(...reqs.map(tokensOf)));
  let left = used;
  for (const [at, n] of window) {
    left -= n;
    if (left + need <= share) return { fit, waitMs: at + MINUTE_MS - now + 50 };
  }
  return { fit, waitMs: MINUTE_MS };
}

/** Per-second sums of the last minute, for a property; read back as sent at the second's end (never older). */
export function compactSent(window: readonly Sent[], now: number): Array<[number, number]> {
  const by = new Map<number, number>();
  for (const [at, n] of window) if (at > now - MINUTE_MS) by.set(Math.floor(at / 1000), (by.get(Math.floor(at / 1000)) ?? 0) + n);
  return [...by.entries()].sort((a, b) => a[0] - b[0]);
}

export function expandSent(w: ReadonlyArray<[number, number]>): Sent[] {
  return w.map(([sec, n]) => [sec * 1000 + 999, n]);
}
