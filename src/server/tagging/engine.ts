// One chunk's model work: images and model calls in parallel (fetchAll), cache, retries with backoff, RPM and deadline.
import { buildRequest, PROMPT_VERSION, TagItem, BASE_REQUEST_BYTES } from './prompt';
import { batchItems } from './batch';
import { parseAnswer } from './parse';
import { classify } from './backoff';
import { AppError } from '../core/errors';
import type { HttpReq } from '../core/http';
import type { AnswerCache, EnginePorts } from './ports';

export interface EngineItem {
  sku: string;
  name: string;
  category: string;
  imageUrl: string;
}

export type Outcome = 'done' | 'no_image' | 'blocked' | 'error';

export interface EngineResult {
  sku: string;
  outcome: Outcome;
  raw: string[];
  reason: string;
  fromCache: boolean;
}

export interface EngineConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  batchSize: number;
  maxRequestBytes: number;
  maxParallel: number;
  rpm: number;
  top: readonly string[];
  /** Stop sending when this returns true (daily budget spent), given the tokens this chunk used so far. */
  budgetSpent(tokensIn: number, tokensOut: number): boolean;
}

export interface EngineStats {
  requests: number;
  imageRequests: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  cacheHits: number;
  stoppedBy: 'done' | 'deadline' | 'rpm' | 'budget';
}

const MAX_RETRIES = 6;
const MAX_INVALID = 3;
/** Time kept back for writing results after the last round. */
const WRITE_MARGIN_MS = 20_000;

interface Pending {
  items: Array<TagItem & { noImage: boolean }>;
  attempt: number;
  invalid: number;
  notBefore: number;
  lastReason: string;
}

/** Reads the RPM window: how many requests may go now. */
function allowance(window: number[], rpm: number, now: number): number {
  while (window.length && window[0] <= now - 60_000) window.shift();
  return Math.max(0, rpm - window.length);
}

