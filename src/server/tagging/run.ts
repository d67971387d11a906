// One chunk of a tagging job: claim the next rows under the lock, ask the model and filter without it, then write back
// one block under the lock again.
import { Deadline } from '../core/deadline';
import { AppError, messageOf } from '../core/errors';
import { formatDateTime } from '../core/format';
import { Lang, msg, t, withLang } from '../core/text';
import { Catalogue, lookup } from './catalogue';
import { EngineItem, EngineResult, EngineStats, runEngine } from './engine';
import type { ChunkIO } from './ports';
import { filterKeywords, tagString } from './filter';
import { formatRemoved } from './reasons';
import {
  activeTime,
  Claim,
  claimedRow,
  claimSpans,
  compactWindow,
  expandWindow,
  freeSlot,
  liveClaims,
  rowsLeftIn,
  TagJob,
  transition,
  withChunkRate,
} from './job';
import { buildBlock, findLayout, Layout, pendingRows, RowWrite, outputSpan } from './layout';
import { costRp, TaggingSettings } from './settings';
import type { WordLists } from './wordlists';
import { chunkEntries } from './undo';
import { modelTakesUrls } from './picture-url';
import { compactSent, expandSent, type Sent } from './minute';

/** The row's counter for each engine outcome. */
const OUTCOME: Record<EngineResult['outcome'], RowWrite['outcome']> = {
  done: 'tagged',
  no_image: 'noImage',
  blocked: 'blocked',
  error: 'error',
};

export interface ChunkReport {
  job: TagJob;
  written: number;
  edited: number;
  picked: number;
  getValues: number;
}

/** What the filter reads besides the model's answer: the word lists, the top-search keywords (never removed by a
 * near-miss or affix match) and the language of the "removed" column. */
interface FilterRef {
  lists: WordLists;
  top: string[];
  lang: Lang;
}

function rowValues(
  r: EngineResult,
  name: string,
  s: TaggingSettings,
  ref: FilterRef,
  model: string,
  when: string,
): Pick<RowWrite, 'values' | 'outcome'> {
  if (r.outcome === 'error' || r.outcome === 'blocked') {
    const values = {
      keywords: '',
      tagged: '',
      removed: '',
      status: t(r.outcome === 'error' ? 'tagging.status.error' : 'tagging.status.blocked', { reason: r.reason }).slice(0, 300),
      model,
      time: when,
    };
    return { values, outcome: OUTCOME[r.outcome] };
  }
  const limits = { maxKeywords: s.maxKeywords, maxTotalLength: s.maxTagLength, maxKeywordLength: 40 };
  const f = filterKeywords(r.raw, ref.lists, limits, ref.top);
  const status = t(
    !f.kept.length ? 'tagging.status.allFiltered' : r.outcome === 'done' ? 'tagging.status.done' : 'tagging.status.no_image',
  );
  const values = {
    keywords: f.kept.join(', '),
    tagged: tagString(name, f.kept),
    removed: formatRemoved(f.removed, ref.lang),
    status,
    model,
    time: when,
  };
  return { values, outcome: f.kept.length ? OUTCOME[r.outcome] : 'error' };
}

/** The rows a chunk claimed and what its commit needs. */
export interface ChunkWork {
  claim: Claim;
  layout: Layout;
  width: number;
  take: Pending[];
  /** At least a chunk's worth of rows is free beyond this claim: what this chunk has to send again (the rest of a
   * refused request, retries) waits for a later chunk, where it goes with that chunk's first round. With less left,
   * the chunk sends it again itself: handed on, it would come back in ever smaller chunks, each paying its start, its
   * leases and its rounds' slowest answers for a few requests (the bench's last minute: 14 chunks of 80 to 190 rows,
   * each handing a quarter to three quarters of its rows on again). */
  more: boolean;
}

/** A claim's outcome: the job to save, with the chunk to work on; no chunk and `wait` when every row left or every
 * worker slot is taken by chunks at work now. */
export interface Claimed {
  job: TagJob;
  work: ChunkWork | null;
  wait: boolean;
}

/** What a chunk's model work left for its commit. */
export interface ChunkAnswers {
  writes: RowWrite[];
  stats: EngineStats;
  urlRefused: Set<string>;
  /** SKUs of the rows the chunk writes (their refused URLs need no remembering). */
  answered: string[];
  window: number[];
  tokens: Sent[];
  t0: number;
}

