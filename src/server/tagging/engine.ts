// One chunk's model work: images and model calls in parallel (fetchAll), cache, retries with backoff, RPM and deadline.
// With a model that takes URLs, https pictures go as URLs Gemini fetches (no download), inline when Google refuses one.
import { requestPayload, PROMPT_VERSION, TagItem, BASE_REQUEST_BYTES, Picture, isLinked, fixedPromptTokens } from './prompt';
import { LinkedPicture, linkedPicture, refusedFileUri } from './picture-url';
import { batchItems } from './batch';
import { parseAnswer } from './parse';
import { classify } from './backoff';
import { AppError } from '../core/errors';
import { msg, t } from '../core/text';
import type { HttpReq, HttpRes } from '../core/http';
import type { AnswerCache, EnginePorts, FetchHold, Held } from './ports';
import { fitTokens, type Sent } from './minute';

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
  /** Input tokens a minute this chunk may send (its share of the project's); 0 = not paced. */
  tpm?: number;
  /** The model fetches https pictures itself (Gemini 2.5 and later): they are sent as URLs, not downloaded. */
  urlMode: boolean;
  top: readonly string[];
  /** Stop sending when this returns true (daily budget spent), given the tokens this chunk used so far. */
  budgetSpent(tokensIn: number, tokensOut: number): boolean;
  /** More SKUs wait beyond this chunk: once every request of the chunk has gone, what is left to send again (the
   * rest of a refused request, retries, refused pictures to download) waits for the next chunk, where it goes with
   * that chunk's first requests instead of in rounds of a few requests each waiting for its slowest answer. */
  moreWaiting?: boolean;
}

export interface EngineStats {
  requests: number;
  imageRequests: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  cacheHits: number;
  /** Pictures taken from the job's hold (fetched by an earlier chunk) instead of fetched again. */
  heldPictures: number;
  /** SKUs whose pictures were queued to go as URLs (Gemini fetches them). */
  urlPictures: number;
  /** SKUs sent again with their pictures downloaded, because Google refused their URL (400 unsupported file uri). */
  urlFallbacks: number;
  /** SHA-256 digests computed: one a SKU keyed (in JavaScript or one computeDigest) and one for the top-search list. */
  hashes: number;
  stoppedBy: 'done' | 'deadline' | 'rpm' | 'budget' | 'deferred';
  /** The pace measured in this chunk (the next chunk sizes its slices by it). */
  pace: Pace;
}

/** How long this job's pictures and model rounds take (projected ms), carried in the job from chunk to chunk. */
export interface Pace {
  /** One picture: its share of the fetch, the bridge (getContent), its base64 and its hash. */
  pictureMs: number;
  /** One round of model requests (one fetchAll), its slowest answer included. */
  roundMs: number;
  /** Input tokens a SKU adds to a request: the model's usageMetadata less the prompt every request carries, over the
   * SKUs asked; absent before any answer. */
  tokensPerSku?: number;
}

/** Before anything is measured: slow guesses, so a job's first slice is small and its first round goes early. */
export const FIRST_PACE: Pace = { pictureMs: 250, roundMs: 20_000 };

/** Input tokens a SKU is expected to take before the job has measured it: a Gemini 3 picture's 1,120 and its text,
 * the high side (a 2.5 picture takes 258), so a job's first requests never overrun the minute. */
const FIRST_TOKENS_PER_SKU = 1_200;

/** A job without a hold (tests of the engine alone): nothing is kept between chunks. */
const NO_HOLD: FetchHold = { load: () => ({}), save: () => undefined, release: () => undefined };

const MAX_RETRIES = 6;
const MAX_INVALID = 3;
/** Time kept back for writing results after the last round. */
const WRITE_MARGIN_MS = 20_000;

