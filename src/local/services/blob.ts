// Apps Script's Blob as a value that lives on both sides of the runtime bridge (copied, never shared).
import { GasError } from '../runtime/types';

/** Bytes as Apps Script hands them to scripts: signed, -128..127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

/** Accepts what scripts pass as bytes (signed or unsigned numbers, typed arrays) and returns raw bytes. */
export function fromByteArray(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] & 0xff;
  return out;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8');

/** Text as bytes in a charset, the way Java's String.getBytes does it: a character the charset lacks becomes one
 * '?' (one per code point, so an emoji's surrogate pair is one '?'). brucemcpherson/gas-fakes' live-tested
 * digests of "€🙂" without a charset are those of "??". */
export function encodeString(text: string, charset?: string): Uint8Array {
  const cs = (charset ?? 'UTF-8').toUpperCase();
  if (cs === 'UTF-8' || cs === 'UTF8') return utf8.encode(text);
  const max = cs === 'US-ASCII' ? 0x7f : cs === 'ISO-8859-1' || cs === 'LATIN1' ? 0xff : -1;
  if (max < 0) throw new GasError(`Unsupported charset: ${charset}`);
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out.push(cp <= max ? cp : 0x3f);
  }
  return Uint8Array.from(out);
}

export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  const cs = (charset ?? 'UTF-8').toUpperCase();
  if (cs === 'UTF-8' || cs === 'UTF8') return utf8d.decode(bytes);
  if (cs === 'US-ASCII' || cs === 'ISO-8859-1' || cs === 'LATIN1') {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
  throw new GasError(`Unsupported charset: ${charset}`);
}

/** A Blob holds at most 50 MB (52,428,800 bytes: guides/services/quotas and tanaikech's measurements of
 * UrlFetch/Drive blobs). A Drive file over it fails with "File <name> exceeds the maximum file size." (reported by
 * users); the text for a blob built in the script is unconfirmed, so this one names the limit. */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
export const BLOB_TOO_LARGE = 'Blob size exceeds the maximum of 50 MB (52428800 bytes).';

export function checkBlobSize(n: number): void {
  if (n > MAX_BLOB_BYTES) throw new GasError(BLOB_TOO_LARGE);
}

/** The wire form of a Blob. */
export interface BlobWire {
  __blob: true;
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
}

export class Blob {
  static readonly gasName = 'Blob';
  private bytes: Uint8Array;
  constructor(
    bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    checkBlobSize(bytes.length);
    this.bytes = bytes;
  }
  static fromWire(w: BlobWire): Blob {
    return new Blob(w.bytes, w.contentType, w.name);
  }
  toWire(): BlobWire {
    return { __blob: true, bytes: this.bytes, contentType: this.contentType, name: this.name };
  }
  /** Raw bytes, for the emulator's own use (scripts get signed numbers from getBytes). */
  rawBytes(): Uint8Array {
    return this.bytes;
  }
  copyBlob(): Blob {
    return new Blob(this.bytes.slice(), this.contentType, this.name);
  }
  getBlob(): Blob {
    return this;
  }
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getDataAsString(charset?: string): string {
    return decodeBytes(this.bytes, charset);
  }
  getName(): string | null {
    return this.name;
  }
  setBytes(data: number[]): Blob {
    checkBlobSize(data.length);
    this.bytes = fromByteArray(data);
    return this;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }
  setContentTypeFromExtension(): Blob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const map: Record<string, string> = {
      pdf: 'application/pdf',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      gif: 'image/gif',
      csv: 'text/csv',
      txt: 'text/plain',
      html: 'text/html',
      json: 'application/json',
      xml: 'application/xml',
      zip: 'application/zip',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    if (!map[ext])
      throw new GasError(`Object does not have a file extension that can be used to determine content type: ${this.name}`);
    this.contentType = map[ext];
    return this;
  }
  setDataFromString(text: string, charset?: string): Blob {
    const bytes = encodeString(text, charset);
    checkBlobSize(bytes.length);
    this.bytes = bytes;
    return this;
  }
  setName(name: string): Blob {
    this.name = name;
    return this;
  }
  toString(): string {
    return 'Blob';
  }
}