/** Under the document lock: reads the sheet once and claims the next rows no live chunk holds (the caller saves the
 * job). Ends the job when no row is left and no chunk is at work. */
export function claimChunk(job: TagJob, s: TaggingSettings, io: ChunkIO, now: number): Claimed {
  const end = (j: TagJob): Claimed => ({ job: j, work: null, wait: false });
  const values = io.readProducts(job.sheet);
  if (!values) return end(transition(job, 'failed', now, msg('tagging.error.sheetGone', { name: job.sheet })));
  let layout: Layout;
  try {
    layout = findLayout(values[0] ?? [], job.sheet);
  } catch (e) {
    return end(transition(job, 'failed', now, messageOf(e as AppError)));
  }
  const live = liveClaims(job, now);
  const pending = pendingRows(values, layout);
  if (!pending.length && !live.length) return end(transition({ ...job, claims: [], chunks: job.chunks + 1 }, 'done', now));
  const free = pending.filter((p) => !claimedRow(live, p.row));
  const slot = freeSlot(job, now);
  if (!free.length || slot < 0) return { job, work: null, wait: true };
  const take = free.slice(0, chunkRows(job, s, free.length, rowsLeftIn(job, live, now)));
  const claim = newClaim(slot, take, live, now);
  const work = { claim, layout, width: values[0].length, take, more: free.length - take.length >= s.chunkSize };
  return { job: { ...job, claims: [...live, claim], carried: 0 }, work, wait: false };
}

/** The claim of `take` in `slot` at `now`, its spans around those of the claims at work. */
function newClaim(slot: number, take: readonly Pending[], live: readonly Claim[], now: number): Claim {
  const rows = take.map((p) => p.row);
  const [first, last] = [rows[0], rows[rows.length - 1]];
  return { id: `${slot}.${now.toString(36)}`, slot, first, last, at: now, rows: rows.length, spans: claimSpans(rows, live) };
}

/** Requests a chunk sends at least (while rows are left): about what one fetchAll keeps open at once. */
const FLOOR_REQUESTS = 10;

/** A chunk's rows: its share of the rows free and those the chunks at work still have to answer, so the job's chunks
 * end about together (a share of the free rows alone makes each claim a third of the one before: the last minute is
 * then many small chunks, each paying its start, its leases and a round's slowest answer for a few requests); at most
 * a chunk and what the last chunk left to send again (at most one chunk's worth more), at least enough to fill one
 * fetchAll. */
function chunkRows(job: TagJob, s: TaggingSettings, free: number, othersLeft: number): number {
  const most = s.chunkSize + Math.min(job.carried, s.chunkSize);
  const least = Math.min(s.chunkSize, s.batchSize * FLOOR_REQUESTS);
  return Math.min(most, Math.max(least, Math.ceil((free + othersLeft) / Math.max(1, job.workers))));
}

/** What a claimed chunk works with while it holds no lock. */
export interface ChunkRun {
  job: TagJob;
  work: ChunkWork;
  s: TaggingSettings;
  io: ChunkIO;
  deadline: Deadline;
  now: () => number;
}

/** Without the lock: asks the model about the claimed rows and filters its answers, in the job's language. */
export function workChunk(run: ChunkRun): ChunkAnswers {
  return withLang(run.job.lang, () => answersFor(run));
}

function answersFor({ job, work, s, io, deadline, now }: ChunkRun): ChunkAnswers {
  const t0 = work.claim.at;
  const { take } = work;
  const cat = io.catalogue(take.map((p) => p.sku));
  const { lists, top } = io.refData();
  const when = formatDateTime(now());
  const { items, refused } = engineItems(take, cat);
  const window = expandWindow(job.rpmWindows[work.claim.slot] ?? []);
  const tokens = expandSent(job.tpmWindows[work.claim.slot] ?? []);
  const { results, stats, urlRefused } = askModel(items, job, s, io, { deadline, top, window, tokens, more: work.more });
  const bySku = new Map(results.map((a) => [a.sku, a]));
  const ref: FilterRef = { lists, top, lang: job.lang };
  const writes: RowWrite[] = [];
  const answered: string[] = [];
  for (const p of take) {
    const r = refused.get(p.row) ?? bySku.get(p.sku);
    if (!r) continue; // not reached this chunk (deadline, RPM, budget): stays pending
    const prod = lookup(cat, p.sku);
    writes.push({ row: p.row, snapshot: p.snapshot, ...rowValues(r, prod?.name ?? '', s, ref, job.model, when) });
    answered.push(p.sku);
  }
  return { writes, stats, urlRefused, answered, window, tokens, t0 };
}

