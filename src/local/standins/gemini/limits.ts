// The Gemini API's rate limits per usage tier (requests and input tokens per minute, requests per day), answered as
// the real API answers them: 429 RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo.

/** One tier's limits for a Flash model. */
export interface TierLimits {
  name: string;
  rpm: number;
  /** Input tokens per minute. */
  tpm: number;
  rpd: number;
}

/**
 * ai.google.dev/gemini-api/docs/rate-limits (Gemini 2.5 Flash; the page changes often — check it): the free tier's
 * lowest published figures (10 RPM / 250,000 TPM / 250 RPD), Tier 1 1,000 RPM / 1,000,000 TPM / 10,000 RPD, Tier 2
 * 2,000 / 3,000,000 / 100,000, Tier 3 10,000 / 8,000,000 / no daily cap. Limits are per project, not per key; TPM
 * counts input tokens; the daily count resets at midnight Pacific time.
 */
export const TIERS = {
  free: { name: 'free', rpm: 10, tpm: 250_000, rpd: 250 },
  tier1: { name: 'tier1', rpm: 1_000, tpm: 1_000_000, rpd: 10_000 },
  tier2: { name: 'tier2', rpm: 2_000, tpm: 3_000_000, rpd: 100_000 },
  tier3: { name: 'tier3', rpm: 10_000, tpm: 8_000_000, rpd: Number.POSITIVE_INFINITY },
} satisfies Record<string, TierLimits>;

export type TierName = keyof typeof TIERS;

export interface Limited {
  limit: 'rpm' | 'tpm' | 'rpd';
  message: string;
  details: unknown[];
}

const MINUTE = 60_000;
const MESSAGE =
  'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.';

/** The Pacific-time day of an instant (RPD resets at midnight Pacific time). */
function pacificDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(ms));
}

/** Admits requests within the tier's limits over a sliding minute and the Pacific day; refused requests count nothing. */
export class RateLimiter {
  private window: Array<{ at: number; tokens: number }> = [];
  private day = '';
  private today = 0;
  constructor(readonly limits: TierLimits) {}

  /** Null when the request may go (and it is counted), else why it is refused. */
  admit(now: number, tokens: number): Limited | null {
    while (this.window.length && this.window[0].at <= now - MINUTE) this.window.shift();
    const d = pacificDay(now);
    if (d !== this.day) {
      this.day = d;
      this.today = 0;
    }
    const paid = this.limits.name !== 'free';
    if (this.today + 1 > this.limits.rpd) return this.refuse('rpd', paid, this.untilPacificMidnight(now));
    if (this.window.length + 1 > this.limits.rpm) return this.refuse('rpm', paid, this.window[0].at + MINUTE - now);
    const used = this.window.reduce((a, w) => a + w.tokens, 0);
    if (used + tokens > this.limits.tpm) {
      // Wait until enough of the minute's tokens have left the window (a single request above the limit never fits).
      let freed = 0;
      let until = MINUTE;
      for (const w of this.window) {
        freed += w.tokens;
        if (used - freed + tokens <= this.limits.tpm) {
          until = w.at + MINUTE - now;
          break;
        }
      }
      return this.refuse('tpm', paid, until);
    }
    this.window.push({ at: now, tokens });
    this.today++;
    return null;
  }

  /** Takes the tokens of a request admitted at `at` back out of the minute (it still counts against RPM and RPD). */
  giveBack(at: number, tokens: number): void {
    for (let i = this.window.length - 1; i >= 0; i--) {
      if (this.window[i].at === at && this.window[i].tokens === tokens) {
        this.window[i] = { ...this.window[i], tokens: 0 };
        return;
      }
    }
  }

  private untilPacificMidnight(now: number): number {
    let t = now;
    const d = pacificDay(now);
    while (pacificDay(t) === d) t += 15 * 60_000;
    return t - now;
  }

  private refuse(limit: Limited['limit'], paid: boolean, waitMs: number): Limited {
    const tier = paid ? 'paid_tier' : 'free_tier';
    const free = paid ? '' : '-FreeTier';
    const metric =
      limit === 'tpm'
        ? [
            `generativelanguage.googleapis.com/generate_content_${tier}_input_token_count`,
            `GenerateContentInputTokensPerModelPerMinute${free}`,
          ]
        : limit === 'rpm'
          ? [
              `generativelanguage.googleapis.com/generate_content_${tier}_requests`,
              `GenerateRequestsPerMinutePerProjectPerModel${free}`,
            ]
          : [
              `generativelanguage.googleapis.com/generate_content_${tier}_requests`,
              `GenerateRequestsPerDayPerProjectPerModel${free}`,
            ];
    const value = limit === 'tpm' ? this.limits.tpm : limit === 'rpm' ? this.limits.rpm : this.limits.rpd;
    return {
      limit,
      message: MESSAGE,
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
          violations: [{ quotaMetric: metric[0], quotaId: metric[1], quotaValue: String(value) }],
        },
        {
          '@type': 'type.googleapis.com/google.rpc.Help',
          links: [
            { description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' },
          ],
        },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${Math.max(1, Math.ceil(waitMs / 1000))}s` },
      ],
    };
  }
}
