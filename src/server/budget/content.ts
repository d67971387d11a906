// What a receipt's bytes really are: JPG, PNG or PDF by magic bytes and by structure, refused when the file is active
// (a PDF with JavaScript, actions that run on open, embedded or rich-media files) or two things at once (an image that
// is also HTML, data after the image's end). The type decided here is the only type a receipt is stored and served as.
import { Unzlib } from 'fflate';
import { msg, type Msg } from '../core/text';

export type ReceiptMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The receipt type the bytes start as, or null when they are none of JPG, PNG, PDF. */
export function sniffMime(b: Uint8Array): ReceiptMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d)
    return 'application/pdf';
  return null;
}

/** Why a file is refused, in both languages (the caller adds the file's name). */
export type Refusal = Msg;

export type Verdict = { mime: ReceiptMime } | { refused: Refusal };

/** Decides what the bytes are and whether they are safe to keep as a receipt. */
export function inspectReceipt(b: Uint8Array): Verdict | null {
  const mime = sniffMime(b);
  if (!mime) return null;
  const refusal = mime === 'application/pdf' ? pdfRefusal(b) : imageRefusal(b, mime);
  return refusal ? { refused: refusal } : { mime };
}

// ---- images -----------------------------------------------------------------------------------------------------

/** Markup a browser would run or render as a page; none belongs in a photo of a receipt. */
const MARKUP = ['<script', '<html', '<!doctype html', '<iframe', '<body', '<object', '<embed'];

/** The first markup marker in the bytes (ASCII, any case), or null: one pass over the '<' the bytes hold. */
function markupIn(b: Uint8Array): string | null {
  for (let i = b.indexOf(0x3c); i >= 0; i = b.indexOf(0x3c, i + 1)) {
    for (const m of MARKUP) {
      let k = 1;
      while (k < m.length && i + k < b.length && (b[i + k] | 0x20) === m.charCodeAt(k)) k++;
      if (k === m.length) return m;
    }
  }
  return null;
}

const imageName = (mime: ReceiptMime) => (mime === 'image/png' ? 'PNG' : 'JPG');

function imageRefusal(b: Uint8Array, mime: ReceiptMime): Refusal | null {
  const end = mime === 'image/png' ? pngEnd(b) : jpegEnd(b);
  const kind = imageName(mime);
  if (end < 0) {
    return msg('budget.receipt.broken', { kind });
  }
  for (let i = end; i < b.length; i++) {
    if (b[i] !== 0) {
      return msg('budget.receipt.trailing', { kind, bytes: b.length - end });
    }
  }
  const m = markupIn(b);
  if (m) {
    return msg('budget.receipt.markup', { kind, marker: m });
  }
  return null;
}

/** The offset just after a PNG's IEND chunk, walking its chunks; -1 when the structure is broken. */
function pngEnd(b: Uint8Array): number {
  let i = 8;
  let first = true;
  while (i + 12 <= b.length) {
    const len = ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type) || (first && type !== 'IHDR')) return -1;
    first = false;
    const next = i + 12 + len;
    if (next > b.length) return -1;
    if (type === 'IEND') return next;
    i = next;
  }
  return -1;
}

/** The offset just after a JPEG's EOI, walking its segments and entropy-coded data; -1 when there is none. */
function jpegEnd(b: Uint8Array): number {
  let i = 2;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return -1;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) return i + 2;
    if (marker >= 0xd0 && marker <= 0xd7) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return -1;
    const len = (b[i + 2] << 8) | b[i + 3];
    if (len < 2) return -1;
    i += 2 + len;
    if (marker !== 0xda) continue;
    // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
    for (;;) {
      const ff = b.indexOf(0xff, i);
      if (ff < 0 || ff + 1 >= b.length) return -1;
      const n = b[ff + 1];
      if (n === 0x00 || (n >= 0xd0 && n <= 0xd7) || n === 0xff) {
        i = ff + (n === 0xff ? 1 : 2);
        continue;
      }
      i = ff;
      break;
    }
  }
  return -1;
}

// ---- PDF --------------------------------------------------------------------------------------------------------

/** Dictionary keys and action types that run code, launch programs, carry files or act on their own when opened. */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'OpenAction',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'AA',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
]);

/** Bytes as a Latin-1 string (one char per byte), in slices: String.fromCharCode takes a bounded argument list. */
function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Where the ASCII word `seq` next occurs in the bytes from `from`, or -1. */
function indexOfWord(b: Uint8Array, seq: string, from: number): number {
  const first = seq.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq.charCodeAt(k)) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