interface Pending {
  items: Todo[];
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
/** A picture: its type, its base64 and, when fetched in this chunk, its bytes as a Latin-1 string (for its key); or
 * the URL Gemini fetches it from. */
type Image = { mimeType: string; data: string; binary: string | null } | (LinkedPicture & { binary: null });

/** Most model requests one slice prepares (a round of them keeps fetchAll's ~10 lanes busy about two waves long). */
const SLICE_REQUESTS = 20;

/** Requests a slice prepares: with pictures as URLs there is nothing to download a SKU, so a slice is as many requests
 * as one round may carry (a round waits for its slowest answer: the more requests it holds, the less of the lanes'
 * time that tail wastes); with pictures downloaded, SLICE_REQUESTS (their fetch paces the slices). */
function sliceRequests(cfg: EngineConfig): number {
  return cfg.urlMode ? Math.max(SLICE_REQUESTS, cfg.maxParallel) : SLICE_REQUESTS;
}
/** At most this share of the time left (beyond the write margin and one round) goes into one slice's pictures, so a
 * slice never eats the time its own requests need, and the last slices of a chunk get smaller, never skipped. */
const SLICE_SHARE = 0.5;
/** Pictures kept in the hold at once (about three CacheService entries of ≤ 100 KB each; a cache keeps about 1,000
 * entries, and the answer and catalogue buckets need theirs). Beyond it a picture is fetched again after a kill. */
export const HOLD_MAX_PICTURES = 100;

/** How many SKUs the next slice takes: as many pictures as fit the time left at the measured pace (a whole request's
 * worth at least), none when even that does not fit; the chunk's first slice takes one SKU at least (progress). With
 * pictures sent as URLs only the pictures to download count (one Gemini fetches costs nothing before its round), so a
 * slice can hold the whole chunk and its requests go in one round instead of one a slice, each waiting for its
 * slowest answer. */
function sliceSize(
  rest: readonly EngineItem[],
  cfg: EngineConfig,
  ports: EnginePorts,
  pace: Pace,
  first: boolean,
  refused: Set<string>,
): number {
  const most = Math.min(rest.length, Math.max(1, cfg.batchSize) * sliceRequests(cfg));
  const avail = ports.remainingMs() - WRITE_MARGIN_MS - pace.roundMs;
  // Never more downloads than a slice that downloads every picture holds (its pictures sit in memory until sent).
  const room = Math.min(
    Math.max(1, cfg.batchSize) * SLICE_REQUESTS,
    Math.floor((Math.max(0, avail) * SLICE_SHARE) / Math.max(1, pace.pictureMs)),
  );
  let fit = 0;
  for (let pictures = 0; fit < most; fit++) {
    pictures += cfg.urlMode && !downloaded(rest[fit], refused) ? 0 : 1;
    if (pictures > room) break;
  }
  if (fit >= Math.min(rest.length, cfg.batchSize)) return fit;
  return first ? Math.max(1, fit) : 0;
}

/** The URL part Gemini fetches a SKU's picture from: with pictures as URLs (`urlRefused` given), a link it can fetch
 * and did not refuse before; null otherwise (the picture, if any, is downloaded). */
const linkOf = (it: EngineItem, urlRefused: Set<string> | null): LinkedPicture | null =>
  urlRefused && !urlRefused.has(it.sku) ? linkedPicture(it.imageUrl) : null;

/** Whether a SKU's picture is downloaded when pictures go as URLs: an http link, or one Google refused before. */
const downloaded = (it: EngineItem, refused: Set<string>) => hasUrl(it) && !linkOf(it, refused);

/** A new measurement of a pace figure: a slower one counts at once, a faster one eases in. */
function paced(old: number, measured: number): number {
  return measured >= old ? measured : 0.7 * old + 0.3 * measured;
}

/** A chunk's figures before its first request, at the job's pace. */
export function newStats(pace: Pace): EngineStats {
  return {
    requests: 0,
    imageRequests: 0,
    retries: 0,
    tokensIn: 0,
    tokensOut: 0,
    cacheHits: 0,
    heldPictures: 0,
    urlPictures: 0,
    urlFallbacks: 0,
    hashes: 0,
    stoppedBy: 'done',
    pace: { ...pace },
  };
}

/** Runs one chunk's model work for `items`, slice by slice: pictures (or what the hold kept of them), then the cache,
 * then the model in rounds, the first round of a slice at once (a slice's retries go out with the next slice's
 * requests). Answers reach the cache and the hold lets go of their pictures after every round, so a chunk that is
 * killed leaves nothing to ask twice; what is fetched but not sent when the chunk ends stays in the hold. */
export function runEngine(
  items: readonly EngineItem[],
  cfg: EngineConfig,
  ports: EnginePorts,
  cache: AnswerCache,
  rpmWindow: number[],
  memo: { pace?: Pace | null; hold?: FetchHold; urlRefused?: Set<string>; tokens?: Sent[] } = {},
): { results: EngineResult[]; stats: EngineStats } {
  const stats = newStats(memo.pace ?? FIRST_PACE);
  const results: EngineResult[] = [];
  if (!items.length) return { results, stats };
  const hold = new HoldKeeper(memo.hold ?? NO_HOLD, items);
  const refused = memo.urlRefused ?? new Set<string>();
  const rounds = new ModelRounds(cfg, ports, { rpm: rpmWindow, tokens: memo.tokens ?? [] }, stats, results, cache, hold, refused);
  const topHash = ports.hash(cfg.top.join('\n'));
  stats.hashes++;
  let at = 0;
  /** No further slice fits the time left: what is queued still goes. */
  let last = false;
  for (;;) {
    // A new slice while fewer than two slices' requests wait: its pictures ride in the fetchAll of the requests
    // already queued (one HTTP wait for both), and its own requests go with the next slice's pictures.
    if (!last && at < items.length && rounds.queued() < 2 * sliceRequests(cfg)) {
      const first = !results.length && !rounds.queued();
      // A job's first slice (its pace null: never measured) is one request's worth: what it measures sizes the rest.
      // With pictures as URLs a slice downloads almost nothing, so the pace sizes little and the probe would cost
      // the first chunk a round of one request while fetchAll's other lanes stand idle.
      const n =
        memo.pace === null && !at && !cfg.urlMode
          ? Math.min(items.length, cfg.batchSize)
          : sliceSize(items.slice(at), cfg, ports, stats.pace, first, refused);
      if (!n) {
        last = true;
        continue;
      }
      const slice = items.slice(at, at + n);
      const plan = planSlice(slice, cache, hold, stats, cfg.urlMode ? refused : null);
      const reqs = pictureRequests(plan.fetch);
      // The queued requests go now with the pictures (a slice's first round goes whatever the deadline's reserve
      // for another round says: fetched pictures are always sent); without any queued, the pictures go alone.
      const t0 = ports.now();
      const alone = !rounds.queued();
      const answers = alone ? (reqs.length ? ports.fetchAll(reqs) : []) : rounds.step(rounds.hasUnsent(), reqs);
      if (!answers) break;
      at += slice.length;
      const { images, keys, pictured } = finishSlice(plan, answers, cfg, ports, stats, topHash, { t0, alone });
      rounds.add(answerFromCache(slice, images, pictured, keys, cache, stats, results), keys);
      hold.keep(slice, keys, images, pictured, rounds.waiting());
      continue;
    }
    if (!rounds.queued()) break;
    // Only after progress: a chunk that answered nothing (the key's quota spent, say) retries as ever, so its backoff
    // and retry limit still end what cannot succeed.
    if (cfg.moreWaiting && at >= items.length && rounds.allAskedOnce() && results.length) {
      stats.stoppedBy = 'deferred';
      break;
    }
    if (!rounds.step(rounds.hasUnsent())) break;
  }
  if (last && stats.stoppedBy === 'done') stats.stoppedBy = 'deadline';
  hold.keepLeftovers(rounds.leftovers());
  return { results, stats };
}

/** What a slice needs: the SKUs whose keys and pictures the hold kept (nothing fetched or hashed twice), and those
 * to fetch. */
interface SlicePlan {
  images: Map<string, Image>;
  keys: Map<string, string>;
  pictured: Set<string>;
  /** SKUs whose pictures go as URLs (nothing to download), and those SKUs. */
  linked: Map<string, LinkedPicture>;
  linkedItems: EngineItem[];
  fetch: EngineItem[];
}

/** `urlRefused`: null when pictures are never sent as URLs (the model does not take them); else the SKUs whose URLs
 * Google refused earlier in the job (they are downloaded). */
function planSlice(
  slice: readonly EngineItem[],
  cache: AnswerCache,
  hold: HoldKeeper,
  stats: EngineStats,
  urlRefused: Set<string> | null,
): SlicePlan {
  const plan: SlicePlan = {
    images: new Map(),
    keys: new Map(),
    pictured: new Set(),
    linked: new Map(),
    linkedItems: [],
    fetch: [],
  };
  const heldKeys = slice.map((it) => hold.of(it.sku)?.key).filter((k): k is string => !!k);
  const known = heldKeys.length ? cache.getAll(heldKeys) : {};
  for (const it of slice) {
    const h = hold.of(it.sku);
    // Keyed by an earlier chunk of the job (its catalogue is the job's snapshot): the key is kept, never hashed again.
    if (h) plan.keys.set(it.sku, h.key);
    // Held and still usable: answered already (its answer cached), its picture kept, or it had none.
    if (h && (known[h.key] || h.data || !h.mimeType)) {
      if (h.mimeType) plan.pictured.add(it.sku);
      if (h.data) {
        plan.images.set(it.sku, { mimeType: h.mimeType, data: h.data, binary: null });
        stats.heldPictures++;
      }
      continue;
    }
    const link = linkOf(it, urlRefused);
    if (!link) plan.fetch.push(it);
    else {
      plan.linked.set(it.sku, link);
      plan.linkedItems.push(it);
    }
  }
  return plan;
}

const hasUrl = (it: EngineItem) => /^https?:\/\//i.test(it.imageUrl);

/** The URL of a SKU's picture sent as a URL ('' for any other). */
const pictureUrl = (it: Todo) => (it.image && isLinked(it.image) ? it.image.fileUri : '');

/** The GET of each picture to fetch (SKUs without a URL have none). */
function pictureRequests(fetch: readonly EngineItem[]): HttpReq[] {
  return fetch.filter(hasUrl).map((it) => ({ url: it.imageUrl, method: 'get' as const, binary: true }));
}

/** The slice's fetched pictures (the answers to pictureRequests) and every fetched SKU's cache key; the pace of a
 * picture measured from `t0` (its share of the fetchAll, the bridge, base64 and hash; `alone`: no model request rode
 * in that fetchAll). */
function finishSlice(
  plan: SlicePlan,
  answers: HttpRes[],
  cfg: EngineConfig,
  ports: EnginePorts,
  stats: EngineStats,
  topHash: string,
  fetchAll: { t0: number; alone: boolean },
): { images: Map<string, Image>; keys: Map<string, string>; pictured: Set<string> } {
  const { images, keys, pictured, fetch, linked } = plan;
  for (const [sku, link] of linked) {
    images.set(sku, { ...link, binary: null });
    pictured.add(sku);
  }
  const planned = [...fetch, ...plan.linkedItems];
  if (!planned.length) return { images, keys, pictured };
  const withUrl = fetch.filter(hasUrl);
  stats.imageRequests += withUrl.length;
  const fetched = readImages(withUrl, answers, cfg);
  for (const [sku, img] of fetched) {
    images.set(sku, img);
    pictured.add(sku);
  }
  const hashed = planned.filter((it) => !keys.has(it.sku));
  for (const [sku, k] of cacheKeys(hashed, images, cfg, ports, topHash)) keys.set(sku, k);
  stats.hashes += hashed.length;
  // Downloading, a SKU's pace is its share of the slice's fetchAll and its key: slower than it is when a model round
  // rode along (its wait counts too), never faster. With pictures as URLs only downloads count (sliceSize), each
  // measured from a fetchAll of downloads alone: one riding a model round would be charged the round's wait.
  const counted = cfg.urlMode ? (fetchAll.alone ? withUrl.length : 0) : planned.length;
  if (counted >= 5) stats.pace.pictureMs = paced(stats.pace.pictureMs, (ports.now() - fetchAll.t0) / counted);
  return { images, keys, pictured };
}

/** The pictures among the answers; one that failed, is no image or is too large to send is left out. */
function readImages(withUrl: readonly EngineItem[], answers: HttpRes[], cfg: EngineConfig): Map<string, Image> {
  const images = new Map<string, Image>();
  withUrl.forEach((it, i) => {
    const r = answers[i];
    const type = (r.contentType || '').split(';')[0].trim().toLowerCase();
    const fits = r.base64 !== null && r.base64.length + BASE_REQUEST_BYTES < cfg.maxRequestBytes;
    if (r.code === 200 && r.base64 && r.binary !== null && /^image\//.test(type) && fits) {
      images.set(it.sku, { mimeType: type, data: r.base64, binary: r.binary });
    }
  });
  return images;
}

/** Each SKU's answer-cache key: what the model saw (name, category, image) and how it was asked; one SHA-256 per
 * SKU over its text and its picture's bytes (and one per chunk for the top-search list). A picture sent as a URL is
 * keyed by its URL, hashed with the text in JavaScript (no picture to read): a picture changed behind the same URL is
 * then not noticed, its old answer is used (shops give a new picture a new URL: CDNs and marketplaces version them; a
 * picture replaced in place needs its URL changed, e.g. a ?v=2 suffix, to be tagged again). The key stays the SKU's
 * if Google refuses the URL and the picture is downloaded: the answer is for the picture at that URL. */
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
    const seen = !img ? '-' : isLinked(img) ? `${img.mimeType}\u0001${img.fileUri}` : img.mimeType;
    const text = [it.name, it.category, seen, PROMPT_VERSION, topHash, cfg.model].join('\u0001');
    keyOf.set(it.sku, ports.hash(text, img?.binary ?? undefined));
  }
  return keyOf;
}

