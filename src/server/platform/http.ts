// UrlFetchApp: many requests at once (fetchAll), answers read as text or as bytes (with their base64).
import { errorMessage } from '../core/errors';
import type { HttpReq, HttpRes } from '../core/http';
import { latin1ToBase64 } from '../core/base64';

/** Java's name for the charset that maps each byte to the character of the same code (0..255) and back, losslessly. */
const LATIN_1 = 'ISO-8859-1';

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

function header(h: Record<string, unknown>, name: string): string {
  const k = Object.keys(h).find((x) => x.toLowerCase() === name);
  return k ? String(h[k]) : '';
}

function read(resp: GoogleAppsScript.URL_Fetch.HTTPResponse, binary: boolean): HttpRes {
  const code = resp.getResponseCode();
  if (binary && code === 200) {
    // The body crosses the bridge once, as a string: getContentText('ISO-8859-1') gives one character per byte (Java's
    // ISO-8859-1 decoder is lossless), a string copy instead of getContent's Byte[] (each byte a JavaScript number).
    // Its base64 is made here, not by Utilities (base64Encode takes a Byte[] or UTF-8/ASCII text, a second crossing).
    // Only a binary answer needs its type (a picture's MIME type): one call fewer for each text answer.
    const contentType = header(resp.getHeaders() as Record<string, unknown>, 'content-type');
    const binary = resp.getContentText(LATIN_1);
    return { code, text: '', binary, base64: latin1ToBase64(binary), contentType };
  }
  return { code, text: resp.getContentText(), binary: null, base64: null, contentType: '' };
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
        return { code: 0, text: errorMessage(err), binary: null, base64: null, contentType: '' };
      }
    });
  }
}

/** Apps Script's "Service invoked too many times for one day: urlfetch." (the daily UrlFetch quota). */
export function isQuotaError(e: unknown): boolean {
  return /too many times for one day: urlfetch/i.test(errorMessage(e));
}
