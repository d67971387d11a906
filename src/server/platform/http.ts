// UrlFetchApp: many requests at once (fetchAll), answers read as text or as bytes (base64 + SHA-256), sleeping.

export interface HttpReq {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  /** JSON text for POST. */
  payload?: string;
  /** Read the body as bytes (images): the answer then carries base64 and a SHA-256. */
  binary?: boolean;
}

export interface HttpRes {
  /** HTTP status; 0 when the request could not be made at all (DNS, refused connection). */
  code: number;
  text: string;
  base64: string | null;
  sha256: string | null;
  contentType: string;
}

function toParams(r: HttpReq): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const p: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: r.url,
    method: r.method,
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (r.headers) p.headers = r.headers;
  if (r.payload !== undefined) {
    p.payload = r.payload;
    p.contentType = 'application/json';
  }
  return p;
}

function hex(signed: number[]): string {
  return signed.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

function header(h: Record<string, unknown>, name: string): string {
  const k = Object.keys(h).find((x) => x.toLowerCase() === name);
  return k ? String(h[k]) : '';
}

function read(resp: GoogleAppsScript.URL_Fetch.HTTPResponse, binary: boolean): HttpRes {
  const code = resp.getResponseCode();
  const contentType = header(resp.getHeaders() as Record<string, unknown>, 'content-type');
  if (binary && code === 200) {
    const bytes = resp.getContent();
    return {
      code,
      text: '',
      base64: Utilities.base64Encode(bytes),
      sha256: hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes)),
      contentType,
    };
  }
  return { code, text: resp.getContentText(), base64: null, sha256: null, contentType };
}

/**
 * Sends all requests in parallel (one UrlFetchApp.fetchAll). A request that cannot be made at all does not
 * sink the others: fetchAll throws then, so the batch falls back to one fetch per request, each caught.
 */
export function fetchAll(reqs: readonly HttpReq[]): HttpRes[] {
  if (!reqs.length) return [];
  try {
    const resps = UrlFetchApp.fetchAll(reqs.map(toParams));
    return resps.map((r, i) => read(r, !!reqs[i].binary));
  } catch (e) {
    if (isQuotaError(e)) throw e;
    return reqs.map((r) => {
      try {
        const { url, ...params } = toParams(r);
        return read(UrlFetchApp.fetch(url!, params), !!r.binary);
      } catch (err) {
        if (isQuotaError(err)) throw err;
        return { code: 0, text: String((err as Error)?.message ?? err), base64: null, sha256: null, contentType: '' };
      }
    });
  }
}

/** Apps Script's "Service invoked too many times for one day: urlfetch." (the daily UrlFetch quota). */
export function isQuotaError(e: unknown): boolean {
  return /too many times for one day: urlfetch/i.test(String((e as Error)?.message ?? e));
}

/** SHA-256 of a UTF-8 string as hex. */
export function sha256Text(s: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s, Utilities.Charset.UTF_8));
}

/** Waits (Apps Script allows at most 5 minutes per call). */
export function sleep(ms: number): void {
  const n = Math.max(0, Math.min(300_000, Math.round(ms)));
  if (n > 0) Utilities.sleep(n);
}
