// The tagging job's state machine, counters and progress figures (stored as JSON in document properties).
import { conflict } from '../core/errors';
import { DEFAULT_LANG, isLang, Lang, msg, Msg } from '../core/text';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'budget';

export interface TagJob {
  id: string;
  owner: string;
  sheet: string;
  model: string;
  status: JobStatus;
  total: number;
  /** Rows written (any outcome). */
  processed: number;
  tagged: number;
  noImage: number;
  blocked: number;
  errors: number;
  /** Rows a person edited while a chunk worked on them (left untouched). */
  edited: number;
  cacheHits: number;
  requests: number;
  imageRequests: number;
  /** SKUs whose pictures went as URLs Gemini fetched, and those sent again inline because Google refused the URL. */
  urlPictures: number;
  urlFallbacks: number;
  /** SKUs whose picture URL Google refused and whose rows wait to be written: their pictures are downloaded (the
   * newest 100). */
  urlRefused: string[];
  /** SHA-256 digests the job computed (answer-cache keys and the top-search list's). */
  hashes: number;
  retries: number;
  tokensIn: number;
  tokensOut: number;
  costRp: number;
  chunks: number;
  /** Epoch ms. */
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Milliseconds spent inside chunks (the rate uses it, not wall time with the sidebar closed). */
  workMs: number;
  /** Why the job stopped or waits, in both languages; null when nothing to say. */
  lastError: Msg | null;
  /** The language its sheet output is written in: its owner's when it started (chunks run by the trigger keep it). */
  lang: Lang;
  /** Model requests in the last minute per worker slot, as [epoch second, count] pairs: each slot's RPM window, small
   * enough for a property. */
  rpmWindows: Array<Array<[number, number]>>;
  /** The input tokens each worker slot's requests were expected to take in the last minute, [epoch second, tokens]. */
  tpmWindows: Array<Array<[number, number]>>;
  /** Chunks at work now: the rows each took and its worker slot. */
  claims: Claim[];
  /** Chunks the sidebar runs at once (the settings' workers when the job started); the RPM is split between them. */
  workers: number;
  /** Epoch ms the last chunk ended: overlapping chunks count their shared time once in workMs. */
  activeUntil: number;
  /** WIB date the budget stop happened on (the heartbeat resumes the next day). */
  budgetDay: string;
  /** The projected ms a picture and a model round took in the last chunk (the next one sizes its slices by it);
   * null before the first chunk. */
  pace: { pictureMs: number; roundMs: number } | null;
  /** Rows the last chunk left for the next one to send again (it answered the rest): the next chunk takes them on
   * top of its own share of new rows. */
  carried: number;
  /** Rows a chunk answers a millisecond from its claim to its commit, smoothed over the chunks so far (how far the
   * chunks at work have got, when the next one sizes its claim); null before the first commit. */
  chunkRate: number | null;
}

/** A chunk's hold on the rows first..last (1-based) while it works without the document lock. */
export interface Claim {
  id: string;
  slot: number;
  first: number;
  last: number;
  /** Epoch ms it was taken. */
  at: number;
  /** Rows it took (rows already done may lie between first and last); absent in a job saved by an older version. */
  rows?: number;
  /** The row spans it holds, first..last less the spans of the claims at work when it was taken (a row one of those
   * hands back must not wait for this one); absent in a job saved by an older version: first..last. */
  spans?: Array<[number, number]>;
}

/** An execution is killed at 6 minutes (quotas page): a claim older than this belongs to one that is gone. Like the
 * document lease (platform/lock.ts), half a minute beyond it. */
export const CLAIM_TTL_MS = 390_000;

/** The claims still held at `now` (a claim of a killed chunk lapses and its rows are taken again). */
export function liveClaims(job: TagJob, now: number): Claim[] {
  return job.claims.filter((c) => now - c.at < CLAIM_TTL_MS);
}

/** The lowest worker slot no live claim holds, or -1 when all `workers` are at work. */
export function freeSlot(job: TagJob, now: number): number {
  const held = new Set(liveClaims(job, now).map((c) => c.slot));
  for (let i = 0; i < Math.max(1, job.workers); i++) if (!held.has(i)) return i;
  return -1;
}

/** Rows the live `claims` are estimated to have left at `now`: each claim's rows less what a chunk answers in the
 * time since it was taken, at the pace the job's chunks have shown. Before the first commit every claimed row counts. */
