// UrlFetchApp (reference/url-fetch/url-fetch-app): real HTTP from the host (Drive's REST upload answered in the runtime);
// fetchAll in parallel up to a cap; daily quota.
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { prepare, PreparedRequest } from './request';
import { send, RawResponse } from './http';
import { isDriveUpload, serveDriveUpload } from './google-drive';
import { HTTPResponse } from './response';
import { quotaLedger } from '../../runtime/quotas';
import { readCalibration } from '../../runtime/calibration';

/**
 * How many requests of one fetchAll are in flight at once. Google documents no cap; developers observe about 10–20
 * (https://magesheet.com/blog/apps-script-urlfetchapp-quotas-retries; tanaikech's 2018 benchmark showed 5 running
 * together). The lower end is the safe assumption; settings.fetchAllConcurrency or a calibration replaces it.
 */
export const FETCH_ALL_CONCURRENCY = 10;

export function fetchAllConcurrency(env: RuntimeEnv): number {
  const s = env.config.settings.fetchAllConcurrency;
  const n =
    s !== undefined ? Number(s) : (readCalibration(env.config.stateDir)?.limits?.fetchAllConcurrency ?? FETCH_ALL_CONCURRENCY);
  return Math.max(1, Math.floor(n));
}

/** Runs `jobs` with at most `cap` at once; results in order. */
async function pool<T>(jobs: Array<() => Promise<T>>, cap: number): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(cap, jobs.length) }, lane));
  return out;
}

type Hosted<T> = { [K in keyof T]: T[K] extends (...a: infer A) => unknown ? (...a: A) => unknown : T[K] };

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
    quotaLedger(this.env).take('urlFetch', this.ctx.user, this.ctx.now(), reqs.length);
    this.ctx.count('UrlFetchApp.request', reqs.length);
    const raws = await pool(
      reqs.map((r) => () => (isDriveUpload(r.url) ? serveDriveUpload(this.ctx, this.env, r) : send(r))),
      fetchAllConcurrency(this.env),
    );
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
