// The local Gemini stand-in: Google's generateContent REST wire format on a plain Node HTTP server, answers derived
// from what it is sent (text and image bytes), injectable latency, 429s with RetryInfo, 500s, malformed JSON and
// safety blocks; fileData parts with https URLs fetched as Google fetches them. It also serves the demo catalogue's
// product pictures at GET /images/<sku>.png|jpg, over http and https on the same port.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AskedItem, keywordsFor } from './answer';
import { imageMissingByDefault, productPng } from './png';
import { productImage } from './images';
import { isPicture, pictureLevels, pictureTokens } from './media-resolution';
import { RateLimiter, TIERS, TierName, TierLimits } from './limits';
import { Fetched, fetchUris, MODEL_FETCH_AGENT, refusedUri, unsupportedUri } from './file-uri';
import { listenDual } from '../dual';
import { thinkingOf, ThinkingConfig } from './thinking';

export { imageWord } from './answer';
export { productPng, imageMissingByDefault } from './png';
export { productImage, productImageExtension, imageDimensions, imageTokens } from './images';
export { TIERS } from './limits';
export type { TierName, TierLimits } from './limits';

export interface Faults {
  /** Latency of generateContent in ms: log-normal with this median and 95th percentile (the wait before the answer
   * starts); with `outputTokensPerSec`, the answer's own generation on top (its tokens at that speed: a long answer
   * takes longer than a short one, as the model writes it token by token); null = none. */
  latency: { medianMs: number; p95Ms: number; outputTokensPerSec?: number } | null;
  /** Probabilities per request. */
  rate429: number;
  rate500: number;
  rateMalformed: number;
  rateSafety: number;
  /** RetryInfo.retryDelay sent with 429s, in seconds. */
  retryDelaySec: number;
  /** SKUs the model always refuses (finishReason SAFETY whenever they are in a request). */
  safetySkus: string[];
  /** SKUs whose answers always come back as broken JSON. */
  malformedSkus: string[];
  /** SKUs that make the model answer about a SKU it was not asked. */
  strangerSkus: string[];
  /** Keywords added to every answer (tests send formula-like or number-like text). */
  extraKeywords: string[];
  /** A request asking about any of these SKUs answers only after slowMs more (tests kill a chunk mid-round). */
  slowSkus: string[];
  slowMs: number;
  /** Each product picture is served after this many ms (a slow image host). */
  imageLatencyMs: number;
}

export interface GeminiStandinOptions {
  port?: number;
  host?: string;
  /** Keys accepted in x-goog-api-key (or ?key=). */
  apiKeys?: string[];
  /** Model ids that exist. */
  models?: string[];
  faults?: Partial<Faults>;
  seed?: number;
  /** Which SKUs have no picture (404); default: about 4 % by hash. */
  imageMissing?: (sku: string) => boolean;
  /** Serve small square PNGs of this side instead of realistic pictures (images.ts). */
  imageSize?: number;
  /** The API key's rate-limit tier (RPM, TPM, RPD enforced with 429 RESOURCE_EXHAUSTED); default 'tier1'. */
  tier?: TierName | TierLimits;
  /** Whether a request refused for a picture link that could not be fetched keeps its input tokens in the minute
   * (default true, the strict side: Google does not document it). `datadesk calibrate` stores what the probe
   * measured (tools/probe, probeGemini_), and the bench and workbench pass it here. */
  refusedTokensCount?: boolean;
  /** The clock the limits run on (the workbench passes the runtime's emulated clock, so a moved clock starts a new
   * Pacific day for RPD); default: real time. */
  now?: () => Date;
}

export interface StandinStats {
  generateRequests: number;
  byStatus: Record<string, number>;
  /** SKUs answered successfully (200 with keywords), per SKU. */
  answered: Record<string, number>;
  inlineImages: number;
  /** Pictures sent as fileData URLs and fetched by the stand-in (as Google's servers fetch them). */
  urlImages: number;
  /** Requests refused with 400 "Invalid or unsupported file uri" (an http URL, a 2.0 model, a URL that failed). */
  urlRefusals: number;
  /** Input tokens the tier's limits admitted for requests then refused because a URL could not be fetched (they
   * count against TPM like any other: the strict side, as observed for other 400s in gemini-cli issue 15184). */
  refusedTokens: number;
  /** Picture downloads by clients (DataDesk's inline path); the stand-in's own URL fetches are not counted here. */
  imageRequests: number;
  images404: number;
  promptTokens: number;
  outputTokens: number;
  /** Tokens the model thought before answering (billed as output; Gemini 2.5 Flash thinks unless told not to). */
  thoughtsTokens: number;
  /** Requests in flight right now and the most seen at once. */
  inFlight: number;
  maxInFlight: number;
  /** 429s the tier's limits caused (apart from injected faults), by limit. */
  rateLimited: { rpm: number; tpm: number; rpd: number };
  /** Milliseconds clients' requests were open here (from their arrival to the answer's last byte), summed over
   * requests: the lane time a client's fetchAll spent on this host, the model's own URL fetches left out. */
  laneMs: number;
}

