// UrlFetchApp request options → one HTTP request: method, headers, payload encoding, URL escaping and limits.
import { GasError } from '../../runtime/types';
import { Blob, fromByteArray } from '../blob';

/** What one request will send. */
export interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  muteHttpExceptions: boolean;
}

/** Quotas (guides/services/quotas): URL length 2 KB, POST size 50 MB. Texts as Apps Script reports them as far as
 * known; "URLFetch URL Length" is widely reported, the POST size wording is unconfirmed. */
export const URL_LIMIT = 2 * 1024;
export const BODY_LIMIT = 50 * 1024 * 1024;

/** The methods reference/url-fetch/url-fetch-app#fetch(String,Object) lists ("get, delete, patch, post, or put").
 * HEAD and OPTIONS are not listed: refused here, the strict side of an undocumented behaviour. */
const METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);

/** Escapes characters that may not appear in a URL (escaping: true, the default); `%` escapes are kept. */
export function escapeUrl(url: string): string {
  return url
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c))
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

function formEncode(v: string): string {
  return encodeURIComponent(v).replace(/%20/g, '+');
}

function isBytes(v: unknown): v is ArrayLike<number> {
  return ArrayBuffer.isView(v) || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
}

const utf8 = new TextEncoder();

/** Encodes the payload as Apps Script does (reference/url-fetch/url-fetch-app#fetch(String,Object)): a string or bytes
 * as is; a Blob as its bytes; an object as an HTML form (multipart when a value is a Blob). */
function encodePayload(payload: unknown, contentType: string | undefined): { body: Uint8Array; type: string } {
  const formType = 'application/x-www-form-urlencoded';
  if (typeof payload === 'string') return { body: utf8.encode(payload), type: contentType ?? formType };
  if (isBytes(payload)) return { body: fromByteArray(payload as ArrayLike<number>), type: contentType ?? formType };
  if (payload instanceof Blob) return { body: payload.rawBytes(), type: contentType ?? payload.getContentType() ?? formType };
  if (payload && typeof payload === 'object') {
    const entries = Object.entries(payload as Record<string, unknown>);
    if (entries.some(([, v]) => v instanceof Blob)) {
      const boundary = '----DataDeskFormBoundary' + Math.random().toString(36).slice(2);
      const parts: Uint8Array[] = [];
      for (const [k, v] of entries) {
        if (v instanceof Blob) {
          parts.push(
            utf8.encode(
              `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${v.getName() ?? k}"\r\nContent-Type: ${v.getContentType() ?? 'application/octet-stream'}\r\n\r\n`,
            ),
          );
          parts.push(v.rawBytes(), utf8.encode('\r\n'));
        } else parts.push(utf8.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`));
      }
      parts.push(utf8.encode(`--${boundary}--\r\n`));
      const size = parts.reduce((a, p) => a + p.length, 0);
      const body = new Uint8Array(size);
      let o = 0;
      for (const p of parts) {
        body.set(p, o);
        o += p.length;
      }
      return { body, type: `multipart/form-data; boundary=${boundary}` };
    }
    const text = entries
      .map(([k, v]) => `${formEncode(k)}=${formEncode(v === null || v === undefined ? '' : String(v))}`)
      .join('&');
    return { body: utf8.encode(text), type: contentType ?? formType };
  }
  return { body: utf8.encode(String(payload)), type: contentType ?? formType };
}

/** Checks and normalises (url, params) into a PreparedRequest. */
export function prepare(urlIn: unknown, params: Record<string, unknown> = {}): PreparedRequest {
  if (typeof urlIn !== 'string' || !urlIn) throw new GasError(`Invalid argument: url`);
  const url = params.escaping === false ? urlIn : escapeUrl(urlIn);
  if (url.length > URL_LIMIT) throw new GasError('Limit Exceeded: URLFetch URL Length.');
  let parsed: globalThis.URL;
  try {
    parsed = new globalThis.URL(url);
  } catch {
    throw new GasError(`Invalid argument: ${urlIn}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new GasError(`Invalid argument: ${urlIn}`);
  const method = String(params.method ?? 'get').toLowerCase();
  if (!METHODS.has(method)) throw new GasError(`Invalid argument: method`);
  const headers: Record<string, string> = {};
  let headerType: string | undefined;
  for (const [k, v] of Object.entries((params.headers as Record<string, unknown>) ?? {})) {
    if (k.toLowerCase() === 'content-type') headerType = String(v);
    else headers[k] = String(v);
  }
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'user-agent')) {
    headers['User-Agent'] = 'Mozilla/5.0 (compatible; Google-Apps-Script; DataDesk offline runtime)';
  }
  let body: Uint8Array | null = null;
  const contentType = (params.contentType as string | undefined) ?? headerType;
  if (params.payload !== undefined && params.payload !== null) {
    const enc = encodePayload(params.payload, contentType);
    body = enc.body;
    headers['Content-Type'] = enc.type;
    if (body.length > BODY_LIMIT) throw new GasError('Limit Exceeded: URLFetch POST Size.');
  } else if (contentType) headers['Content-Type'] = contentType;
  return {
    url,
    method: method.toUpperCase(),
    headers,
    body,
    followRedirects: params.followRedirects !== false,
    validateHttpsCertificates: params.validateHttpsCertificates !== false,
    muteHttpExceptions: params.muteHttpExceptions === true,
  };
}