export function rowsLeftIn(job: TagJob, claims: readonly Claim[], now: number): number {
  const rate = job.chunkRate ?? 0;
  return claims.reduce((a, c) => a + Math.max(0, (c.rows ?? c.last - c.first + 1) - rate * Math.max(0, now - c.at)), 0);
}

/** The job's chunk pace with one more chunk's: `rows` answered between its claim at `from` and its commit at `to`. */
export function withChunkRate(job: TagJob, rows: number, from: number, to: number): number | null {
  if (rows <= 0 || to <= from) return job.chunkRate;
  const measured = rows / (to - from);
  return job.chunkRate ? (job.chunkRate + measured) / 2 : measured;
}

/** The row spans a claim holds. */
const spansOf = (c: Claim): ReadonlyArray<readonly [number, number]> => c.spans ?? [[c.first, c.last]];

/** Whether `row` lies in a live claim. */
export function claimedRow(claims: readonly Claim[], row: number): boolean {
  return claims.some((c) => spansOf(c).some(([a, b]) => row >= a && row <= b));
}

/** The spans a claim of `rows` (ascending, none of them claimed) holds: a new span wherever a live claim's lies
 * between two of its rows, so no claim's spans enclose another's rows. */
export function claimSpans(rows: readonly number[], live: readonly Claim[]): Array<[number, number]> {
  const between = (lo: number, hi: number) => live.some((c) => spansOf(c).some(([a]) => a > lo && a < hi));
  const out: Array<[number, number]> = [];
  for (const r of rows) {
    const cur = out[out.length - 1];
    if (cur && !between(cur[1], r)) cur[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Chunk time counted once however many chunks overlapped: the part of [t0, t1] after the last chunk's end. */
export function activeTime(job: TagJob, t0: number, t1: number): { workMs: number; activeUntil: number } {
  return { workMs: job.workMs + Math.max(0, t1 - Math.max(t0, job.activeUntil)), activeUntil: Math.max(job.activeUntil, t1) };
}

export interface Progress {
  id: string;
  sheet: string;
  status: JobStatus;
  owner: string;
  total: number;
  done: number;
  tagged: number;
  noImage: number;
  blocked: number;
  errors: number;
  edited: number;
  /** SKUs per second of chunk time. */
  rate: number;
  /** Seconds left at that rate; null when unknown. */
  etaSeconds: number | null;
  tokens: number;
  costRp: number;
  requests: number;
  retries: number;
  cacheHits: number;
  /** SKUs whose pictures Gemini fetched by URL, and those sent again inline after Google refused their URL. */
  urlPictures: number;
  urlFallbacks: number;
  hashes: number;
  lastError: Msg | null;
  startedAt: number;
  finishedAt: number | null;
  /** Chunks the sidebar runs at once. */
  workers: number;
}

export function newJob(
  id: string,
  owner: string,
  sheet: string,
  model: string,
  total: number,
  now: number,
  lang: Lang = DEFAULT_LANG,
  workers = 1,
): TagJob {
  return {
    id,
    owner,
    sheet,
    model,
    status: 'running',
    total,
    processed: 0,
    tagged: 0,
    noImage: 0,
    blocked: 0,
    errors: 0,
    edited: 0,
    cacheHits: 0,
    requests: 0,
    imageRequests: 0,
    urlPictures: 0,
    urlFallbacks: 0,
    urlRefused: [],
    hashes: 0,
    retries: 0,
    tokensIn: 0,
    tokensOut: 0,
    costRp: 0,
    chunks: 0,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    workMs: 0,
    lastError: null,
    lang,
    rpmWindows: [],
    tpmWindows: [],
    claims: [],
    workers,
    activeUntil: now,
    budgetDay: '',
    pace: null,
    carried: 0,
    chunkRate: null,
  };
}

/** A new job may start unless one is running (or waiting on its budget) in this document. */
export function assertCanStart(current: TagJob | null): void {
  if (current && (current.status === 'running' || current.status === 'budget')) {
    throw conflict(msg('tagging.error.running', { sheet: current.sheet, done: current.processed, total: current.total }), {
      jobId: current.id,
    });
  }
}

const TRANSITIONS: Record<JobStatus, JobStatus[]> = {
  running: ['running', 'done', 'cancelled', 'failed', 'budget'],
  budget: ['running', 'cancelled'],
  failed: ['running', 'cancelled'],
  done: [],
  cancelled: [],
};

export function transition(job: TagJob, to: JobStatus, now: number, reason: Msg | null = null): TagJob {
  if (!TRANSITIONS[job.status].includes(to)) {
    throw conflict(msg('tagging.error.transition', { from: job.status, to }));
  }
  const finished = to === 'done' || to === 'cancelled';
  return {
    ...job,
    status: to,
    updatedAt: now,
    finishedAt: finished ? now : job.finishedAt,
    lastError: reason ?? (to === 'running' ? null : job.lastError),
  };
}

export function progressOf(j: TagJob): Progress {
  const done = Math.min(j.total, j.processed + j.edited);
  const rate = j.workMs > 0 ? j.processed / (j.workMs / 1000) : 0;
  const left = Math.max(0, j.total - done);
  return {
    id: j.id,
    sheet: j.sheet,
    status: j.status,
    owner: j.owner,
    total: j.total,
    done,
    tagged: j.tagged,
    noImage: j.noImage,
    blocked: j.blocked,
    errors: j.errors,
    edited: j.edited,
    rate: Math.round(rate * 100) / 100,
    etaSeconds: rate > 0 ? Math.round(left / rate) : null,
    tokens: j.tokensIn + j.tokensOut,
    costRp: Math.round(j.costRp),
    requests: j.requests,
    retries: j.retries,
    cacheHits: j.cacheHits,
    urlPictures: j.urlPictures,
    urlFallbacks: j.urlFallbacks,
    hashes: j.hashes,
    lastError: j.lastError,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    workers: j.workers,
  };
}

/** Reads a stored job defensively (a damaged property must not break the sidebar). */
export function parseJob(raw: unknown): TagJob | null {
  if (!raw || typeof raw !== 'object') return null;
  const j = raw as TagJob;
  if (typeof j.id !== 'string' || typeof j.status !== 'string' || typeof j.sheet !== 'string') return null;
  const lastError: unknown = j.lastError;
  return {
    ...newJob(j.id, j.owner ?? '', j.sheet, j.model ?? '', j.total ?? 0, j.startedAt ?? 0),
    ...j,
    rpmWindows: Array.isArray(j.rpmWindows) ? j.rpmWindows.map((w) => (Array.isArray(w) ? w : [])) : [],
    tpmWindows: Array.isArray(j.tpmWindows) ? j.tpmWindows.map((w) => (Array.isArray(w) ? w : [])) : [],
    claims: Array.isArray(j.claims) ? j.claims.filter(isClaim) : [],
    workers: Number.isInteger(j.workers) && j.workers > 0 ? j.workers : 1,
    activeUntil: Number.isFinite(j.activeUntil) ? j.activeUntil : 0,
    urlRefused: Array.isArray(j.urlRefused) ? j.urlRefused.filter((x) => typeof x === 'string') : [],
    pace: j.pace && j.pace.pictureMs > 0 && j.pace.roundMs > 0 ? j.pace : null,
    carried: Number.isInteger(j.carried) && j.carried > 0 ? j.carried : 0,
    chunkRate: typeof j.chunkRate === 'number' && j.chunkRate > 0 && Number.isFinite(j.chunkRate) ? j.chunkRate : null,
    // Jobs saved before the catalogue held their note as one text.
    lastError: typeof lastError === 'string' ? (lastError ? msg('common.text', { text: lastError }) : null) : j.lastError,
    lang: isLang(j.lang) ? j.lang : DEFAULT_LANG,
  };
}

function isClaim(c: unknown): c is Claim {
  const x = c as Claim;
  const spans =
    x?.spans === undefined || (Array.isArray(x.spans) && x.spans.every((p) => Array.isArray(p) && p.every(Number.isFinite)));
  return !!x && typeof x.id === 'string' && [x.slot, x.first, x.last, x.at].every(Number.isFinite) && spans;
}

/** Per-second buckets of the last minute's send times (a property value holds at most 9 KB). */
export function compactWindow(times: readonly number[], now: number): Array<[number, number]> {
  const by = new Map<number, number>();
  for (const t of times) if (t > now - 60_000) by.set(Math.floor(t / 1000), (by.get(Math.floor(t / 1000)) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => a[0] - b[0]);
}

export function expandWindow(w: ReadonlyArray<[number, number]>): number[] {
  const out: number[] = [];
  for (const [sec, n] of w) for (let i = 0; i < n; i++) out.push(sec * 1000);
  return out;
}