export interface GeminiStandin {
  url: string;
  /** The same port over https (its certificate is trusted by the emulator's UrlFetchApp): picture URLs. */
  httpsUrl: string;
  stats(): StandinStats;
  resetStats(): void;
  /** The tier's limits in force. */
  limits: TierLimits;
  /** Changes faults while running (tests start a 429 storm, then end it). */
  setFaults(f: Partial<Faults>): void;
  close(): Promise<void>;
}

export const DEFAULT_KEY = 'demo-gemini-key';
export const DEFAULT_MODELS = [
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-pro',
  'gemini-2.0-flash',
  'gemini-3-flash-preview',
  'gemini-3-pro-preview',
];

const NO_FAULTS: Faults = {
  latency: null,
  rate429: 0,
  rate500: 0,
  rateMalformed: 0,
  rateSafety: 0,
  retryDelaySec: 1,
  safetySkus: [],
  slowSkus: [],
  slowMs: 0,
  imageLatencyMs: 0,
  malformedSkus: [],
  strangerSkus: [],
  extraKeywords: [],
};

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function googleError(code: number, status: string, message: string, details?: unknown[]): string {
  return JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } }, null, 2);
}

interface Part {
  text?: string;
  inlineData?: { mimeType?: string; data?: string };
  fileData?: { mimeType?: string; fileUri?: string };
  mediaResolution?: { level?: unknown };
}

/** Finds the products a request asks about: a JSON list of {sku, nama|name, kategori|category} in a text part, and
 * each "… SKU <sku>:" text part followed by an inlineData part (its picture). */
