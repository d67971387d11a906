// One chunk of a tagging job: read the sheet, ask the model for the next SKUs, filter, write back one block.
import { Deadline } from '../core/deadline';
import { AppError, messageOf } from '../core/errors';
import { formatDateTime } from '../core/format';
import { Lang, msg, t, withLang } from '../core/text';
import { Catalogue, lookup } from './catalogue';
import { EngineItem, EngineResult, EngineStats, runEngine } from './engine';
import type { ChunkIO } from './ports';
import { filterKeywords, tagString } from './filter';
import { formatRemoved } from './reasons';
import { TagJob, compactWindow, expandWindow, transition } from './job';
import { buildBlock, findLayout, Layout, pendingRows, RowWrite, outputSpan } from './layout';
import { costRp, TaggingSettings } from './settings';
import type { WordLists } from './wordlists';
import { chunkEntries } from './undo';
import { modelTakesUrls } from './picture-url';

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

/** Runs one chunk of `job` within `deadline`, writing in the job's language; returns the updated job (the caller saves it). */
export function runChunk(job: TagJob, s: TaggingSettings, io: ChunkIO, deadline: Deadline, now: () => number): ChunkReport {
  return withLang(job.lang, () => chunkIn(job, s, io, deadline, now));
}

function chunkIn(job: TagJob, s: TaggingSettings, io: ChunkIO, deadline: Deadline, now: () => number): ChunkReport {
  const t0 = now();
  const read = readChunk(job, s, io, now);
  if ('report' in read) return read.report;
  const { values, layout, take, more } = read;
  const cat = io.catalogue(take.map((p) => p.sku));
  const { lists, top } = io.refData();
  const when = formatDateTime(now());
  const { items, refused } = engineItems(take, cat);
  const window = expandWindow(job.rpmWindow);
  const { results, stats, urlRefused } = askModel(items, job, s, io, { deadline, top, window, more });
  const bySku = new Map(results.map((a) => [a.sku, a]));
  const ref: FilterRef = { lists, top, lang: job.lang };
  const writes: RowWrite[] = [];
  for (const p of take) {
    const r = refused.get(p.row) ?? bySku.get(p.sku);
    if (!r) continue; // not reached this chunk (deadline, RPM, budget): stays pending
    const prod = lookup(cat, p.sku);
    writes.push({ row: p.row, snapshot: p.snapshot, ...rowValues(r, prod?.name ?? '', s, ref, job.model, when) });
  }
  const out = writeBack(job, io, layout, values[0].length, writes);
  const spend = costRp(s, stats.tokensIn, stats.tokensOut);
  if (spend > 0) io.addSpend(spend);
  const t1 = now();
  const carried = stats.stoppedBy === 'deferred' ? take.length - writes.length : 0;
  const next = { ...nextJob(job, s, io, stats, out, spend, t0, t1, window), urlRefused: keptRefusals(urlRefused), carried };
  return { job: next, written: out.written, edited: out.edited.length, picked: take.length, getValues: 1 + out.getValues };
}

type Pending = ReturnType<typeof pendingRows>[number];

/** The sheet read once: its layout and the chunk's rows, or the report of a chunk that ends the job. */
function readChunk(
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  now: () => number,
): { values: unknown[][]; layout: Layout; take: Pending[]; more: boolean } | { report: ChunkReport } {
  const end = (j: TagJob): { report: ChunkReport } => ({ report: { job: j, written: 0, edited: 0, picked: 0, getValues: 1 } });
  const values = io.readProducts(job.sheet);
  if (!values) return end(transition(job, 'failed', now(), msg('tagging.error.sheetGone', { name: job.sheet })));
  let layout: Layout;
  try {
    layout = findLayout(values[0] ?? [], job.sheet);
  } catch (e) {
    return end(transition(job, 'failed', now(), messageOf(e as AppError)));
  }
  const pending = pendingRows(values, layout);
  if (!pending.length) return end(transition({ ...job, chunks: job.chunks + 1 }, 'done', now()));
  // Rows the last chunk left to send again come on top of the chunk's new rows (at most one chunk's worth more).
  const size = s.chunkSize + Math.min(job.carried, s.chunkSize);
  return { values, layout, take: pending.slice(0, size), more: pending.length > size };
}

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

/** SKUs whose picture URL Google refused, as the job keeps them (the newest, within a property value's room; one
 * beyond it is tried by URL again in a later chunk and downloaded when refused again). */
function keptRefusals(refused: Set<string>): string[] {
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
  chunk: { deadline: Deadline; top: string[]; window: number[]; more: boolean },
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
      rpm: s.rpm,
      urlMode: modelTakesUrls(job.model),
      top,
      budgetSpent: (tin, tout) => s.dailyBudgetRp > 0 && spent0 + costRp(s, tin, tout) >= s.dailyBudgetRp,
      moreWaiting: chunk.more,
    },
    { ...io.engine, remainingMs: () => deadline.remainingMs() },
    io.cache,
    window,
    { pace: job.pace, hold: io.hold, urlRefused },
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

/** The job after the chunk: its counters moved on; stopped for the day when the budget is spent. */
function nextJob(
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  stats: EngineStats,
  out: WriteOutcome,
  spend: number,
  t0: number,
  t1: number,
  window: number[],
): TagJob {
  const next: TagJob = {
    ...job,
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
    hashes: job.hashes + stats.hashes,
    retries: job.retries + stats.retries,
    tokensIn: job.tokensIn + stats.tokensIn,
    tokensOut: job.tokensOut + stats.tokensOut,
    costRp: job.costRp + spend,
    chunks: job.chunks + 1,
    workMs: job.workMs + (t1 - t0),
    updatedAt: t1,
    rpmWindow: compactWindow(window, t1),
    pace: stats.pace,
  };
  // The job becomes done in the next (short) execution, which finds nothing pending and saves the answer cache.
  if (stats.stoppedBy !== 'budget') return next;
  return {
    ...transition(next, 'budget', t1, msg('tagging.note.budget', { budget: s.dailyBudgetRp })),
    budgetDay: io.today(),
  };
}
