// The instructions and the generateContent request for a batch of SKUs (text, and pictures inline or as URLs Gemini
// fetches), with its schema.
import type { GeminiPart, GeminiRequest, GeminiSchema } from './gemini-types';
import type { LinkedPicture } from './picture-url';
import { thinkingFor } from './thinking';

/** Bump when the instructions or the answer's schema change (what an answer means): it is part of the answer-cache key.
 * How long the model may think is not part of it: an answer given after thinking is as good a keyword list. */
export const PROMPT_VERSION = 'tag-v1';

export interface TagItem {
  sku: string;
  name: string;
  category: string;
  /** The picture: its base64 bytes, or the URL Gemini fetches it from; null when there is none to send. */
  image: Picture | null;
}

export type Picture = { mimeType: string; data: string } | LinkedPicture;

/** Whether a picture goes as a URL (Gemini fetches it). */
export const isLinked = (p: Picture): p is LinkedPicture => 'fileUri' in p;

export const SYSTEM_INSTRUCTION = [
  'Anda membantu tim merchandising membuat kata kunci pencarian marketplace untuk produk.',
  'Untuk setiap produk, lihat gambar (jika ada) bersama nama dan kategorinya, lalu tulis 5–8 kata kunci dalam Bahasa Indonesia.',
  'Utamakan intensi pencarian pembeli (kata yang benar-benar diketik pembeli) dan fungsi utama produk.',
  'Jangan memakai kata sifat subjektif (bagus, terbaik, mewah, keren), kata promosi (diskon, termurah, promo),',
  'nama merek milik pihak lain, kata yang terlalu umum (elektronik, rumah tangga), atau nama atribut (warna, material, kapasitas).',
  'Jika relevan, pilih istilah dari daftar kata kunci populer yang diberikan.',
  'Jawab hanya dengan JSON sesuai skema: satu objek per SKU yang ditanyakan, dengan SKU persis seperti yang diberikan.',
].join('\n');

export const RESPONSE_SCHEMA: GeminiSchema = {
  type: 'ARRAY',
  items: {
    type: 'OBJECT',
    properties: {
      sku: { type: 'STRING', description: 'SKU persis seperti di permintaan' },
      keywords: { type: 'ARRAY', items: { type: 'STRING' }, maxItems: '10' },
    },
    required: ['sku', 'keywords'],
    propertyOrdering: ['sku', 'keywords'],
  },
};

/** The product list line the model (and the stand-in) reads: JSON after this marker. */
export const ITEMS_MARKER = 'Produk (JSON):';

/** The top-search reference list as it enters the prompt (bounded, so the request stays small). */
export function topSearchText(top: readonly string[], max = 150): string {
  const list = top.slice(0, max).filter(Boolean);
  return list.length ? `Kata kunci populer (utamakan bila cocok): ${list.join(', ')}` : '';
}

/** The request for `items` to `model` (its thinking kept as low as the model allows, with room for what remains). */
export function buildRequest(items: readonly TagItem[], top: readonly string[], model: string): GeminiRequest {
  const listing = items.map((it, i) => ({ sku: it.sku, nama: it.name, kategori: it.category, gambar: it.image ? i + 1 : null }));
  const parts: GeminiPart[] = [];
  const head = [topSearchText(top), `${ITEMS_MARKER}\n${JSON.stringify(listing)}`].filter(Boolean).join('\n\n');
  parts.push({ text: head });
  items.forEach((it, i) => {
    if (!it.image) return;
    parts.push({ text: `Gambar ${i + 1} untuk SKU ${it.sku}:` });
    const img = it.image;
    parts.push(isLinked(img) ? { fileData: { mimeType: img.mimeType, fileUri: img.fileUri } } : { inlineData: img });
  });
  const thinking = thinkingFor(model);
  return {
    contents: [{ role: 'user', parts }],
    systemInstruction: { parts: [{ text: SYSTEM_INSTRUCTION }] },
    generationConfig: {
      responseMimeType: 'application/json',
      responseSchema: RESPONSE_SCHEMA,
      temperature: 0.2,
      maxOutputTokens: 256 + 96 * items.length + thinking.headroom,
      ...(thinking.config ? { thinkingConfig: thinking.config } : {}),
    },
  };
}

/** Characters a token is taken to be when the model has not said: Google gives about 4 (ai.google.dev/gemini-api/docs/
 * tokens); Indonesian words split into more pieces than English, so 3, the strict side (more tokens expected). */
const CHARS_PER_TOKEN = 3;

/** The input tokens every request carries whatever its SKUs: the system instruction, the top-search list and the
 * listing's frame, counted from their text. */
export function fixedPromptTokens(top: readonly string[], model: string): number {
  const req = buildRequest([], top, model);
  const parts = [...req.contents[0].parts, ...req.systemInstruction.parts];
  const chars = parts.reduce((a, p) => a + ('text' in p ? p.text.length : 0), 0);
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/** Approximate request size in bytes without serialising images twice (base64 is ASCII). */
export function itemBytes(it: TagItem): number {
  const img = it.image;
  const picture = !img ? 0 : isLinked(img) ? img.fileUri.length * 2 + 60 : img.data.length + 60;
  return 120 + it.sku.length + it.name.length * 2 + it.category.length * 2 + picture;
}

export const BASE_REQUEST_BYTES = 3000;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The request as JSON text, the same text as JSON.stringify(buildRequest(items, top)), built by joining pieces: the
 * pictures' base64 (megabytes a request, nothing in it to escape) is put in as it is instead of being scanned and
 * copied by JSON.stringify; everything else (untrusted names included) still goes through JSON.stringify. */
export function requestPayload(items: readonly TagItem[], top: readonly string[], model: string): string {
  const req = buildRequest(items, top, model);
  const parts = req.contents[0].parts.map((p) => {
    if (!('inlineData' in p)) return JSON.stringify(p);
    const { mimeType, data } = p.inlineData;
    const quoted = BASE64.test(data) ? `"${data}"` : JSON.stringify(data);
    return `{"inlineData":{"mimeType":${JSON.stringify(mimeType)},"data":${quoted}}}`;
  });
  return (
    `{"contents":[{"role":"user","parts":[${parts.join(',')}]}]` +
    `,"systemInstruction":${JSON.stringify(req.systemInstruction)}` +
    `,"generationConfig":${JSON.stringify(req.generationConfig)}}`
  );
}
