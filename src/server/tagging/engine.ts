// One chunk's model work: images and model calls in parallel (fetchAll), cache, retries with backoff, RPM and deadline.
import { buildRequest, PROMPT_VERSION, TagItem, BASE_REQUEST_BYTES } from './prompt';
import { batchItems } from './batch';
import { parseAnswer } from './parse';
import { classify } from './backoff';
import { AppError } from '../core/errors';
import { msg, t } from '../core/text';
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

type Todo = TagItem & { noImage: boolean };
type Image = { mimeType: string; data: string; bytes: Uint8Array };

/**
 * Model requests one slice of a chunk prepares at once (about two of fetchAll's ~10-at-once waves): a slice's pictures
 * are fetched just before its requests go, so the deadline is checked every slice and no picture is fetched (its bytes
 * carried across the bridge) for a SKU this execution will not send.
 */
const SLICE_REQUESTS = 20;
/** Time a slice's pictures and its first round may take: a new slice starts only with this much left beyond the
 * write margin. */
const SLICE_MARGIN_MS = 30_000;

/** Runs one chunk's model work for `items`, slice by slice: pictures, then the cache, then the model in rounds (a
 * slice's retries go out with the next slice's requests). */
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
  const rounds = new ModelRounds(cfg, ports, rpmWindow, stats, results);
  const topHash = ports.hash(cfg.top.join('\n'));
  const sliceSize = Math.max(1, cfg.batchSize) * SLICE_REQUESTS;
  let at = 0;
  for (;;) {
    if (at < items.length && rounds.queued() < SLICE_REQUESTS) {
      if (ports.remainingMs() < WRITE_MARGIN_MS + SLICE_MARGIN_MS) {
        stats.stoppedBy = 'deadline';
        break;
      }
      const slice = items.slice(at, at + sliceSize);
      at += slice.length;
      const images = fetchImages(slice, cfg, ports, stats);
      const keys = cacheKeys(slice, images, cfg, ports, topHash);
      rounds.add(answerFromCache(slice, images, keys, cache, stats, results), keys);
      continue;
    }
    if (!rounds.queued() || !rounds.step()) break;
  }
  const fresh = rounds.answers();
  if (Object.keys(fresh).length) cache.putAll(fresh);
  return { results, stats };
}

