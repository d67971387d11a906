// A worker's minute of input tokens: what fits now, how long until more does, and its compact form in the job.
import { compactSent, expandSent, fitTokens, tokensInMinute, type Sent } from '../../../src/server/tagging/minute';

describe("a worker's minute of input tokens", () => {
  it('counts only the last minute and fits requests in order, passing over one too big for one behind it', () => {
    const w: Sent[] = [
      [0, 500],
      [30_000, 300],
    ];
    expect(tokensInMinute([...w], 59_999)).toBe(800);
    expect(tokensInMinute([...w], 60_000)).toBe(300);
    const fit = fitTokens([150, 300, 100], (n) => n, [...w], 1_000, 50_000);
    expect(fit).toEqual({ fit: [150], waitMs: 0 });
    expect(fitTokens([300, 100], (n) => n, [...w], 1_000, 50_000).fit).toEqual([100]);
  });

  it('says how long until the smallest request fits, and lets one above the whole share go into an empty minute', () => {
    const w: Sent[] = [
      [0, 500],
      [30_000, 400],
    ];
    // 900 used of 1,000: 200 fits once the first 500 leave at 60 s (+50 ms), 10 s from now.
    expect(fitTokens([200, 600], (n) => n, [...w], 1_000, 50_000)).toEqual({ fit: [], waitMs: 10_050 });
    expect(fitTokens([5_000], (n) => n, [], 1_000, 0)).toEqual({ fit: [5_000], waitMs: 0 });
    expect(fitTokens([5_000], (n) => n, [[0, 1]], 1_000, 1).waitMs).toBe(60_049);
  });

  it('keeps per-second sums for the property and reads them back as sent at the end of their second', () => {
    const c = compactSent(
      [
        [1_000, 10],
        [1_500, 5],
        [70_000, 7],
      ],
      60_500,
    );
    expect(c).toEqual([
      [1, 15],
      [70, 7],
    ]);
    expect(expandSent(c)).toEqual([
      [1_999, 15],
      [70_999, 7],
    ]);
  });
});
