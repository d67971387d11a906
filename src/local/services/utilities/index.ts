// Utilities (reference/utilities/utilities), worker-side: dates, digests and MACs as signed bytes, base64, blobs, zip.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { zipSync, unzipSync, gzipSync, gunzipSync } from 'fflate';
import type { LocalEnv } from '../local';
import { Blob, checkBlobSize, encodeString, fromByteArray, toSignedBytes } from '../blob';
import { formatDate } from './format-date';
import { formatString, parseCsv } from './text';
import { strictService } from './strict';
import { enumOf, type SignatureTable } from '../../runtime/signatures';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const RsaAlgorithm = { RSA_SHA_1: 'RSA_SHA_1', RSA_SHA_256: 'RSA_SHA_256' } as const;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export const UNZIP_FAILED = 'Could not unzip.';

function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** True when a zip's central directory marks an entry encrypted (general purpose flag bit 0; APPNOTE 4.4.4). */
function hasEncryptedEntry(z: Uint8Array): boolean {
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = z.length - 22; i >= Math.max(0, z.length - 65557); i--) {
    if (dv.getUint32(i, true) !== 0x06054b50) continue;
    const count = dv.getUint16(i + 10, true);
    let at = dv.getUint32(i + 16, true);
    for (let k = 0; k < count && at + 46 <= z.length; k++) {
      if (dv.getUint32(at, true) !== 0x02014b50) return false;
      if (dv.getUint16(at + 8, true) & 1) return true;
      at += 46 + dv.getUint16(at + 28, true) + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
    }
    return false;
  }
  return false;
}

function invalid(what: string): Error {
  const e = new Error(`Invalid argument: ${what}`);
  e.name = 'Exception';
  return e;
}

function charsetName(cs: unknown): string | undefined {
  if (cs === undefined || cs === null) return undefined;
  const s = String(cs);
  if (s === 'US_ASCII' || s.toUpperCase() === 'US-ASCII') return 'US-ASCII';
  if (s === 'UTF_8' || s.toUpperCase() === 'UTF-8') return 'UTF-8';
  throw invalid('charset');
}

/** Script bytes (signed or unsigned numbers) or a string in `charset` → raw bytes. An element that is no number
 * fails as Apps Script's conversion to Byte does (gas-fakes' live tests match /Cannot convert/; full text unconfirmed). */
function bytesOf(value: unknown, charset?: unknown): Uint8Array {
  if (typeof value === 'string') return encodeString(value, charsetName(charset));
  if (value instanceof Blob) return value.rawBytes();
  if (Array.isArray(value)) {
    for (const x of value) {
      if (typeof x !== 'number' && (x === null || x === '' || Number.isNaN(Number(x)))) {
        const e = new Error(`Cannot convert ${JSON.stringify(x)} to byte.`);
        e.name = 'Exception';
        throw e;
      }
    }
    return fromByteArray(value.map(Number));
  }
  if (ArrayBuffer.isView(value)) return fromByteArray(value as unknown as ArrayLike<number>);
  throw invalid('value');
}

/** Strings given to the digest and MAC functions without a charset are encoded as US-ASCII, each character outside
 * it becoming '?': brucemcpherson/gas-fakes' tests, run against live Apps Script, pin the digests of "€🙂" and the
 * HMAC of "café" without a charset to those of US-ASCII (test/testutilities.js, "default is ascii"). */
const DIGEST_DEFAULT_CHARSET = 'US_ASCII';

const DIGESTS = enumOf(Object.keys(DigestAlgorithm));
const MACS = enumOf(Object.keys(MacAlgorithm));
const CHARSETS = enumOf(Object.keys(Charset));
/** Overloads of reference/utilities/utilities, checked before a method runs. */
const SIGNATURES: SignatureTable = {
  computeDigest: [
    [DIGESTS, 'number[]'],
    [DIGESTS, 'String'],
    [DIGESTS, 'String', CHARSETS],
  ],
  computeHmacSignature: [
    [MACS, 'number[]', 'number[]'],
    [MACS, 'String', 'String'],
    [MACS, 'String', 'String', CHARSETS],
  ],
  computeHmacSha256Signature: [
    ['number[]', 'number[]'],
    ['String', 'String'],
    ['String', 'String', CHARSETS],
  ],
  base64Encode: [['number[]'], ['String'], ['String', CHARSETS]],
  base64EncodeWebSafe: [['number[]'], ['String'], ['String', CHARSETS]],
  base64Decode: [['String'], ['String', CHARSETS]],
  base64DecodeWebSafe: [['String'], ['String', CHARSETS]],
  formatDate: [['Date', 'String', 'String']],
  sleep: [['number']],
  getUuid: [[]],
  parseCsv: [['String'], ['String', 'String']],
  zip: [['Object[]'], ['Object[]', 'String']],
};