/** Under the document lock again: writes the chunk's rows in one block over the job as it is now (other chunks may
 * have moved it on), records them for undo, adds the spend and lets go of the claim (the caller saves the job). */
export function commitChunk(
  job: TagJob,
  work: ChunkWork,
  a: ChunkAnswers,
  s: TaggingSettings,
  io: ChunkIO,
  t1: number,
): ChunkReport {
  const out = writeBack(job, io, work.layout, work.width, a.writes);
  const spend = costRp(s, a.stats.tokensIn, a.stats.tokensOut);
  if (spend > 0) io.addSpend(spend);
  const carried = a.stats.stoppedBy === 'deferred' ? work.take.length - a.writes.length : 0;
  const next = nextJob(job, s, io, a, out, spend, work.claim, t1);
  const report = { written: out.written, edited: out.edited.length, picked: work.take.length, getValues: 1 + out.getValues };
  return { job: { ...next, carried: Math.max(next.carried, carried) }, ...report };
}

/** The job without `claim` (a chunk that failed or found its job replaced lets go of its rows). */
export function releaseClaim(job: TagJob, claim: Claim): TagJob {
  return { ...job, claims: job.claims.filter((c) => c.id !== claim.id) };
}

type Pending = ReturnType<typeof pendingRows>[number];

/** The chunk's SKUs as the model sees them; a repeated SKU or one missing from the catalogue is refused at once. */
function engineItems(take: Pending[], cat: Catalogue): { items: EngineItem[]; refused: Map<number, EngineResult> } {
  const refused = new Map<number, EngineResult>();
  const items: EngineItem[] = [];
  const seen = new Set<string>();
  for (const p of take) {
    const prod = lookup(cat, p.sku);
    const k = p.sku.toUpperCase();
    if (seen.has(k)) {
      refused.set(p.row, { sku: p.sku, outcome: 'error', raw: [], reason: t('tagging.reason.duplicate'), fromCache: false });
      continue;
    }
    seen.add(k);
    if (!prod?.name) {
      refused.set(p.row, { sku: p.sku, outcome: 'error', raw: [], reason: t('tagging.reason.notInCatalogue'), fromCache: false });
      continue;
    }
    items.push({ sku: p.sku, name: prod.name, category: prod.category, imageUrl: prod.imageUrl });
  }
  return { items, refused };
}

/** SKUs whose picture URL Google refused and whose rows are not written yet, as the job keeps them: a written SKU is
 * never asked again, so only the rows a chunk left for later (a refused request's, sent again with the next chunk)
 * need it. Kept to the newest within a property value's room; one beyond it is tried by URL again and downloaded when
 * refused again. Keeping every refusal of the job instead let a catalogue with more dead links than the room forget
 * the oldest while they still waited, send them by URL again, be refused again and push out others (the bench's last
 * rounds: nine requests of ten refused). */
function keptRefusals(refused: readonly string[]): string[] {
  return [...refused].slice(-MAX_KEPT_REFUSALS);
}

const MAX_KEPT_REFUSALS = 100;

/** The engine within the chunk's deadline and the day's budget; the job's refused picture URLs carried through; `more`
 * when rows beyond the chunk wait (its last requests then go with the next chunk's). */
function askModel(
  items: EngineItem[],
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  chunk: { deadline: Deadline; top: string[]; window: number[]; tokens: Sent[]; more: boolean },
): ReturnType<typeof runEngine> & { urlRefused: Set<string> } {
  const { deadline, top, window } = chunk;
  const spent0 = io.spentToday();
  const urlRefused = new Set(job.urlRefused);
  const out = runEngine(
    items,
    {
      baseUrl: io.baseUrl(),
      apiKey: io.apiKey(),
      model: job.model,
      batchSize: s.batchSize,
      maxRequestBytes: s.maxRequestBytes,
      maxParallel: s.maxParallel,
      // Each worker slot keeps to its share of the project's minute (the workers' requests go at once).
      rpm: Math.max(1, Math.floor(s.rpm / Math.max(1, job.workers))),
      tpm: Math.max(1, Math.floor(s.tpm / Math.max(1, job.workers))),
      urlMode: modelTakesUrls(job.model),
      top,
      // Each of the job's workers stops at its share of what is left of the day's budget: chunks at work at once
      // never spend more between them than that is.
      budgetSpent: (tin, tout) => s.dailyBudgetRp > 0 && spent0 + job.workers * costRp(s, tin, tout) >= s.dailyBudgetRp,
      moreWaiting: chunk.more,
    },
    { ...io.engine, remainingMs: () => deadline.remainingMs() },
    io.cache,
    window,
    { pace: job.pace, hold: io.hold, urlRefused, tokens: chunk.tokens },
  );
  return { ...out, urlRefused };
}

