// One chunk of a tagging job: read the sheet, ask the model for the next SKUs, filter, write back one block.
import { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { formatRupiah, wibDateTime } from '../core/format';
import { lookup } from './catalogue';
import { EngineItem, EngineResult, runEngine } from './engine';
import type { ChunkIO } from './ports';
import { filterKeywords, formatRemoved, tagString } from './filter';
import { TagJob, compactWindow, expandWindow, transition } from './job';
import { buildBlock, findLayout, OutputKey, pendingRows, RowWrite, outputSpan } from './layout';
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
  let getValues = 0;
  const values = io.readProducts(job.sheet);
  getValues++;
  if (!values) {
    return {
      job: transition(job, 'failed', now(), `Sheet "${job.sheet}" tidak ditemukan (dihapus atau diganti nama).`),
      written: 0,
      edited: 0,
      picked: 0,
      getValues,
    };
  }
  let layout: ReturnType<typeof findLayout>;
  try {
    layout = findLayout(values[0] ?? [], job.sheet);
  } catch (e) {
    return { job: transition(job, 'failed', now(), (e as AppError).message), written: 0, edited: 0, picked: 0, getValues };
  }
  const pending = pendingRows(values, layout);
  if (!pending.length)
    return { job: transition({ ...job, chunks: job.chunks + 1 }, 'done', now()), written: 0, edited: 0, picked: 0, getValues };
  const take = pending.slice(0, s.chunkSize);
  const cat = io.catalogue(take.map((p) => p.sku));
  const { lists, top } = io.refData();
  const when = wibDateTime(new Date(now()));
  const results = new Map<string, EngineResult>();
  const items: EngineItem[] = [];
  const seen = new Set<string>();
  for (const p of take) {
    const prod = lookup(cat, p.sku);
    const k = p.sku.toUpperCase();
    if (seen.has(k)) {
      results.set(`${p.row}`, { sku: p.sku, outcome: 'error', raw: [], reason: 'SKU ganda di sheet', fromCache: false });
      continue;
    }
    seen.add(k);
    if (!prod?.name) {
      results.set(`${p.row}`, { sku: p.sku, outcome: 'error', raw: [], reason: 'SKU tidak ada di katalog', fromCache: false });
      continue;
    }
    items.push({ sku: p.sku, name: prod.name, category: prod.category, imageUrl: prod.imageUrl });
  }
  const spent0 = io.spentToday();
  const window = expandWindow(job.rpmWindow);
  const engineDeadline = { ...io.engine, remainingMs: () => deadline.remainingMs() };
  const { results: answers, stats } = runEngine(
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
    engineDeadline,
    io.cache,
    window,
  );
  const bySku = new Map(answers.map((a) => [a.sku, a]));
  const writes: RowWrite[] = [];
  for (const p of take) {
    const r = results.get(`${p.row}`) ?? bySku.get(p.sku);
    if (!r) continue; // not reached this chunk (deadline, RPM, budget): stays pending
    const prod = lookup(cat, p.sku);
    writes.push({ row: p.row, snapshot: p.snapshot, values: rowValues(r, prod?.name ?? '', s, lists, job.model, when) });
  }
  let written = 0;
  let edited: number[] = [];
  const counts = { tagged: 0, noImage: 0, blocked: 0, errors: 0 };
  if (writes.length) {
    const first = Math.min(...writes.map((w) => w.row));
    const last = Math.max(...writes.map((w) => w.row));
    const current = io.rereadRows(job.sheet, first, last - first + 1, values[0].length);
    getValues++;
    const built = buildBlock(layout, writes, first, current);
    io.writeBlock(job.sheet, first, outputSpan(layout)[0] + 1, built.block);
    written = built.written;
    edited = built.edited;
    const editedSet = new Set(edited);
    for (const w of writes) {
      if (editedSet.has(w.row)) continue;
      const st = w.values.status;
      if (st.startsWith('selesai')) counts.tagged++;
      else if (st.startsWith('tanpa gambar')) counts.noImage++;
      else if (st.startsWith('diblokir')) counts.blocked++;
      else counts.errors++;
    }
  }
  const spend = costRp(s, stats.tokensIn, stats.tokensOut);
  if (spend > 0) io.addSpend(spend);
  const t1 = now();
  let next: TagJob = {
    ...job,
    processed: job.processed + written,
    tagged: job.tagged + counts.tagged,
    noImage: job.noImage + counts.noImage,
    blocked: job.blocked + counts.blocked,
    errors: job.errors + counts.errors,
    edited: job.edited + edited.length,
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
  if (stats.stoppedBy === 'budget')
    next = {
      ...transition(next, 'budget', t1, `Anggaran harian tercapai (${formatRupiah(s.dailyBudgetRp)}); lanjut besok.`),
      budgetDay: io.today(),
    };
  return { job: next, written, edited: edited.length, picked: take.length, getValues };
}
