// Product pictures of realistic size for the stand-in's image URLs: JPEG (about 3 in 4) and PNG, tens to hundreds of KB,
// sized as marketplace pictures are (640 × 640 JPEG, 480 × 480 PNG). Each SKU's picture is its own (its bytes carry the
// SKU), built from a small pool of encoded pictures so thousands of SKUs cost no encoding time.
import { createHash } from 'node:crypto';
import { encode as encodeJpeg } from 'jpeg-js';
import { encodePng, pngChunk } from '../../demo/png';

export interface ProductImage {
  bytes: Buffer;
  mimeType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

const JPEG_SIDE = 640;
const PNG_SIDE = 480;
const POOL = 4;

function hash(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** A photo-like picture: a lit product shape on a gradient, with sensor noise (so it compresses like a photo).
 * Returns a pixel function that hands back the same 3-element array each time (callers copy it at once). */
function pixels(seed: number, side: number, noise: number): (x: number, y: number) => [number, number, number] {
  const h = hash(`pool:${seed}`);
  const base = [h[0], h[1], h[2]];
  const item = [h[3], h[4], h[5]];
  let s = h.readUInt32LE(8) || 1;
  const cx = side * (0.4 + (h[6] / 255) * 0.2);
  const cy = side * (0.4 + (h[7] / 255) * 0.2);
  const r2 = (side * (0.22 + (h[9] / 255) * 0.12)) ** 2;
  const px: [number, number, number] = [0, 0, 0];
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);
  return (x, y) => {
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    const inside = d < r2;
    const light = inside ? 1 - d / r2 / 2 : 0.6 + (0.4 * (x + y)) / (2 * side);
    const c = inside ? item : base;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const n = ((s >>> 0) / 4294967296 - 0.5) * noise;
    px[0] = clamp(c[0] * light + n);
    px[1] = clamp(c[1] * light + n);
    px[2] = clamp(c[2] * light + n);
    return px;
  };
}

const jpegPool = new Map<number, Buffer>();
const pngPool = new Map<number, Buffer>();

function pooledJpeg(i: number): Buffer {
  let b = jpegPool.get(i);
  if (!b) {
    const px = pixels(i, JPEG_SIDE, 28);
    const data = Buffer.alloc(JPEG_SIDE * JPEG_SIDE * 4);
    for (let y = 0, o = 0; y < JPEG_SIDE; y++)
      for (let x = 0; x < JPEG_SIDE; x++, o += 4) {
        const [r, g, bl] = px(x, y);
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = bl;
        data[o + 3] = 255;
      }
    b = Buffer.from(encodeJpeg({ data, width: JPEG_SIDE, height: JPEG_SIDE }, 85).data);
    jpegPool.set(i, b);
  }
  return b;
}

function pooledPng(i: number): Buffer {
  let b = pngPool.get(i);
  if (!b) {
    b = Buffer.from(encodePng(PNG_SIDE, PNG_SIDE, pixels(i + 100, PNG_SIDE, 6)));
    pngPool.set(i, b);
  }
  return b;
}

/** The SKU in a JPEG comment segment right after the start-of-image marker. */
function jpegWithComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const seg = Buffer.alloc(4 + body.length);
  seg[0] = 0xff;
  seg[1] = 0xfe;
  seg.writeUInt16BE(body.length + 2, 2);
  body.copy(seg, 4);
  return Buffer.concat([jpeg.subarray(0, 2), seg, jpeg.subarray(2)]);
}

/** The SKU in a PNG tEXt chunk before IEND. */
function pngWithText(png: Buffer, key: string, text: string): Buffer {
  const iend = png.length - 12;
  const chunk = pngChunk('tEXt', Buffer.from(`${key}\0${text}`, 'latin1'));
  return Buffer.concat([png.subarray(0, iend), Buffer.from(chunk), png.subarray(iend)]);
}

/** The picture's file extension for a SKU (decided without encoding it): 'png' or 'jpg'. */
export function productImageExtension(sku: string): 'png' | 'jpg' {
  return hash(`img:${sku}`)[2] % 4 === 0 ? 'png' : 'jpg';
}

const cache = new Map<string, ProductImage>();

/** The picture the stand-in serves for a SKU. Deterministic. */
export function productImage(sku: string): ProductImage {
  let img = cache.get(sku);
  if (img) return img;
  const h = hash(`img:${sku}`);
  const pool = h[1] % POOL;
  img =
    productImageExtension(sku) === 'png'
      ? { bytes: pngWithText(pooledPng(pool), 'sku', sku), mimeType: 'image/png', width: PNG_SIDE, height: PNG_SIDE }
      : { bytes: jpegWithComment(pooledJpeg(pool), `sku ${sku}`), mimeType: 'image/jpeg', width: JPEG_SIDE, height: JPEG_SIDE };
  if (cache.size > 20_000) cache.clear();
  cache.set(sku, img);
  return img;
}

/** Width and height of a PNG or JPEG, or null for anything else. */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buf.length > 24 && buf.readUInt32BE(0) === 0x89504e47) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) return null;
      const marker = buf[i + 1];
      const len = buf.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return null;
}

/**
 * Input tokens of one image (ai.google.dev/gemini-api/docs/tokens, Gemini 2.0 and later): 258 when both sides are at
 * most 384 px; larger images are cut into 768 × 768 tiles of 258 tokens each. Unknown formats count as one tile.
 */
export function imageTokens(b: Uint8Array): number {
  const d = imageDimensions(b);
  if (!d || (d.width <= 384 && d.height <= 384)) return 258;
  return Math.ceil(d.width / 768) * Math.ceil(d.height / 768) * 258;
}