/** PDF names with their #xx escapes decoded (/J#61vaScript is /JavaScript), each with where its text ends. */
function* names(text: string): Generator<{ name: string; end: number }> {
  const re = /\/([^\s/<>[\]()%{}]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[1];
    const name = raw.includes('#')
      ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)))
      : raw;
    yield { name, end: re.lastIndex };
  }
}

/** An /OpenAction that is only a destination (an array, or a reference to one) opens a page and runs nothing. */
function isDestination(text: string, after: number, whole: string): boolean {
  const rest = text.slice(after, after + 64).replace(/^\s+/, '');
  if (rest.startsWith('[')) return true;
  const ref = /^(\d+)\s+(\d+)\s+R\b/.exec(rest);
  if (!ref) return false;
  const obj = new RegExp(`(?:^|[^0-9])${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\S)`).exec(whole);
  return !!obj && obj[1] === '[';
}

/** The first active name in a piece of PDF text (or /Encrypt when `encrypt` is asked for), or null. */
function activeIn(text: string, whole: string, encrypt = false): string | null {
  for (const n of names(text)) {
    if (encrypt && n.name === 'Encrypt') return n.name;
    if (!ACTIVE_NAMES.has(n.name)) continue;
    if (n.name === 'OpenAction' && isDestination(text, n.end, whole)) continue;
    return n.name;
  }
  return null;
}

interface Stream {
  dict: string;
  start: number;
  end: number;
}

const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * The PDF split into the text outside stream data (objects, dictionaries, the trailer: read as text) and its streams
 * (left as bytes: pictures need no reading). A stream's data ends where the first "endstream" or a direct /Length
 * says, whichever comes first, so nothing a reader would parse as objects is ever skipped as stream data.
 */
function splitPdf(b: Uint8Array): { outside: string; streams: Stream[] } {
  const parts: string[] = [];
  const streams: Stream[] = [];
  let at = 0;
  for (let i = indexOfWord(b, 'stream', 0); i >= 0; i = indexOfWord(b, 'stream', i + 6)) {
    let start = i + 6;
    if (b[start] === 0x0d) start++;
    if (b[start] === 0x0a) start++;
    if ((i > 0 && isLetter(b[i - 1])) || start === i + 6 || i < at) continue; // "endstream", or no end of line
    const before = latin1(b.subarray(at, i));
    parts.push(before);
    const dict = before.slice(Math.max(0, before.lastIndexOf('obj')));
    let end = indexOfWord(b, 'endstream', start);
    if (end < 0) end = b.length;
    const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (len) end = Math.min(end, start + Number(len[1]));
    streams.push({ dict, start, end });
    at = end;
    i = end - 6;
  }
  parts.push(latin1(b.subarray(at)));
  return { outside: parts.join(''), streams };
}

/** Inflates zlib data, refusing more than `max` bytes of output (a small stream may expand a thousandfold). */
function inflateBounded(data: Uint8Array, max: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  const z = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > max) throw new Error('too large');
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += 8192) z.push(data.subarray(i, i + 8192), i + 8192 >= data.length);
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const MAX_INFLATED = 50 * 1024 * 1024;

/** The decoded text of a dictionary's names, so /Ty#70e /Obj#53tm is seen as /Type /ObjStm. */
const decodedNames = (dict: string) => [...names(dict)].map((n) => n.name);

function pdfRefusal(b: Uint8Array): Refusal | null {
  const { outside, streams } = splitPdf(b);
  let found = activeIn(outside, outside, true);
  if (found === 'Encrypt') {
    return msg('budget.receipt.encrypted');
  }
  // Objects packed into compressed object streams (/Type /ObjStm) are dictionaries too.
  for (const s of streams) {
    if (found) break;
    const dictNames = decodedNames(s.dict);
    if (!dictNames.includes('ObjStm')) continue;
    const filters = dictNames.filter((n) => /Decode$/.test(n));
    const data = b.subarray(s.start, s.end);
    const plain =
      filters.length === 0
        ? data
        : filters.length === 1 && filters[0] === 'FlateDecode'
          ? inflateBounded(data, MAX_INFLATED)
          : null;
    if (!plain) {
      return msg('budget.receipt.objStm');
    }
    const inner = latin1(plain);
    found = activeIn(inner, inner + outside);
  }
  if (!found) return null;
  return msg('budget.receipt.active', { name: found });
}
