// HTTPResponse (reference/url-fetch/http-response): status, headers, body as text, signed bytes or a Blob.
import { GasError } from '../../runtime/types';
import { Blob, toSignedBytes } from '../blob';
import type { RawResponse } from './http';

/** Java's names for ISO-8859-1 (its canonical name and aliases). */
const JAVA_LATIN_1 =
  /^(iso-?8859-1|iso8859_1|iso_8859_1|iso_8859-1|latin1|l1|8859_1|cp819|ibm819|ibm-819|csisolatin1|iso-ir-100)$/i;

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
  /** The body decoded with `charset`, else the Content-Type's charset, else UTF-8. ISO-8859-1 is Java's (each byte
   * the character of the same code, losslessly), not the WHATWG label TextDecoder maps to windows-1252
   * (docs.oracle.com/javase/8/docs/api/java/nio/charset/StandardCharsets.html#ISO_8859_1). */
  getContentText(charset?: string): string {
    const cs = charset ?? /charset=\s*"?([^;"\s]+)/i.exec(this.contentType() ?? '')?.[1] ?? 'UTF-8';
    if (JAVA_LATIN_1.test(cs)) return Buffer.from(this.raw.body).toString('latin1');
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