export function runEngine(
  items: readonly EngineItem[],
  cfg: EngineConfig,
  ports: EnginePorts,
  cache: AnswerCache,
  rpmWindow: number[],
): { results: EngineResult[]; stats: EngineStats } {
  const stats: EngineStats = {
    requests: 0,
    imageRequests: 0,
    retries: 0,
    tokensIn: 0,
    tokensOut: 0,
    cacheHits: 0,
    stoppedBy: 'done',
  };
  const results: EngineResult[] = [];
  if (!items.length) return { results, stats };

  // 1. Images, all at once.
  const withUrl = items.filter((it) => /^https?:\/\//i.test(it.imageUrl));
  const imgRes = withUrl.length
    ? ports.fetchAll(withUrl.map((it) => ({ url: it.imageUrl, method: 'get' as const, binary: true })))
    : [];
  stats.imageRequests += withUrl.length;
  const images = new Map<string, { mimeType: string; data: string; sha: string }>();
  withUrl.forEach((it, i) => {
    const r = imgRes[i];
    const type = (r.contentType || '').split(';')[0].trim().toLowerCase();
    if (
      r.code === 200 &&
      r.base64 &&
      r.sha256 &&
      /^image\//.test(type) &&
      r.base64.length + BASE_REQUEST_BYTES < cfg.maxRequestBytes
    ) {
      images.set(it.sku, { mimeType: type, data: r.base64, sha: r.sha256 });
    }
  });

  // 2. Cache.
  const keyOf = new Map<string, string>();
  const topHash = ports.hash(cfg.top.join('\n'));
  for (const it of items) {
    const img = images.get(it.sku);
    keyOf.set(it.sku, ports.hash([it.name, it.category, img ? img.sha : '-', PROMPT_VERSION, topHash, cfg.model].join('\u0001')));
  }
  const cached = cache.getAll([...new Set(keyOf.values())]);
  const todo: Array<TagItem & { noImage: boolean }> = [];
  for (const it of items) {
    const img = images.get(it.sku);
    const hit = cached[keyOf.get(it.sku)!];
    if (hit) {
      stats.cacheHits++;
      results.push({
        sku: it.sku,
        outcome: img ? 'done' : 'no_image',
        raw: hit,
        reason: img ? '' : 'gambar tidak dapat diambil',
        fromCache: true,
      });
    } else {
      todo.push({
        sku: it.sku,
        name: it.name,
        category: it.category,
        image: img ? { mimeType: img.mimeType, data: img.data } : null,
        noImage: !img,
      });
    }
  }

  // 3. Model calls in rounds.
  let queue: Pending[] = batchItems(todo, { maxItems: cfg.batchSize, maxBytes: cfg.maxRequestBytes }).map((b) => ({
    items: b,
    attempt: 0,
    invalid: 0,
    notBefore: 0,
    lastReason: '',
  }));
  const url = `${cfg.baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(cfg.model)}:generateContent`;
  const fresh: Record<string, string[]> = {};
  const finish = (it: TagItem & { noImage: boolean }, outcome: Outcome, raw: string[], reason: string) => {
    const o: Outcome = outcome === 'done' && it.noImage ? 'no_image' : outcome;
    results.push({
      sku: it.sku,
      outcome: o,
      raw,
      reason: o === 'no_image' && !reason ? 'gambar tidak dapat diambil' : reason,
      fromCache: false,
    });
  };
  const giveUp = (p: Pending, reason: string) => p.items.forEach((it) => finish(it, 'error', [], reason));
  let salt = 0;

  while (queue.length) {
    if (cfg.budgetSpent(stats.tokensIn, stats.tokensOut)) {
      stats.stoppedBy = 'budget';
      break;
    }
    const now = ports.now();
    const ready = queue.filter((p) => p.notBefore <= now);
    if (!ready.length) {
      const wait = Math.min(...queue.map((p) => p.notBefore)) - now;
      if (wait > ports.remainingMs() - WRITE_MARGIN_MS) {
        stats.stoppedBy = 'deadline';
        break;
      }
      ports.sleep(wait);
      continue;
    }
    if (ports.remainingMs() < WRITE_MARGIN_MS + 10_000) {
      stats.stoppedBy = 'deadline';
      break;
    }
    const allowed = Math.min(allowance(rpmWindow, cfg.rpm, now), cfg.maxParallel);
    if (allowed === 0) {
      const wait = rpmWindow[0] + 60_000 - now + 50;
      if (wait > ports.remainingMs() - WRITE_MARGIN_MS - 10_000) {
        stats.stoppedBy = 'rpm';
        break;
      }
      ports.sleep(wait);
      continue;
    }
    const round = ready.slice(0, allowed);
    const roundSet = new Set(round);
    queue = queue.filter((p) => !roundSet.has(p));
    const reqs: HttpReq[] = round.map((p) => ({
      url,
      method: 'post',
      headers: { 'x-goog-api-key': cfg.apiKey },
      payload: JSON.stringify(buildRequest(p.items, cfg.top)),
    }));
    for (let i = 0; i < reqs.length; i++) rpmWindow.push(now);
    stats.requests += reqs.length;
    const answers = ports.fetchAll(reqs);
    round.forEach((p, i) => {
      const res = answers[i];
      const v = classify(res.code, res.text, p.attempt + 1, ++salt);
      if (v.kind === 'retry') {
        if (p.attempt + 1 > MAX_RETRIES) return giveUp(p, `gagal setelah ${MAX_RETRIES} percobaan (${v.reason})`);
        stats.retries++;
        queue.push({ ...p, attempt: p.attempt + 1, notBefore: ports.now() + v.delayMs, lastReason: v.reason });
        return;
      }
      if (v.kind === 'fatal') {
        if (v.code === 401 || v.code === 403 || v.code === 404 || /API_KEY|API key/i.test(v.reason)) {
          throw geminiRefused(v.code, v.status, v.reason, cfg.model);
        }
        return giveUp(p, `ditolak model: ${v.reason}`);
      }
      const a = parseAnswer(
        res.text,
        p.items.map((it) => it.sku),
      );
      stats.tokensIn += a.usage.promptTokens;
      stats.tokensOut += a.usage.outputTokens;
      if (a.kind === 'blocked') {
        if (p.items.length === 1) return finish(p.items[0], 'blocked', [], a.reason);
        // Find the item the model refuses: ask about each one alone.
        stats.retries++;
        p.items.forEach((it) =>
          queue.push({ items: [it], attempt: p.attempt, invalid: p.invalid, notBefore: 0, lastReason: a.reason }),
        );
        return;
      }
      if (a.kind === 'invalid') {
        stats.retries++;
        if (p.items.length > 1 && p.invalid >= 1) {
          // Rejected twice: ask about each SKU alone, so one bad answer cannot sink its batch-mates.
          p.items.forEach((it) =>
            queue.push({ items: [it], attempt: p.attempt, invalid: 1, notBefore: 0, lastReason: a.reason }),
          );
          return;
        }
        if (p.invalid + 1 >= MAX_INVALID) {
          stats.retries--;
          return giveUp(p, `jawaban model ditolak: ${a.reason}`);
        }
        queue.push({ ...p, invalid: p.invalid + 1, notBefore: 0, lastReason: a.reason });
        return;
      }
      for (const it of p.items) {
        const kws = a.keywords[it.sku];
        if (!kws) continue;
        fresh[keyOf.get(it.sku)!] = kws;
        finish(it, 'done', kws, '');
      }
      const missing = p.items.filter((it) => !a.keywords[it.sku]);
      if (missing.length) {
        if (p.invalid + 1 >= MAX_INVALID) return giveUp({ ...p, items: missing }, 'model tidak menjawab SKU ini');
        stats.retries++;
        queue.push({ items: missing, attempt: p.attempt, invalid: p.invalid + 1, notBefore: 0, lastReason: 'SKU tidak dijawab' });
      }
    });
  }
  if (Object.keys(fresh).length) cache.putAll(fresh);
  return { results, stats };
}

/** Key, model or permission problems stop the whole job with a clear message (retrying cannot help). */
export function geminiRefused(code: number, status: string, reason: string, model: string): AppError {
  if (code === 404) {
    return new AppError(
      'GEMINI_MODEL',
      {
        id: `Model Gemini "${model}" tidak ditemukan. Periksa ID model di pengaturan Tagging.`,
        en: `Gemini model "${model}" was not found. Check the model id in the Tagging settings.`,
      },
      { status },
    );
  }
  return new AppError(
    'GEMINI_KEY',
    {
      id: `Gemini menolak kunci API (${status}). Periksa properti skrip DATADESK_GEMINI_API_KEY.`,
      en: `Gemini refused the API key (${status}). Check the script property DATADESK_GEMINI_API_KEY.`,
    },
    { status, reason: reason.slice(0, 200) },
  );
}