/** The job's hold as one chunk sees it: loaded once, written after each slice and round. */
class HoldKeeper {
  private readonly held: Record<string, Held>;
  /** SKUs whose pictures sit in the hold now. */
  private readonly withPicture = new Set<string>();

  constructor(
    private readonly hold: FetchHold,
    items: readonly EngineItem[],
  ) {
    this.held = hold.load(items.map((it) => it.sku));
    for (const [sku, h] of Object.entries(this.held)) if (h.data) this.withPicture.add(sku);
  }

  of(sku: string): Held | undefined {
    return this.held[sku];
  }

  /** Keeps a slice's keys (for every SKU) and the pictures of those still to be asked (as many as the hold takes). */
  keep(
    slice: readonly EngineItem[],
    keys: Map<string, string>,
    images: Map<string, Image>,
    pictured: Set<string>,
    unsent: Set<string>,
  ): void {
    const out: Record<string, Held> = {};
    for (const it of slice) {
      const key = keys.get(it.sku)!;
      const img = images.get(it.sku);
      const prev = this.held[it.sku];
      const mimeType = img?.mimeType ?? (pictured.has(it.sku) ? (prev?.mimeType ?? '') : '');
      // A picture sent as a URL has nothing to keep: the next chunk links it again.
      const data = img && !isLinked(img) ? img.data : '';
      const keepPicture = !!data && unsent.has(it.sku) && (this.withPicture.has(it.sku) || this.room());
      if (prev && prev.key === key && !!prev.data === keepPicture) continue;
      const h: Held = keepPicture ? { key, mimeType, data } : { key, mimeType };
      if (keepPicture) this.withPicture.add(it.sku);
      this.held[it.sku] = h;
      out[it.sku] = h;
    }
    if (Object.keys(out).length) this.hold.save(out);
  }

