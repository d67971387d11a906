// One chunk of a tagging job: read the sheet, ask the model for the next SKUs, filter, write back one block.
import { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { formatRupiah, wibDateTime } from '../core/format';
import { Catalogue, lookup } from './catalogue';
import { EngineItem, EngineResult, EngineStats, runEngine } from './engine';
import type { ChunkIO } from './ports';
import { filterKeywords, formatRemoved, tagString } from './filter';
import { TagJob, compactWindow, expandWindow, transition } from './job';
import { buildBlock, findLayout, Layout, OutputKey, pendingRows, RowWrite, outputSpan } from './layout';
import { costRp, TaggingSettings } from './settings';
import type { WordLists } from './wordlists';

const STATUS: Record<EngineResult['outcome'], string> = {
  done: 'selesai',
  no_image: 'tanpa gambar',
  blocked: 'diblokir model',
  error: 'error',
};

export interface ChunkReport {
  job: TagJob;
  written: number;
  edited: number;
  picked: number;
  getValues: number;
}

function rowValues(
  r: EngineResult,
  name: string,
  s: TaggingSettings,
  lists: WordLists,
  model: string,
  when: string,
): Record<OutputKey, string> {
  if (r.outcome === 'error' || r.outcome === 'blocked') {
    return {
      keywords: '',
      tagged: '',
      removed: '',
      status: `${STATUS[r.outcome]}: ${r.reason}`.slice(0, 300),
      model,
      time: when,
    };
  }
  const f = filterKeywords(r.raw, lists, { maxKeywords: s.maxKeywords, maxTotalLength: s.maxTagLength, maxKeywordLength: 40 });
  const status = f.kept.length ? STATUS[r.outcome] : 'error: semua kata kunci tersaring';
  return {
    keywords: f.kept.join(', '),
    tagged: tagString(name, f.kept),
    removed: formatRemoved(f.removed),
    status,
    model,
    time: when,
  };
}

/** Runs one chunk of `job` within `deadline`; returns the updated job (the caller saves it). */
export function runChunk(job: TagJob, s: TaggingSettings, io: ChunkIO, deadline: Deadline, now: () => number): ChunkReport {
  const t0 = now();
  const read = readChunk(job, s, io, now);
  if ('report' in read) return read.report;
  const { values, layout, take } = read;
  const cat = io.catalogue(take.map((p) => p.sku));
  const { lists, top } = io.refData();
  const when = wibDateTime(new Date(now()));
  const { items, refused } = engineItems(take, cat);
  const window = expandWindow(job.rpmWindow);
  const { results, stats } = askModel(items, job, s, io, deadline, top, window);
  const bySku = new Map(results.map((a) => [a.sku, a]));
  const writes: RowWrite[] = [];
  for (const p of take) {
    const r = refused.get(p.row) ?? bySku.get(p.sku);
    if (!r) continue; // not reached this chunk (deadline, RPM, budget): stays pending
    const prod = lookup(cat, p.sku);
    writes.push({ row: p.row, snapshot: p.snapshot, values: rowValues(r, prod?.name ?? '', s, lists, job.model, when) });
  }
  const out = writeBack(job, io, layout, values[0].length, writes);
  const spend = costRp(s, stats.tokensIn, stats.tokensOut);
  if (spend > 0) io.addSpend(spend);
  const t1 = now();
  const next = nextJob(job, s, io, stats, out, spend, t0, t1, window);
  return { job: next, written: out.written, edited: out.edited.length, picked: take.length, getValues: 1 + out.getValues };
}

type Pending = ReturnType<typeof pendingRows>[number];

/** The sheet read once: its layout and the chunk's rows, or the report of a chunk that ends the job. */
function readChunk(
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  now: () => number,
): { values: unknown[][]; layout: Layout; take: Pending[] } | { report: ChunkReport } {
  const end = (j: TagJob): { report: ChunkReport } => ({ report: { job: j, written: 0, edited: 0, picked: 0, getValues: 1 } });
  const values = io.readProducts(job.sheet);
  if (!values) return end(transition(job, 'failed', now(), `Sheet "${job.sheet}" tidak ditemukan (dihapus atau diganti nama).`));
  let layout: Layout;
  try {
    layout = findLayout(values[0] ?? [], job.sheet);
  } catch (e) {
    return end(transition(job, 'failed', now(), (e as AppError).message));
  }
  const pending = pendingRows(values, layout);
  if (!pending.length) return end(transition({ ...job, chunks: job.chunks + 1 }, 'done', now()));
  return { values, layout, take: pending.slice(0, s.chunkSize) };
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
      refused.set(p.row, { sku: p.sku, outcome: 'error', raw: [], reason: 'SKU ganda di sheet', fromCache: false });
      continue;
    }
    seen.add(k);
    if (!prod?.name) {
      refused.set(p.row, { sku: p.sku, outcome: 'error', raw: [], reason: 'SKU tidak ada di katalog', fromCache: false });
      continue;
    }
    items.push({ sku: p.sku, name: prod.name, category: prod.category, imageUrl: prod.imageUrl });
  }
  return { items, refused };
}

/** The engine within the chunk's deadline and the day's budget. */
function askModel(
  items: EngineItem[],
  job: TagJob,
  s: TaggingSettings,
  io: ChunkIO,
  deadline: Deadline,
  top: string[],
  window: number[],
): ReturnType<typeof runEngine> {
  const spent0 = io.spentToday();
  return runEngine(
    items,
    {
      baseUrl: io.baseUrl(),
      apiKey: io.apiKey(),
      model: job.model,
      batchSize: s.batchSize,
      maxRequestBytes: s.maxRequestBytes,
      maxParallel: s.maxParallel,
      rpm: s.rpm,
      top,
      budgetSpent: (tin, tout) => s.dailyBudgetRp > 0 && spent0 + costRp(s, tin, tout) >= s.dailyBudgetRp,
    },
    { ...io.engine, remainingMs: () => deadline.remainingMs() },
    io.cache,
    window,
  );
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
  io.writeBlock(job.sheet, first, outputSpan(layout)[0] + 1, built.block);
  const editedSet = new Set(built.edited);
  for (const w of writes) {
    if (editedSet.has(w.row)) continue;
    const st = w.values.status;
    if (st.startsWith('selesai')) counts.tagged++;
    else if (st.startsWith('tanpa gambar')) counts.noImage++;
    else if (st.startsWith('diblokir')) counts.blocked++;
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
    retries: job.retries + stats.retries,
    tokensIn: job.tokensIn + stats.tokensIn,
    tokensOut: job.tokensOut + stats.tokensOut,
    costRp: job.costRp + spend,
    chunks: job.chunks + 1,
    workMs: job.workMs + (t1 - t0),
    updatedAt: t1,
    rpmWindow: compactWindow(window, t1),
  };
  // The job becomes done in the next (short) execution, which finds nothing pending and saves the answer cache.
  if (stats.stoppedBy !== 'budget') return next;
  return {
    ...transition(next, 'budget', t1, `Anggaran harian tercapai (${formatRupiah(s.dailyBudgetRp)}); lanjut besok.`),
    budgetDay: io.today(),
  };
}
