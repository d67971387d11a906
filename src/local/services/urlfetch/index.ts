// UrlFetchApp (reference/url-fetch/url-fetch-app): real HTTP from the host; fetchAll in parallel; daily quota per user.
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv, Store } from '../../runtime/env';
import { prepare, PreparedRequest } from './request';
import { send, RawResponse } from './http';
import { HTTPResponse } from './response';

/** Consumer accounts: 20,000 UrlFetch calls a day (guides/services/quotas). settings.urlFetchDailyQuota overrides. */
export const DAILY_QUOTA = 20_000;
export const QUOTA_ERROR = 'Service invoked too many times for one day: urlfetch.';

type Hosted<T> = { [K in keyof T]: T[K] extends (...a: infer A) => unknown ? (...a: A) => unknown : T[K] };

/** Calls made per user per day (the day in the script's time zone on the emulated clock); kept in urlfetch-quota.json. */
class QuotaStore implements Store {
  private data: Record<string, Record<string, number>>;
  private dirty = false;
  constructor(private env: RuntimeEnv) {
    this.data = env.readJson('urlfetch-quota.json', {});
  }
  private day(now: Date): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.env.config.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  }
  /** Takes `n` calls from today's allowance, or throws Apps Script's quota error and takes none. */
  take(user: string, now: Date, n: number): void {
    const day = this.day(now);
    const limit = Number(this.env.config.settings.urlFetchDailyQuota ?? DAILY_QUOTA);
    const today = (this.data[day] ??= {});
    const used = today[user] ?? 0;
    if (used + n > limit) throw new GasError(QUOTA_ERROR);
    today[user] = used + n;
    for (const d of Object.keys(this.data)) if (d < day) delete this.data[d];
    this.dirty = true;
  }
  used(user: string, now: Date): number {
    return this.data[this.day(now)]?.[user] ?? 0;
  }
  save(): void {
    if (!this.dirty) return;
    this.env.writeJson('urlfetch-quota.json', this.data);
    this.dirty = false;
  }
}

export function urlFetchQuota(env: RuntimeEnv): QuotaStore {
  return env.store('urlfetch-quota', () => new QuotaStore(env));
}

/** Apps Script's error for a failed status without muteHttpExceptions: the URL's origin, the code, and the first
 * 147 characters of the body plus "..." (150 in all, as observed in reported messages). */
export function failureMessage(raw: RawResponse): string {
  const text = new TextDecoder().decode(raw.body);
  const shown = text.length > 150 ? text.slice(0, 147) + '...' : text;
  const origin = new URL(raw.url).origin;
  return `Request failed for ${origin} returned code ${raw.code}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`;
}

export class UrlFetchAppService
  implements Hosted<Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'>>
{
  static readonly gasName = 'UrlFetchApp';
  constructor(
    private ctx: ExecContext,
    private env: RuntimeEnv,
  ) {}

  private async run(reqs: PreparedRequest[]): Promise<HTTPResponse[]> {
    urlFetchQuota(this.env).take(this.ctx.user, this.ctx.now(), reqs.length);
    this.ctx.count('UrlFetchApp.request', reqs.length);
    const raws = await Promise.all(reqs.map((r) => send(r)));
    raws.forEach((raw, i) => {
      if (raw.code >= 400 && !reqs[i].muteHttpExceptions) throw new GasError(failureMessage(raw));
    });
    return raws.map((r) => new HTTPResponse(r));
  }

  async fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): Promise<HTTPResponse> {
    const [res] = await this.run([prepare(url, (params ?? {}) as Record<string, unknown>)]);
    return res;
  }

  /** Sends every request at once; answers come back in request order. Any failure throws (no partial results). */
  async fetchAll(requests: (string | GoogleAppsScript.URL_Fetch.URLFetchRequest)[]): Promise<HTTPResponse[]> {
    if (!Array.isArray(requests)) throw new GasError('Invalid argument: requests');
    const prepared = requests.map((r) =>
      typeof r === 'string'
        ? prepare(r, {})
        : prepare((r as { url?: unknown })?.url, (r ?? {}) as unknown as Record<string, unknown>),
    );
    return this.run(prepared);
  }

  /** The request fetch would send, without sending it (reference: getRequest(url, params)). */
  getRequest(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): Record<string, unknown> {
    const p = prepare(url, (params ?? {}) as Record<string, unknown>);
    const headers = { ...p.headers };
    delete headers['Content-Type'];
    delete headers['User-Agent'];
    return {
      url: p.url,
      method: p.method.toLowerCase(),
      headers,
      payload: p.body ? new TextDecoder().decode(p.body) : '',
      contentType: p.headers['Content-Type'] ?? 'application/x-www-form-urlencoded',
      followRedirects: p.followRedirects,
      validateHttpsCertificates: p.validateHttpsCertificates,
      muteHttpExceptions: p.muteHttpExceptions,
      useIntranet: false,
    };
  }
}

export function createUrlFetchApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new UrlFetchAppService(ctx, env);
}