  /** Fetched but not sent when the chunk ends: their pictures stay for the next chunk (as many as the hold takes). */
  keepLeftovers(left: Todo[]): void {
    const out: Record<string, Held> = {};
    for (const it of left) {
      const h = this.held[it.sku];
      if (!h || !it.image || isLinked(it.image) || this.withPicture.has(it.sku) || !this.room()) continue;
      this.withPicture.add(it.sku);
      out[it.sku] = this.held[it.sku] = { key: h.key, mimeType: it.image.mimeType, data: it.image.data };
    }
    if (Object.keys(out).length) this.hold.save(out);
  }

  /** These SKUs are answered (or given up): the hold lets go of their pictures. */
  release(skus: string[]): void {
    const free = skus.filter((s) => this.withPicture.has(s));
    if (!free.length) return;
    for (const s of free) {
      this.withPicture.delete(s);
      const h = this.held[s];
      if (h) this.held[s] = { key: h.key, mimeType: h.mimeType };
    }
    this.hold.release(free);
  }

  private room(): boolean {
    return this.withPicture.size < HOLD_MAX_PICTURES;
  }
}

/** Answers what the cache knows (into `results`); returns the items still to ask the model about. */
function answerFromCache(
  items: readonly EngineItem[],
  images: Map<string, Image>,
  pictured: Set<string>,
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
      const seen = pictured.has(it.sku);
      results.push({
        sku: it.sku,
        outcome: seen ? 'done' : 'no_image',
        raw: hit,
        reason: seen ? '' : t('tagging.reason.noImage'),
        fromCache: true,
      });
    } else {
      const image: Picture | null = !img
        ? null
        : isLinked(img)
          ? { fileUri: img.fileUri, mimeType: img.mimeType }
          : { mimeType: img.mimeType, data: img.data };
      if (image && isLinked(image)) stats.urlPictures++;
      todo.push({ sku: it.sku, name: it.name, category: it.category, image, noImage: !img });
    }
  }
  return todo;
}

