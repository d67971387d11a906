// HTTPResponse (reference/url-fetch/http-response): status, headers, body as text, signed bytes or a Blob.
import { GasError } from '../../runtime/types';
import { Blob, toSignedBytes } from '../blob';
import type { RawResponse } from './http';

type Hosted<T> = { [K in keyof T]: T[K] extends (...a: infer A) => unknown ? (...a: A) => unknown : T[K] };

export class HTTPResponse
  implements
    Hosted<
      Pick<
        GoogleAppsScript.URL_Fetch.HTTPResponse,
        'getResponseCode' | 'getContentText' | 'getContent' | 'getBlob' | 'getHeaders' | 'getAllHeaders'
      >
    >
{
  static readonly gasName = 'HTTPResponse';
  constructor(private raw: RawResponse) {}

  private contentType(): string | null {
    return this.raw.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
  }
  getResponseCode(): number {
    return this.raw.code;
  }
  /** The body decoded with `charset`, else the Content-Type's charset, else UTF-8. */
  getContentText(charset?: string): string {
    const cs = charset ?? /charset=\s*"?([^;"\s]+)/i.exec(this.contentType() ?? '')?.[1] ?? 'UTF-8';
    let dec: TextDecoder;
    try {
      dec = new TextDecoder(cs);
    } catch {
      throw new GasError(`Unsupported charset: ${cs}`);
    }
    return dec.decode(this.raw.body);
  }
  getContent(): number[] {
    return toSignedBytes(this.raw.body);
  }
  /** A Blob of the body; its content type is the response's media type (parameters dropped) and its name the
   * URL's last path segment — the name Apps Script gives is unconfirmed. */
  getBlob(): Blob {
    const type = this.contentType()?.split(';')[0].trim() || null;
    const seg = new URL(this.raw.url).pathname.split('/').pop() || null;
    return new Blob(this.raw.body.slice(), type, seg ? decodeURIComponent(seg) : null);
  }
  /** One value per header (the last one when a header repeats; Apps Script's choice there is unconfirmed). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.raw.headers) out[k] = v;
    return out;
  }
  /** Every header; a repeated header (Set-Cookie) gives an array of its values. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.raw.headers) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  toString(): string {
    return 'HTTPResponse';
  }
}