interface WriteOutcome {
  written: number;
  edited: number[];
  counts: { tagged: number; noImage: number; blocked: number; errors: number };
  getValues: number;
}

/** The rows read again and written back in one block; rows a person edited meanwhile are left alone. */
function writeBack(job: TagJob, io: ChunkIO, layout: Layout, width: number, writes: RowWrite[]): WriteOutcome {
  const counts = { tagged: 0, noImage: 0, blocked: 0, errors: 0 };
  if (!writes.length) return { written: 0, edited: [], counts, getValues: 0 };
  const first = Math.min(...writes.map((w) => w.row));
  const last = Math.max(...writes.map((w) => w.row));
  const current = io.rereadRows(job.sheet, first, last - first + 1, width);
  const built = buildBlock(layout, writes, first, current);
  const c0 = outputSpan(layout)[0];
  io.writeBlock(job.sheet, first, c0 + 1, built.block);
  io.recordUndo(job.id, job.sheet, chunkEntries(layout, writes, built.edited, first, current, c0, built.block));
  const editedSet = new Set(built.edited);
  for (const w of writes) {
    if (editedSet.has(w.row)) continue;
    if (w.outcome === 'tagged') counts.tagged++;
    else if (w.outcome === 'noImage') counts.noImage++;
    else if (w.outcome === 'blocked') counts.blocked++;
    else counts.errors++;
  }
  return { written: built.written, edited: built.edited, counts, getValues: 1 };
}

/** The job after the chunk: its counters moved on, its claim let go; stopped for the day once the day's spend
 * reaches the budget (a worker that reached only its share lets the next chunk go on). */
function nextJob(
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  a: ChunkAnswers,
  out: WriteOutcome,
  spend: number,
  claim: Claim,
  t1: number,
): TagJob {
  const { stats } = a;
  const windows = [...job.rpmWindows];
  windows[claim.slot] = compactWindow(a.window, t1);
  const tokenWindows = [...job.tpmWindows];
  tokenWindows[claim.slot] = compactSent(a.tokens, t1);
  const done = new Set(a.answered);
  const refused = [...new Set([...job.urlRefused, ...a.urlRefused])].filter((sku) => !done.has(sku));
  const next: TagJob = {
    ...releaseClaim(job, claim),
    processed: job.processed + out.written,
    tagged: job.tagged + out.counts.tagged,
    noImage: job.noImage + out.counts.noImage,
    blocked: job.blocked + out.counts.blocked,
    errors: job.errors + out.counts.errors,
    edited: job.edited + out.edited.length,
    cacheHits: job.cacheHits + stats.cacheHits,
    requests: job.requests + stats.requests,
    imageRequests: job.imageRequests + stats.imageRequests,
    urlPictures: job.urlPictures + stats.urlPictures,
    urlFallbacks: job.urlFallbacks + stats.urlFallbacks,
    urlRefused: keptRefusals(refused),
    hashes: job.hashes + stats.hashes,
    retries: job.retries + stats.retries,
    tokensIn: job.tokensIn + stats.tokensIn,
    tokensOut: job.tokensOut + stats.tokensOut,
    costRp: job.costRp + spend,
    chunks: job.chunks + 1,
    ...activeTime(job, a.t0, t1),
    chunkRate: withChunkRate(job, out.written, claim.at, t1),
    updatedAt: t1,
    rpmWindows: Array.from(windows, (w) => w ?? []),
    tpmWindows: Array.from(tokenWindows, (w) => w ?? []),
    pace: stats.pace,
  };
  // The job becomes done in the next (short) execution, which finds nothing pending and saves the answer cache.
  const spent = stats.stoppedBy === 'budget' && io.spentToday() >= s.dailyBudgetRp;
  if (!spent || job.status !== 'running') return next;
  return {
    ...transition(next, 'budget', t1, msg('tagging.note.budget', { budget: s.dailyBudgetRp })),
    budgetDay: io.today(),
  };
}