function blobBytes(b: unknown): Blob {
  if (b instanceof Blob) return b;
  const get = (b as { getBlob?: () => unknown })?.getBlob;
  if (typeof get === 'function') {
    const x = get.call(b);
    if (x instanceof Blob) return x;
  }
  throw invalid('blob');
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const B64_WEB = /^[A-Za-z0-9\-_]*={0,2}$/;

/** Decoding fails on characters outside the alphabet; the exact Apps Script text is unconfirmed ("Could not decode string."). */
function decode64(s: string, web: boolean): Uint8Array {
  const t = String(s).replace(/\s+/g, '');
  if (!(web ? B64_WEB : B64).test(t) || t.replace(/=+$/, '').length % 4 === 1) {
    const e = new Error('Could not decode string.');
    e.name = 'Exception';
    throw e;
  }
  const buf = Buffer.from(web ? t.replace(/-/g, '+').replace(/_/g, '/') : t, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function extType(name: string): string | null {
  const b = new Blob(new Uint8Array(0), null, name);
  try {
    b.setContentTypeFromExtension();
    return b.getContentType();
  } catch {
    return null;
  }
}

class Utilities
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      | 'formatDate'
      | 'formatString'
      | 'computeDigest'
      | 'computeHmacSignature'
      | 'computeHmacSha256Signature'
      | 'base64Encode'
      | 'base64EncodeWebSafe'
      | 'base64Decode'
      | 'base64DecodeWebSafe'
      | 'sleep'
      | 'getUuid'
      | 'parseCsv'
    >
{
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;
  readonly RsaAlgorithm = RsaAlgorithm;
  constructor(private env: LocalEnv) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!date || typeof (date as Date).getTime !== 'function') throw invalid('date');
    try {
      return formatDate(date, String(timeZone), String(format));
    } catch (e) {
      const err = new Error((e as Error).message);
      err.name = 'Exception';
      throw err;
    }
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = NODE_DIGEST[String(algorithm)];
    if (!alg) {
      if (String(algorithm) === 'MD2') throw new Error('not emulated: Utilities.computeDigest(MD2)');
      throw invalid('algorithm');
    }
    return toSignedBytes(
      createHash(alg)
        .update(bytesOf(value, charset ?? DIGEST_DEFAULT_CHARSET))
        .digest(),
    );
  }
  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const alg = NODE_DIGEST[String(algorithm).replace(/^HMAC_/, '')];
    if (!alg || !String(algorithm).startsWith('HMAC_')) throw invalid('algorithm');
    const cs = charset ?? DIGEST_DEFAULT_CHARSET;
    return toSignedBytes(createHmac(alg, bytesOf(key, cs)).update(bytesOf(value, cs)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return Buffer.from(bytesOf(data, charset)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  /** Returns signed bytes; `charset` only names how the result will be read (Apps Script ignores it for decoding). */
  base64Decode(encoded: string, _charset?: unknown): number[] {
    return toSignedBytes(decode64(encoded, false));
  }
  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    return toSignedBytes(decode64(encoded, true));
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    if (Array.isArray(data)) checkBlobSize(data.length);
    const bytes = typeof data === 'string' ? encodeString(data) : bytesOf(data);
    return new Blob(bytes.slice(), contentType ?? null, name ?? null);
  }
  /** A zip of the blobs, each under its name (a name with '/' makes folders). The archive is "archive.zip" unless
   * named (brucemcpherson/gas-fakes pins it against live Apps Script). A blob without a name, or two with the same
   * name, cannot be zipped: Java's ZipOutputStream refuses a duplicate entry ("duplicate entry: <name>"); the texts
   * are unconfirmed in Apps Script. */
  zip(blobs: unknown[], name?: string): Blob {
    if (!Array.isArray(blobs)) throw invalid('blobs');
    const files: Record<string, Uint8Array> = {};
    for (const b of blobs) {
      const blob = blobBytes(b);
      const n = blob.getName();
      if (!n) throw invalid('blobs');
      if (files[n]) throw exception(`duplicate entry: ${n}`);
      files[n] = blob.rawBytes();
    }
    return new Blob(zipSync(files), 'application/zip', name ?? 'archive.zip');
  }
  /**
   * The files of a zip blob, each named with its full path inside the archive (folders themselves left out), its
   * content type from the extension. Stricter than it may need to be: the blob's content type must be
   * application/zip — an .xlsx blob is unzipped after setContentType(MimeType.ZIP), as Apps Script users advise —
   * and a corrupt archive or an encrypted entry fails with "Could not unzip." (the text an Apps Script user reports,
   * github.com/tanaikech/UnzipGs/issues/3).
   */
  unzip(blob: unknown): Blob[] {
    const b = blobBytes(blob);
    if (b.getContentType() !== 'application/zip') throw exception(UNZIP_FAILED);
    let files: Record<string, Uint8Array>;
    try {
      if (hasEncryptedEntry(b.rawBytes())) throw new Error('encrypted');
      files = unzipSync(b.rawBytes());
    } catch {
      throw exception(UNZIP_FAILED);
    }
    return Object.entries(files)
      .filter(([n]) => !n.endsWith('/'))
      .map(([n, bytes]) => new Blob(bytes, extType(n), n));
  }
  gzip(blob: unknown, name?: string): Blob {
    const b = blobBytes(blob);
    return new Blob(gzipSync(b.rawBytes()), 'application/x-gzip', name ?? `${b.getName() ?? 'archive'}.gz`);
  }
  ungzip(blob: unknown): Blob {
    const b = blobBytes(blob);
    const n = b.getName()?.replace(/\.gz$/i, '') ?? null;
    return new Blob(gunzipSync(b.rawBytes()), n ? extType(n) : null, n);
  }
  /** Blocks the execution (Apps Script allows up to 300,000 ms; longer values fail — text unconfirmed). */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > 300000) throw invalid('milliseconds');
    this.env.sleepMs(ms);
  }
  getUuid(): string {
    return randomUUID();
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter ?? ',');
  }
  toString(): string {
    return 'Utilities';
  }
}

export function createUtilities(env: LocalEnv): object {
  return strictService(new Utilities(env), 'Utilities', (k) => env.count(k), env.meter, SIGNATURES);
}
