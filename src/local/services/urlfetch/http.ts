// Sends one prepared request over node:http/https, following redirects; maps network failures to Apps Script's texts.
import * as http from 'node:http';
import * as https from 'node:https';
import { GasError } from '../../runtime/types';
import { BODY_LIMIT, PreparedRequest } from './request';
import { trustedContext } from './trust';

export interface RawResponse {
  url: string;
  code: number;
  /** Header names as the server sent them, each with every value received. */
  headers: [string, string][];
  body: Uint8Array;
}

/** Apps Script's per-request limit is 60 s (not configurable). */
export const TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 10;

function networkError(e: NodeJS.ErrnoException, url: string): GasError {
  // "DNS error: <url>" and "Address unavailable: <url>" are the texts users report from Apps Script.
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new GasError(`DNS error: ${url}`);
  if (e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT') return new GasError(`Timeout: ${url}`);
  if (e.code && /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|EPIPE)$/.test(e.code)) {
    return new GasError(`Address unavailable: ${url}`);
  }
  // Certificate failures and the timeout: wording unconfirmed ("SSL Error <url>", "Timeout: <url>").
  if (e.code && /CERT|SSL|TLS|SELF_SIGNED/.test(e.code)) return new GasError(`SSL Error ${url}`);
  return new GasError(`Unexpected error: ${url}`);
}

function once(req: PreparedRequest, url: string, method: string, body: Uint8Array | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    const mod = secure ? https : http;
    const headers: Record<string, string | number> = { ...req.headers };
    if (body) headers['Content-Length'] = body.length;
    else delete headers['Content-Type'];
    const r = mod.request(
      u,
      {
        method,
        headers,
        rejectUnauthorized: req.validateHttpsCertificates,
        timeout: TIMEOUT_MS,
        ...(secure ? { secureContext: trustedContext() } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > BODY_LIMIT) {
            // The quota page names 50 MB per response; the exception's wording is unconfirmed.
            res.destroy();
            reject(new GasError(`Limit Exceeded: URLFetch response size. ${url}`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => {
          const h: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) h.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          const buf = Buffer.concat(chunks);
          resolve({
            url,
            code: res.statusCode ?? 0,
            headers: h,
            body: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
          });
        });
        res.on('error', (e) => reject(networkError(e as NodeJS.ErrnoException, url)));
      },
    );
    r.on('timeout', () => r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    r.on('error', (e) => reject(e instanceof GasError ? e : networkError(e as NodeJS.ErrnoException, url)));
    if (body) r.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    else r.end();
  });
}

/** Performs the request; with followRedirects, 301/302/303 continue as GET and 307/308 keep method and body. */
export async function send(req: PreparedRequest): Promise<RawResponse> {
  let url = req.url;
  let method = req.method;
  let body = req.body;
  for (let hop = 0; ; hop++) {
    const res = await once(req, url, method, body);
    const loc = res.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (!req.followRedirects || !loc || res.code < 300 || res.code > 399 || res.code === 304 || hop >= MAX_REDIRECTS) return res;
    url = new URL(loc, url).toString();
    if (res.code !== 307 && res.code !== 308) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = null;
    }
  }
}