export function readAsked(parts: Part[]): { items: AskedItem[]; top: string[] } {
  const items: AskedItem[] = [];
  let top: string[] = [];
  for (const p of parts) {
    const t = p.text ?? '';
    const m = /Kata kunci populer[^:]*:\s*(.+)/.exec(t);
    if (m)
      top = m[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const at = t.indexOf('[');
    if (at >= 0 && !items.length) {
      try {
        const list = JSON.parse(t.slice(at)) as Array<Record<string, unknown>>;
        if (Array.isArray(list)) {
          for (const r of list)
            if (r && typeof r.sku === 'string')
              items.push({
                sku: r.sku,
                name: String(r.nama ?? r.name ?? ''),
                category: String(r.kategori ?? r.category ?? ''),
                image: null,
              });
        }
      } catch {
        /* not the list */
      }
    }
  }
  for (let i = 0; i < parts.length - 1; i++) {
    const m = /SKU\s+(\S+?):?\s*$/.exec(parts[i].text ?? '');
    const img = parts[i + 1].inlineData;
    if (m && img?.data) {
      const it = items.find((x) => x.sku === m[1]);
      if (it) it.image = Buffer.from(img.data, 'base64');
    }
  }
  return { items, top };
}

/** Whether a request is the stand-in's own fetch of a picture URL (Google's fetcher, not a client). */
const fetchedByModel = (req: IncomingMessage | undefined) => req?.headers['user-agent'] === MODEL_FETCH_AGENT;

/** The parts with each fileData part replaced by the picture fetched for it (as inlineData, so the model reads the
 * same bytes whichever way they came). */
function withFetched(parts: Part[], fetched: Fetched[]): Part[] {
  const bytes = new Map(fetched.map((f) => [f.uri, f.bytes!]));
  return parts.map((p) => {
    if (!p.fileData) return p;
    const b = bytes.get(String(p.fileData.fileUri ?? ''))!;
    return { inlineData: { mimeType: p.fileData.mimeType ?? '', data: b.toString('base64') } };
  });
}

export async function startGeminiStandin(opts: GeminiStandinOptions = {}): Promise<GeminiStandin> {
  const keys = new Set(opts.apiKeys ?? [DEFAULT_KEY]);
  const models = new Set(opts.models ?? DEFAULT_MODELS);
  let faults: Faults = { ...NO_FAULTS, ...opts.faults };
  const rnd = mulberry32(opts.seed ?? 42);
  const missing = opts.imageMissing ?? imageMissingByDefault;
  const empty = (): StandinStats => ({
    generateRequests: 0,
    byStatus: {},
    answered: {},
    inlineImages: 0,
    urlImages: 0,
    urlRefusals: 0,
    refusedTokens: 0,
    imageRequests: 0,
    images404: 0,
    promptTokens: 0,
    outputTokens: 0,
    thoughtsTokens: 0,
    inFlight: 0,
    maxInFlight: 0,
    rateLimited: { rpm: 0, tpm: 0, rpd: 0 },
    laneMs: 0,
  });
  let stats = empty();
  const limits: TierLimits = typeof opts.tier === 'object' ? opts.tier : TIERS[opts.tier ?? 'tier1'];
  const limiter = new RateLimiter(limits);
  const now = opts.now ?? (() => new Date());
  const pngCache = new Map<string, Buffer>();

  const latency = (): number => {
    const l = faults.latency;
    if (!l) return 0;
    const sigma = Math.log(Math.max(l.p95Ms, l.medianMs + 1) / l.medianMs) / 1.6449;
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    return Math.min(60_000, l.medianMs * Math.exp(sigma * z));
  };

  /** Answers, counted by status unless it answers the stand-in's own URL fetch (not a client's request). */
  const send = (res: ServerResponse, code: number, body: string | Buffer, type = 'application/json; charset=UTF-8') => {
    if (!fetchedByModel(res.req)) stats.byStatus[String(code)] = (stats.byStatus[String(code)] ?? 0) + 1;
    res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };

  async function generate(_req: IncomingMessage, res: ServerResponse, model: string, key: string, raw: string): Promise<void> {
    stats.generateRequests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      if (!key) {
        return send(
          res,
          403,
          googleError(
            403,
            'PERMISSION_DENIED',
            "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
          ),
        );
      }
      if (!keys.has(key)) {
        return send(
          res,
          400,
          googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
              metadata: { service: 'generativelanguage.googleapis.com' },
            },
          ]),
        );
      }
      if (!models.has(model)) {
        return send(
          res,
          404,
          googleError(
            404,
            'NOT_FOUND',
            `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
          ),
        );
      }
      let body: {
        contents?: Array<{ parts?: Part[] }>;
        systemInstruction?: { parts?: Part[] };
        generationConfig?: {
          responseMimeType?: string;
          maxOutputTokens?: number;
          thinkingConfig?: ThinkingConfig;
          mediaResolution?: unknown;
        };
      };
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.'));
      }
      if (!Array.isArray(body.contents) || !body.contents.length) {
        return send(
          res,
          400,
          googleError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified'),
        );
      }
      const thinking = thinkingOf(model, body.generationConfig?.thinkingConfig);
      if ('refused' in thinking) return send(res, 400, googleError(400, 'INVALID_ARGUMENT', thinking.refused));
      const sent = body.contents.flatMap((c) => c.parts ?? []);
      const uris = sent.filter((p) => p.fileData).map((p) => String(p.fileData?.fileUri ?? ''));
      const refused = refusedUri(uris, model);
      if (refused !== null) return refuseUri(res, refused);
      const media = pictureLevels(model, body.generationConfig?.mediaResolution, sent);
      if ('refused' in media) return send(res, 400, googleError(400, 'INVALID_ARGUMENT', media.refused));
      const inline = new Map(sent.filter((p) => p.inlineData?.data).map((p) => [p, Buffer.from(p.inlineData!.data!, 'base64')]));
      const shown = sent.filter(isPicture);
      /** The pictures' tokens, each at its level, from the bytes known for it (none yet for a URL not fetched). */
      const pictureTotal = (bytesOf: (p: Part) => Uint8Array | null) =>
        shown.reduce((a, p, i) => a + pictureTokens(model, media.levels[i], bytesOf(p)), 0);
      // The system instruction is input too: Google's promptTokenCount (and the TPM limit) counts it with the contents.
      const system = body.systemInstruction?.parts ?? [];
      const textChars = [...sent, ...system].reduce((a, p) => a + (p.text?.length ?? 0), 0);
      // A URL's picture is admitted before it is fetched (where its size decides, as one tile) and counted in
      // usageMetadata from its bytes, exactly as inline data.
      const admitted = Math.ceil(textChars / 4) + pictureTotal((p) => inline.get(p) ?? null);
      // The tier's limits answer at once, before the model works (ai.google.dev/gemini-api/docs/rate-limits).
      const admittedAt = now().getTime();
      const limited = limiter.admit(admittedAt, admitted);
      if (limited) {
        stats.rateLimited[limited.limit]++;
        return send(res, 429, googleError(429, 'RESOURCE_EXHAUSTED', limited.message, limited.details));
      }
      // Google fetches the URLs while processing: one that fails fails the request (its tokens stay admitted: a
      // request Google answered with 400 was seen to take its input tokens from the TPM quota all the same,
      // github.com/google-gemini/gemini-cli/issues/15184; Google does not document it either way, so the strict side
      // unless a probe measured otherwise: refusedTokensCount).
      const { fetched, extraMs } = await fetchUris(uris);
      const failed = fetched.find((f) => !f.bytes);
      if (failed) {
        if (opts.refusedTokensCount === false) limiter.giveBack(admittedAt, admitted);
        else stats.refusedTokens += admitted;
        return refuseUri(res, failed.uri);
      }
      stats.urlImages += fetched.length;
      const parts = withFetched(sent, fetched);
      const byUri = new Map(fetched.map((f) => [f.uri, f.bytes]));
      const promptTokenCount =
        Math.ceil(textChars / 4) + pictureTotal((p) => inline.get(p) ?? byUri.get(String(p.fileData?.fileUri ?? '')) ?? null);
      const asked = readAsked(parts).items;
      const slow = faults.slowSkus.length && asked.some((i) => faults.slowSkus.includes(i.sku)) ? faults.slowMs : 0;
      const wait = latency() + slow + extraMs;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const r = rnd();
      if (r < faults.rate429) {
        return send(
          res,
          429,
          googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
            {
              '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
              violations: [
                {
                  quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                  quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                },
              ],
            },
            { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${faults.retryDelaySec}s` },
          ]),
        );
      }
      if (r < faults.rate429 + faults.rate500) {
        return send(
          res,
          500,
          googleError(
            500,
            'INTERNAL',
            'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
          ),
        );
      }
      const { items, top } = readAsked(parts);
      stats.inlineImages += inline.size;
      const usage = (out: number, thoughts = 0) => ({
        promptTokenCount,
        candidatesTokenCount: out,
        ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
        totalTokenCount: promptTokenCount + out + thoughts,
      });
      const safety =
        items.some((i) => faults.safetySkus.includes(i.sku)) ||
        (r < faults.rate429 + faults.rate500 + faults.rateSafety && r >= faults.rate429 + faults.rate500);
      if (safety) {
        stats.promptTokens += promptTokenCount;
        const blockPrompt = rnd() < 0.5;
        const answer = blockPrompt
          ? {
              promptFeedback: {
                blockReason: 'SAFETY',
                safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
              },
              usageMetadata: usage(0),
              modelVersion: model,
            }
          : {
              candidates: [
                {
                  finishReason: 'SAFETY',
                  index: 0,
                  safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
                },
              ],
              usageMetadata: usage(0),
              modelVersion: model,
            };
        return send(res, 200, JSON.stringify(answer));
      }
      let text: string;
      /** The answer names every SKU asked about (not broken on purpose). */
      let whole = false;
      if (items.length) {
        const rows = items.map((it) => ({ sku: it.sku, keywords: [...faults.extraKeywords, ...keywordsFor(it, top)] }));
        if (items.some((i) => faults.strangerSkus.includes(i.sku))) rows.push({ sku: 'SKU-TIDAK-DITANYA', keywords: ['x'] });
        text = JSON.stringify(rows);
        const malformed = items.some((i) => faults.malformedSkus.includes(i.sku)) || r >= 1 - faults.rateMalformed;
        if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
        whole = !malformed;
      } else {
        const words = parts
          .map((p) => p.text ?? '')
          .join(' ')
          .toLowerCase()
          .split(/\W+/)
          .filter((w) => w.length > 3)
          .slice(0, 5);
        text =
          body.generationConfig?.responseMimeType === 'application/json' ? JSON.stringify({ keywords: words }) : words.join(', ');
      }
      // Thinking comes first and counts against maxOutputTokens (Google's default, 65,536): what it leaves is the
      // answer's room, and an answer longer than that is cut off (finishReason MAX_TOKENS; no content when none is left).
      const most = Math.max(1, Math.floor(Number(body.generationConfig?.maxOutputTokens ?? 65_536)));
      const thoughts = Math.min(most, thinking.thoughts(Math.max(1, items.length)));
      const room = most - thoughts;
      const cut = Math.ceil(text.length / 4) > room;
      if (cut) text = text.slice(0, room * 4);
      else if (whole) for (const it of items) stats.answered[it.sku] = (stats.answered[it.sku] ?? 0) + 1;
      const out = Math.ceil(text.length / 4);
      const tps = faults.latency?.outputTokensPerSec;
      const writing = tps ? ((out + thoughts) / tps) * 1000 : 0;
      if (writing > 0) await new Promise((r) => setTimeout(r, writing));
      stats.promptTokens += promptTokenCount;
      stats.outputTokens += out;
      stats.thoughtsTokens += thoughts;
      const content = text ? { content: { parts: [{ text }], role: 'model' } } : {};
      const answer = {
        candidates: [{ ...content, finishReason: cut ? 'MAX_TOKENS' : 'STOP', index: 0 }],
        usageMetadata: usage(out, thoughts),
        modelVersion: model,
        responseId: `standin-${stats.generateRequests}`,
      };
      return send(res, 200, JSON.stringify(answer));
    } finally {
      stats.inFlight--;
    }
  }

  /** Google's 400 for a file URI it refuses or cannot fetch. */
  function refuseUri(res: ServerResponse, uri: string): void {
    stats.urlRefusals++;
    send(res, 400, googleError(400, 'INVALID_ARGUMENT', unsupportedUri(uri)));
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const arrived = Date.now();
    const counted = stats;
    if (!fetchedByModel(req)) res.on('finish', () => (counted.laneMs += Date.now() - arrived));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://standin');
      const img = /^\/images\/([^/]+)\.(?:png|jpe?g)$/.exec(u.pathname);
      if (req.method === 'GET' && img) {
        const byModel = fetchedByModel(req);
        if (!byModel) stats.imageRequests++;
        const sku = decodeURIComponent(img[1]);
        // A slow host is slow for a missing picture too (the 404 takes its round trip).
        const answer = (code: number, body: Buffer | string, type: string) =>
          faults.imageLatencyMs
            ? setTimeout(() => send(res, code, body, type), faults.imageLatencyMs)
            : send(res, code, body, type);
        if (missing(sku)) {
          if (!byModel) stats.images404++;
          return answer(404, 'Not Found', 'text/plain');
        }
        if (opts.imageSize) {
          let png = pngCache.get(sku);
          if (!png) pngCache.set(sku, (png = productPng(sku, opts.imageSize)));
          return answer(200, png, 'image/png');
        }
        const picture = productImage(sku);
        return answer(200, picture.bytes, picture.mimeType);
      }
      const get = /^\/v1beta\/models\/([^/:]+)$/.exec(u.pathname);
      if (req.method === 'GET' && get) {
        // models.get: what DataDesk asks before a job starts, to refuse a bad key or model up front.
        const key = String(req.headers['x-goog-api-key'] ?? u.searchParams.get('key') ?? '');
        const model = decodeURIComponent(get[1]);
        if (!key)
          return send(
            res,
            403,
            googleError(
              403,
              'PERMISSION_DENIED',
              "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
            ),
          );
        if (!keys.has(key))
          return send(
            res,
            400,
            googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
              { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
            ]),
          );
        if (!models.has(model))
          return send(res, 404, googleError(404, 'NOT_FOUND', `models/${model} is not found for API version v1beta`));
        return send(
          res,
          200,
          JSON.stringify({
            name: `models/${model}`,
            version: '001',
            displayName: model,
            inputTokenLimit: 1048576,
            outputTokenLimit: 65536,
            supportedGenerationMethods: ['generateContent', 'countTokens'],
          }),
        );
      }
      const gen = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(u.pathname);
      if (req.method === 'POST' && gen) {
        const key = String(req.headers['x-goog-api-key'] ?? u.searchParams.get('key') ?? '');
        generate(req, res, decodeURIComponent(gen[1]), key, Buffer.concat(chunks).toString('utf8')).catch((e) => {
          if (!res.headersSent) send(res, 500, googleError(500, 'INTERNAL', String(e)));
        });
        return;
      }
      send(res, 404, googleError(404, 'NOT_FOUND', `The requested URL ${u.pathname} was not found on this server.`));
    });
  };
  const host = opts.host ?? '127.0.0.1';
  const server = await listenDual(handler, opts.port ?? 0, host);
  return {
    url: `http://${host}:${server.port}`,
    httpsUrl: `https://${host}:${server.port}`,
    limits,
    stats: () => JSON.parse(JSON.stringify(stats)) as StandinStats,
    resetStats: () => {
      stats = empty();
    },
    setFaults: (f) => {
      faults = { ...faults, ...f };
    },
    close: () => server.close(),
  };
}
