// Receipt files: the type is decided by the content (content.ts), never by the name or the client; size limits;
// base64 decoding.
import { AppError, invalid } from '../core/errors';
import { msg } from '../core/text';
import { inspectReceipt, type ReceiptMime } from './content';
import { fileName } from '../core/names';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;

export const EXTENSION: Record<ReceiptMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = (() => {
  const t = new Int8Array(65536).fill(-1); // every UTF-16 unit: anything outside the alphabet is -1
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  t['-'.charCodeAt(0)] = 62;
  t['_'.charCodeAt(0)] = 63;
  return t;
})();

/** Decodes base64 (standard or URL-safe, with or without a data: prefix); throws INVALID on garbage. Four characters
 * at a time: a receipt of several MB is decoded in the script's own JavaScript, so this loop is its cost. */
export function base64ToBytes(input: string): Uint8Array {
  const s = input.replace(/^data:[^,]*,/, '').replace(/[\s=]+/g, '');
  const bad = () => invalid(msg('budget.file.base64'));
  if (s.length % 4 === 1) throw bad();
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  const full = s.length - (s.length % 4);
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = LOOKUP[s.charCodeAt(i)];
    const b = LOOKUP[s.charCodeAt(i + 1)];
    const c = LOOKUP[s.charCodeAt(i + 2)];
    const d = LOOKUP[s.charCodeAt(i + 3)];
    if ((a | b | c | d) < 0) throw bad();
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (full < s.length) {
    let acc = 0;
    let bits = 0;
    for (let i = full; i < s.length; i++) {
      const v = LOOKUP[s.charCodeAt(i)];
      if (v < 0) throw bad();
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (acc >> bits) & 0xff;
      }
    }
  }
  return out.subarray(0, o);
}

export interface ReceiptUpload {
  name: string;
  /** base64 of the bytes */
  data: string;
}

export interface CheckedReceipt {
  name: string;
  mime: ReceiptMime;
  bytes: Uint8Array;
}

/** The Drive name of an uploaded file: `<prefix>_<its name, cleaned, ≤ 60>_<n>.<extension of its true type>`. */
export function storedName(prefix: string, r: CheckedReceipt, n: number, fallback: string): string {
  const base =
    r.name
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[^\w .-]+/g, '_')
      .slice(0, 60) || fallback;
  return `${prefix}_${base}_${n}.${EXTENSION[r.mime]}`;
}

/** Size in MB rounded up to 0.1, so a file just over the limit never reads as exactly the limit ("10,1 MB"). */
const megabytes = (n: number) => Math.ceil((n / 1024 / 1024) * 10) / 10;

/** Decodes and checks every receipt; all must pass or none is accepted. */
export function checkReceipts(files: ReceiptUpload[]): CheckedReceipt[] {
  if (!Array.isArray(files) || files.length === 0) {
    throw invalid(msg('budget.file.none'));
  }
  if (files.length > MAX_FILES) {
    throw invalid(msg('budget.file.tooMany', { max: MAX_FILES }));
  }
  return files.map((f) => {
    const name = fileName(String(f?.name ?? ''), 'bukti');
    if (typeof f?.data !== 'string') throw invalid(msg('budget.file.empty', { name }));
    // base64 is 4/3 of the bytes: reject early, before decoding something huge.
    if ((f.data.length * 3) / 4 > MAX_FILE_BYTES + 1024) {
      throw invalid(msg('budget.file.tooLarge', { name, mb: megabytes((f.data.length * 3) / 4) }));
    }
    const bytes = base64ToBytes(f.data);
    if (bytes.length === 0) throw invalid(msg('budget.file.empty', { name }));
    if (bytes.length > MAX_FILE_BYTES) {
      throw invalid(msg('budget.file.tooLarge', { name, mb: megabytes(bytes.length) }));
    }
    return { name, mime: checkedMime(name, bytes), bytes };
  });
}

/** The receipt's true type by its content; INVALID (naming the file and why) when it is not a safe JPG, PNG or PDF. */
export function checkedMime(name: string, bytes: Uint8Array): ReceiptMime {
  const v = inspectReceipt(bytes);
  if (!v) {
    throw invalid(msg('budget.file.type', { name }));
  }
  if ('refused' in v) {
    throw invalid(msg('budget.file.refused', { name, why: v.refused }), { file: name });
  }
  return v.mime;
}

/**
 * The type a stored receipt is served as: what its bytes are now (the Drive file may have been replaced since it was
 * checked), never what was recorded or claimed; a file that no longer passes the check is not served at all.
 */
export function servedMime(name: string, bytes: Uint8Array): ReceiptMime {
  const v = inspectReceipt(bytes);
  if (v && 'mime' in v) return v.mime;
  const why = v ? v.refused : msg('budget.receipt.notType');
  throw new AppError('UNSAFE_FILE', msg('budget.file.notServed', { name, why }), { file: name });
}

/** Encodes bytes as standard base64. */
export function bytesToBase64(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < b.length) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + '=';
  }
  return out;
}