/** The model calls in rounds: as many batches at once as the RPM and parallel limits allow, retries queued; after
 * each round its answers go to the cache and the hold lets go of their pictures. */
class ModelRounds {
  private queue: Pending[] = [];
  /** Requests queued and never sent yet (a slice's first round). */
  private readonly unsent = new Set<Pending>();
  /** Requests of the chunk's slices never sent yet (not those asking again after a refusal). */
  private readonly firstTime = new Set<Pending>();
  private readonly keyOf = new Map<string, string>();
  private readonly url: string;
  private salt = 0;
  /** This round's answers (cache key → keywords) and the SKUs it finished. */
  private fresh: Record<string, string[]> = {};
  private finished: string[] = [];
  /** SKUs whose URL Google refused: their pictures are downloaded with the next fetchAll, then they are asked again. */
  private toFetch: Todo[] = [];
  /** The input tokens the answer being settled reports (0 without one). */
  private promptTokens = 0;
  /** The input tokens every request carries whatever its SKUs (instruction, top-search list), from their text. */
  private readonly fixedTokens: number;

  constructor(
    private readonly cfg: EngineConfig,
    private readonly ports: EnginePorts,
    private readonly minute: { rpm: number[]; tokens: Sent[] },
    private readonly stats: EngineStats,
    private readonly results: EngineResult[],
    private readonly cache: AnswerCache,
    private readonly hold: HoldKeeper,
    private readonly urlRefused: Set<string>,
  ) {
    this.url = `${cfg.baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(cfg.model)}:generateContent`;
    this.fixedTokens = fixedPromptTokens(cfg.top, cfg.model);
  }