/** A slice's product images at once (one fetchAll); an image that fails or is too large to send is left out. */
function fetchImages(
  items: readonly EngineItem[],
  cfg: EngineConfig,
  ports: EnginePorts,
  stats: EngineStats,
): Map<string, Image> {
  const withUrl = items.filter((it) => /^https?:\/\//i.test(it.imageUrl));
  const imgRes = withUrl.length
    ? ports.fetchAll(withUrl.map((it) => ({ url: it.imageUrl, method: 'get' as const, binary: true })))
    : [];
  stats.imageRequests += withUrl.length;
  const images = new Map<string, Image>();
  withUrl.forEach((it, i) => {
    const r = imgRes[i];
    const type = (r.contentType || '').split(';')[0].trim().toLowerCase();
    const fits = r.base64 !== null && r.base64.length + BASE_REQUEST_BYTES < cfg.maxRequestBytes;
    if (r.code === 200 && r.base64 && r.bytes && /^image\//.test(type) && fits) {
      images.set(it.sku, { mimeType: type, data: r.base64, bytes: r.bytes });
    }
  });
  return images;
}

/** Each SKU's answer-cache key: what the model saw (name, category, image) and how it was asked; one SHA-256 per
 * SKU over its text and its picture's bytes (and one per chunk for the top-search list). */
function cacheKeys(
  items: readonly EngineItem[],
  images: Map<string, Image>,
  cfg: EngineConfig,
  ports: EnginePorts,
  topHash: string,
): Map<string, string> {
  const keyOf = new Map<string, string>();
  for (const it of items) {
    const img = images.get(it.sku);
    const text = [it.name, it.category, img ? img.mimeType : '-', PROMPT_VERSION, topHash, cfg.model].join('\u0001');
    keyOf.set(it.sku, ports.hash(text, img?.bytes));
  }
  return keyOf;
}

/** Answers what the cache knows (into `results`); returns the items still to ask the model about. */
function answerFromCache(
  items: readonly EngineItem[],
  images: Map<string, Image>,
  keyOf: Map<string, string>,
  cache: AnswerCache,
  stats: EngineStats,
  results: EngineResult[],
): Todo[] {
  const cached = cache.getAll([...new Set(keyOf.values())]);
  const todo: Todo[] = [];
  for (const it of items) {
    const img = images.get(it.sku);
    const hit = cached[keyOf.get(it.sku)!];
    if (hit) {
      stats.cacheHits++;
      results.push({
        sku: it.sku,
        outcome: img ? 'done' : 'no_image',
        raw: hit,
        reason: img ? '' : t('tagging.reason.noImage'),
        fromCache: true,
      });
    } else {
      const image = img ? { mimeType: img.mimeType, data: img.data } : null;
      todo.push({ sku: it.sku, name: it.name, category: it.category, image, noImage: !img });
    }
  }
  return todo;
}

/** The model calls in rounds: as many batches at once as the RPM and parallel limits allow, retries queued. */
class ModelRounds {
  private queue: Pending[] = [];
  private readonly fresh: Record<string, string[]> = {};
  private readonly keyOf = new Map<string, string>();
  private readonly url: string;
  private salt = 0;

  constructor(
    private readonly cfg: EngineConfig,
    private readonly ports: EnginePorts,
    private readonly rpmWindow: number[],
    private readonly stats: EngineStats,
    private readonly results: EngineResult[],
  ) {
    this.url = `${cfg.baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(cfg.model)}:generateContent`;
  }

  /** Queues `todo` in batches (with their cache keys). */
  add(todo: Todo[], keys: Map<string, string>): void {
    for (const [sku, k] of keys) this.keyOf.set(sku, k);
    const batches = batchItems(todo, { maxItems: this.cfg.batchSize, maxBytes: this.cfg.maxRequestBytes });
    for (const b of batches) this.queue.push({ items: b, attempt: 0, invalid: 0, notBefore: 0, lastReason: '' });
  }

  /** Requests waiting (new batches and retries). */
  queued(): number {
    return this.queue.length;
  }

  /** One round (or one wait for a retry's backoff or the RPM window); false when the budget or the deadline stops. */
  step(): boolean {
    const next = this.nextRound();
    if (next === 'stop') return false;
    if (next.round.length) this.send(next.round, next.at);
    return true;
  }

  /** The answers the model gave (cache key → keywords). */
  answers(): Record<string, string[]> {
    return this.fresh;
  }

  /** The batches to send now (and when); none after waiting (a retry's backoff, the RPM window); 'stop' to end. */
  private nextRound(): { round: Pending[]; at: number } | 'stop' {
    const { cfg, ports, stats } = this;
    if (cfg.budgetSpent(stats.tokensIn, stats.tokensOut)) return this.stop('budget');
    const now = ports.now();
    const ready = this.queue.filter((p) => p.notBefore <= now);
    if (!ready.length) {
      const wait = Math.min(...this.queue.map((p) => p.notBefore)) - now;
      if (wait > ports.remainingMs() - WRITE_MARGIN_MS) return this.stop('deadline');
      ports.sleep(wait);
      return { round: [], at: now };
    }
    if (ports.remainingMs() < WRITE_MARGIN_MS + 10_000) return this.stop('deadline');
    const allowed = Math.min(allowance(this.rpmWindow, cfg.rpm, now), cfg.maxParallel);
    if (allowed === 0) {
      const wait = this.rpmWindow[0] + 60_000 - now + 50;
      if (wait > ports.remainingMs() - WRITE_MARGIN_MS - 10_000) return this.stop('rpm');
      ports.sleep(wait);
      return { round: [], at: now };
    }
    const round = ready.slice(0, allowed);
    const roundSet = new Set(round);
    this.queue = this.queue.filter((p) => !roundSet.has(p));
    return { round, at: now };
  }

  private stop(why: EngineStats['stoppedBy']): 'stop' {
    this.stats.stoppedBy = why;
    return 'stop';
  }

  /** One fetchAll for the round (counted in the RPM window at `now`), each answer settled. */
  private send(round: Pending[], now: number): void {
    const reqs: HttpReq[] = round.map((p) => ({
      url: this.url,
      method: 'post',
      headers: { 'x-goog-api-key': this.cfg.apiKey },
      payload: JSON.stringify(buildRequest(p.items, this.cfg.top)),
    }));
    for (let i = 0; i < reqs.length; i++) this.rpmWindow.push(now);
    this.stats.requests += reqs.length;
    const answers = this.ports.fetchAll(reqs);
    round.forEach((p, i) => this.settle(p, answers[i].code, answers[i].text));
  }

  /** What one answer means for its batch: retried later, refused, split up, or its keywords kept. */
  private settle(p: Pending, code: number, text: string): void {
    const v = classify(code, text, p.attempt + 1, ++this.salt);
    if (v.kind === 'retry') {
      if (p.attempt + 1 > MAX_RETRIES) return this.giveUp(p, t('tagging.reason.retries', { n: MAX_RETRIES, reason: v.reason }));
      this.stats.retries++;
      this.queue.push({ ...p, attempt: p.attempt + 1, notBefore: this.ports.now() + v.delayMs, lastReason: v.reason });
      return;
    }
    if (v.kind === 'fatal') {
      if (v.code === 401 || v.code === 403 || v.code === 404 || /API_KEY|API key/i.test(v.reason)) {
        throw geminiRefused(v.code, v.status, v.reason, this.cfg.model);
      }
      return this.giveUp(p, t('tagging.reason.refused', { reason: v.reason }));
    }
    const a = parseAnswer(
      text,
      p.items.map((it) => it.sku),
    );
    this.stats.tokensIn += a.usage.promptTokens;
    this.stats.tokensOut += a.usage.outputTokens;
    if (a.kind === 'blocked') return this.blocked(p, a.reason);
    if (a.kind === 'invalid') return this.invalid(p, a.reason);
    this.keep(p, a.keywords);
  }

  /** The model refused the batch: a lone SKU is blocked; otherwise each SKU is asked about alone. */
  private blocked(p: Pending, reason: string): void {
    if (p.items.length === 1) return this.finish(p.items[0], 'blocked', [], reason);
    this.stats.retries++;
    for (const it of p.items)
      this.queue.push({ items: [it], attempt: p.attempt, invalid: p.invalid, notBefore: 0, lastReason: reason });
  }

  /** An answer that breaks the schema: asked again, then SKU by SKU (so one bad answer cannot sink its batch-mates). */
  private invalid(p: Pending, reason: string): void {
    this.stats.retries++;
    if (p.items.length > 1 && p.invalid >= 1) {
      for (const it of p.items)
        this.queue.push({ items: [it], attempt: p.attempt, invalid: 1, notBefore: 0, lastReason: reason });
      return;
    }
    if (p.invalid + 1 >= MAX_INVALID) {
      this.stats.retries--;
      return this.giveUp(p, t('tagging.reason.invalidAnswer', { reason }));
    }
    this.queue.push({ ...p, invalid: p.invalid + 1, notBefore: 0, lastReason: reason });
  }

  /** Keeps the keywords of every SKU answered; asks again about the ones the model skipped. */
  private keep(p: Pending, keywords: Record<string, string[]>): void {
    for (const it of p.items) {
      const kws = keywords[it.sku];
      if (!kws) continue;
      this.fresh[this.keyOf.get(it.sku)!] = kws;
      this.finish(it, 'done', kws, '');
    }
    const missing = p.items.filter((it) => !keywords[it.sku]);
    if (!missing.length) return;
    if (p.invalid + 1 >= MAX_INVALID) return this.giveUp({ ...p, items: missing }, t('tagging.reason.unanswered'));
    this.stats.retries++;
    this.queue.push({
      items: missing,
      attempt: p.attempt,
      invalid: p.invalid + 1,
      notBefore: 0,
      lastReason: t('tagging.reason.skuUnanswered'),
    });
  }

  private finish(it: Todo, outcome: Outcome, raw: string[], reason: string): void {
    const o: Outcome = outcome === 'done' && it.noImage ? 'no_image' : outcome;
    this.results.push({
      sku: it.sku,
      outcome: o,
      raw,
      reason: o === 'no_image' && !reason ? t('tagging.reason.noImage') : reason,
      fromCache: false,
    });
  }

  private giveUp(p: Pending, reason: string): void {
    for (const it of p.items) this.finish(it, 'error', [], reason);
  }
}

/** Key, model or permission problems stop the whole job with a clear message (retrying cannot help). */
export function geminiRefused(code: number, status: string, reason: string, model: string): AppError {
  if (code === 404) {
    return new AppError('GEMINI_MODEL', msg('tagging.error.modelMissing', { model }), { status });
  }
  return new AppError('GEMINI_KEY', msg('tagging.error.keyRefused', { status }), { status, reason: reason.slice(0, 200) });
}
