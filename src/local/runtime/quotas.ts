// Apps Script's daily quotas per user, for consumer or Google Workspace accounts, counted on the emulated clock.
import type { RuntimeEnv, Store } from './env';
import { GasError } from './types';

/** Which quota table applies: settings.accountType or DATADESK_ACCOUNT; consumer (the lower quotas) by default. */
export type AccountType = 'consumer' | 'workspace';

export interface DailyQuota {
  consumer: number;
  workspace: number;
  /** The exception's text when the quota is spent. */
  error: string;
  /** A settings key that overrides the limit (tests use small ones). */
  setting: string;
}

/**
 * guides/services/quotas ("Current quotas"; quotas are per user and reset 24 hours after the first request). Texts:
 * "Service invoked too many times for one day: <service>." and "Service using too much computer time for one day."
 * (the page's "Exception messages"); the service names after the colon for urlfetch and email are the ones users
 * report; for properties and jdbc they are unconfirmed and follow the same pattern.
 */
export const DAILY_QUOTAS = {
  urlFetch: {
    consumer: 20_000,
    workspace: 100_000,
    error: 'Service invoked too many times for one day: urlfetch.',
    setting: 'urlFetchDailyQuota',
  },
  emailRecipients: {
    consumer: 100,
    workspace: 1_500,
    error: 'Service invoked too many times for one day: email.',
    setting: 'emailDailyQuota',
  },
  triggerRuntimeMs: {
    consumer: 90 * 60_000,
    workspace: 6 * 3_600_000,
    error: 'Service using too much computer time for one day.',
    setting: 'triggerRuntimeDailyMs',
  },
  properties: {
    consumer: 50_000,
    workspace: 500_000,
    error: 'Service invoked too many times for one day: properties.',
    setting: 'propertiesDailyQuota',
  },
  jdbcConnections: {
    consumer: 10_000,
    workspace: 50_000,
    error: 'Service invoked too many times for one day: jdbc.',
    setting: 'jdbcDailyQuota',
  },
} satisfies Record<string, DailyQuota>;

export type QuotaName = keyof typeof DAILY_QUOTAS;

const DAY_MS = 24 * 3_600_000;

export function accountType(env: RuntimeEnv): AccountType {
  const v = env.config.settings.accountType ?? process.env.DATADESK_ACCOUNT ?? 'consumer';
  return v === 'workspace' ? 'workspace' : 'consumer';
}

export function dailyLimit(env: RuntimeEnv, name: QuotaName): number {
  const q = DAILY_QUOTAS[name];
  const override = env.config.settings[q.setting];
  return override !== undefined ? Number(override) : q[accountType(env)];
}

interface Window {
  /** When the first request of the current 24-hour window was made (emulated clock, epoch ms). */
  start: number;
  used: number;
}

/** Every user's use of every daily quota; kept in <state>/quotas.json. */
export class QuotaLedger implements Store {
  private data: Record<string, Record<string, Window>>;
  private dirty = false;
  constructor(private env: RuntimeEnv) {
    this.data = env.readJson('quotas.json', {});
  }

  private window(name: QuotaName, user: string, now: Date): Window {
    const byUser = (this.data[name] ??= {});
    let w = byUser[user];
    if (!w || now.getTime() >= w.start + DAY_MS) w = byUser[user] = { start: now.getTime(), used: 0 };
    return w;
  }

  used(name: QuotaName, user: string, now: Date): number {
    const w = this.data[name]?.[user];
    return w && now.getTime() < w.start + DAY_MS ? w.used : 0;
  }

  remaining(name: QuotaName, user: string, now: Date): number {
    return Math.max(0, dailyLimit(this.env, name) - this.used(name, user, now));
  }

  /** Takes `n` from today's allowance, or throws Apps Script's quota error and takes none. */
  take(name: QuotaName, user: string, now: Date, n = 1): void {
    const w = this.window(name, user, now);
    if (w.used + n > dailyLimit(this.env, name)) throw new GasError(DAILY_QUOTAS[name].error);
    w.used += n;
    this.dirty = true;
  }

  /** Records use that already happened (trigger runtime is known only when the execution ends). */
  add(name: QuotaName, user: string, now: Date, n: number): void {
    this.window(name, user, now).used += n;
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    this.env.writeJson('quotas.json', this.data);
    this.dirty = false;
  }
}

export function quotaLedger(env: RuntimeEnv): QuotaLedger {
  return env.store('quotas', () => new QuotaLedger(env));
}