  /** Queues `todo` in batches (with their cache keys). */
  add(todo: Todo[], keys: Map<string, string>): void {
    for (const [sku, k] of keys) this.keyOf.set(sku, k);
    for (const p of this.queueBatches(todo)) this.firstTime.add(p);
  }

  /** Queues `todo` as new requests, never sent yet, sized to the request limits. */
  private queueBatches(todo: Todo[]): Pending[] {
    const out: Pending[] = [];
    for (const b of batchItems(todo, { maxItems: this.cfg.batchSize, maxBytes: this.cfg.maxRequestBytes })) {
      const p: Pending = { items: b, attempt: 0, invalid: 0, notBefore: 0, lastReason: '' };
      this.queue.push(p);
      this.unsent.add(p);
      out.push(p);
    }
    return out;
  }

  /** Whether every SKU of the slices so far has been asked once (what waits now is asked again). */
  allAskedOnce(): boolean {
    return this.firstTime.size === 0;
  }

  /** Whether some queued requests were never sent (their pictures are fetched: they go even into the deadline's
   * reserve for another round). */
  hasUnsent(): boolean {
    return this.unsent.size > 0;
  }

  /** Requests waiting (new batches and retries), and pictures to download for SKUs whose URL was refused. */
  queued(): number {
    return this.queue.length + this.toFetch.length;
  }

  /** SKUs waiting to be asked (or asked again). */
  waiting(): Set<string> {
    return new Set([...this.queue.flatMap((p) => p.items), ...this.toFetch].map((it) => it.sku));
  }

  /** What is still queued when the chunk ends (never sent, waiting to be retried, or to be downloaded). */
  leftovers(): Todo[] {
    return [...this.queue.flatMap((p) => p.items), ...this.toFetch];
  }

  /** One round (or one wait for a retry's backoff or the RPM window); null when the budget or the deadline stops.
   * `fresh`: a slice's first round, sent even when the deadline's reserve for another round is gone. `ride`: requests
   * sent in the same fetchAll (the next slice's pictures; alone after a wait), their answers returned. */
  step(fresh: boolean, ride: HttpReq[] = []): HttpRes[] | null {
    const next = !this.queue.length && this.toFetch.length ? { round: [], at: this.ports.now() } : this.nextRound(fresh);
    if (next === 'stop') return null;
    const downloads = this.toFetch.splice(0);
    const gets = downloads.map((it) => ({ url: pictureUrl(it), method: 'get' as const, binary: true }));
    const riders = [...gets, ...ride];
    let answers: HttpRes[];
    if (next.round.length) answers = this.send(next.round, next.at, riders);
    else answers = riders.length ? this.ports.fetchAll(riders) : [];
    if (downloads.length) this.downloaded(downloads, answers.slice(0, gets.length));
    return answers.slice(gets.length);
  }

  /** SKUs whose URL was refused, their pictures downloaded: asked again with the pictures inline (a picture that
   * cannot be read leaves its SKU without one, as on the download path). */
  private downloaded(items: Todo[], answers: HttpRes[]): void {
    this.stats.imageRequests += items.length;
    const got = readImages(
      items.map((it) => ({ sku: it.sku, name: it.name, category: it.category, imageUrl: pictureUrl(it) })),
      answers,
      this.cfg,
    );
    const again = items.map((it): Todo => {
      const img = got.get(it.sku);
      const image = img && !isLinked(img) ? { mimeType: img.mimeType, data: img.data } : null;
      return { ...it, image, noImage: !image };
    });
    this.queueBatches(again);
  }

  /** Google refused a URL of this request (400 unsupported file uri, the whole request failed): the SKU it names has
   * its picture downloaded and is asked again inline, never by URL again in this job; the request's other SKUs go
   * again together, as one request. Another dead link among them costs one more refusal, which comes back at once
   * (Google fails it on the fetch, before the model writes anything); split in two, they would wait for two answers
   * instead of one, and an answer's wait is what a run has least of (20-SKU requests, 4.6 % dead links: 17.0 SKU/s
   * against 15.1 in the bench, 490 requests against 619, its tokens still under the tier's minute). When the answer
   * names none of the request's URLs, all its URL pictures are downloaded. */
  private urlRefusedBy(p: Pending, uri: string): void {
    const linked = p.items.filter((it) => it.image && isLinked(it.image));
    const named = linked.filter((it) => pictureUrl(it) === uri);
    const inline = named.length ? named : linked;
    const out = new Set(inline.map((it) => it.sku));
    for (const sku of out) this.urlRefused.add(sku);
    this.stats.urlFallbacks += out.size;
    this.toFetch.push(...inline);
    const rest = p.items.filter((it) => !out.has(it.sku));
    if (rest.length) this.queue.push({ ...p, items: rest, notBefore: 0 });
  }

  /** The batches to send now (and when); none after waiting (a retry's backoff, the RPM window); 'stop' to end. */
  private nextRound(fresh: boolean): { round: Pending[]; at: number } | 'stop' {
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
    if (ports.remainingMs() < WRITE_MARGIN_MS + (fresh ? 0 : 10_000)) return this.stop('deadline');
    const allowed = Math.min(allowance(this.minute.rpm, cfg.rpm, now), cfg.maxParallel);
    if (allowed === 0) return this.waitForMinute(this.minute.rpm[0] + 60_000 - now + 50);
    // Biggest first: fetchAll's lanes take the longest answers first and the short ones fill the round's tail.
    let round = ready.slice(0, allowed).sort((a, b) => b.items.length - a.items.length);
    if (cfg.tpm) {
      const { fit, waitMs } = fitTokens(round, (p) => this.tokensOf(p), this.minute.tokens, cfg.tpm, now);
      if (!fit.length) return this.waitForMinute(waitMs);
      round = fit;
    }
    const roundSet = new Set(round);
    this.queue = this.queue.filter((p) => !roundSet.has(p));
    return { round, at: now };
  }

  /** Waits for the minute to let more go (RPM or TPM), or stops when that wait would eat the write margin. */
  private waitForMinute(waitMs: number): { round: Pending[]; at: number } | 'stop' {
    if (waitMs > this.ports.remainingMs() - WRITE_MARGIN_MS - 10_000) return this.stop('rpm');
    this.ports.sleep(waitMs);
    return { round: [], at: this.ports.now() };
  }

  /** Input tokens a SKU added, from a request of several SKUs (a lone SKU re-asked is often one whose picture could
   * not be had: it would make every SKU look cheaper). */
  private measureTokens(skus: number, promptTokens: number): void {
    if (promptTokens <= 0 || skus < Math.min(5, this.cfg.batchSize)) return;
    const pace = this.stats.pace;
    const measured = Math.max(1, (promptTokens - this.fixedTokens) / skus);
    pace.tokensPerSku = pace.tokensPerSku ? 0.7 * pace.tokensPerSku + 0.3 * measured : measured;
  }

  /** The input tokens a request is expected to take: the prompt every request carries, and what this job's answers
   * took a SKU. A request of one SKU carries the whole prompt too; counting it a SKU's share underran the minute. */
  private tokensOf(p: Pending): number {
    return this.fixedTokens + p.items.length * (this.stats.pace.tokensPerSku || FIRST_TOKENS_PER_SKU);
  }

  private stop(why: EngineStats['stoppedBy']): 'stop' {
    this.stats.stoppedBy = why;
    return 'stop';
  }

  /** One fetchAll for the round (counted in the RPM window at `now`) and the requests riding along, the model's
   * first (they take longest); each answer settled, the round's answers kept; the riders' answers returned. */
  private send(round: Pending[], now: number, ride: HttpReq[]): HttpRes[] {
    const reqs: HttpReq[] = round.map((p) => ({
      url: this.url,
      method: 'post',
      headers: { 'x-goog-api-key': this.cfg.apiKey },
      payload: requestPayload(p.items, this.cfg.top, this.cfg.model),
    }));
    for (const p of round) {
      this.unsent.delete(p);
      this.firstTime.delete(p);
    }
    const sent = round.map((p): Sent => [now, this.tokensOf(p)]);
    this.minute.rpm.push(...round.map(() => now));
    this.minute.tokens.push(...sent);
    this.stats.requests += reqs.length;
    const answers = this.ports.fetchAll(ride.length ? [...reqs, ...ride] : reqs);
    this.stats.pace.roundMs = paced(this.stats.pace.roundMs, this.ports.now() - now);
    round.forEach((p, i) => {
      this.promptTokens = 0;
      this.settle(p, answers[i].code, answers[i].text);
      // The minute holds what an answered request took; the others what a SKU is now known to take. It holds them
      // from the round's start, though fetchAll starts some requests later as its lanes free up: held from the
      // round's return instead, the tier's minute was never overrun but the tagging bench fell from 26.4 to 21.8
      // SKU/s (a worker waits on its token share; a tier 429 costs a retry, not tokens).
      sent[i][1] = this.promptTokens || this.tokensOf(p);
    });
    this.keepRound();
    return answers.slice(reqs.length);
  }

  /** The round's answers into the cache and its finished SKUs' pictures out of the hold: a chunk killed after this
   * round asks the model about none of them again. */
  private keepRound(): void {
    if (Object.keys(this.fresh).length) this.cache.putAll(this.fresh);
    this.hold.release(this.finished);
    this.fresh = {};
    this.finished = [];
  }

  /** What one answer means for its batch: retried later, refused, split up, or its keywords kept. */
  private settle(p: Pending, code: number, text: string): void {
    const uri = refusedFileUri(code, text);
    if (uri !== null && p.items.some((it) => it.image && isLinked(it.image))) return this.urlRefusedBy(p, uri);
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
    this.measureTokens(p.items.length, a.usage.promptTokens);
    this.promptTokens = a.usage.promptTokens;
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
    this.finished.push(it.sku);
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
