// Tagging operations the RPCs and the heartbeat share: starting, driving, cancelling and resuming the document's job.
import { Deadline } from '../core/deadline';
import { notFound, conflict, AppError, errorMessage, errorStack, messageOf } from '../core/errors';
import { currentLang, msg, type Msg } from '../core/text';
import { docJson, scriptJson, setDocJson } from '../platform/properties';
import { ensureHeartbeat } from '../platform/triggers';
import { withDocumentLock } from '../platform/lock';
import { isQuotaError } from '../platform/http';
import { wibDate } from '../core/format';
import {
  clearBelowHeader,
  flushSheets,
  insertColumnsAfter,
  maxRows,
  plainTextColumns,
  readBlock,
  readSheet,
  sheetByName,
  writeBlock,
  writeTextBlock,
} from '../platform/sheets';
import { checkCoverage } from './catalogue';
import { assertCanStart, liveClaims, newJob, parseJob, progressOf, Progress, TagJob, transition } from './job';
import { findLayout, missingOutputs, outputHeader, outputSpan, pendingRows } from './layout';
import { parseSettings, TaggingSettings, TAGGING_SETTINGS_PROP } from './settings';
import { checkModelId, checkPending } from './validate';
import { claimChunk, commitChunk, releaseClaim, workChunk, type ChunkAnswers, type ChunkWork } from './run';
import type { ChunkIO } from './ports';
import {
  cacheRef,
  chunkIO,
  ensureWordListSheet,
  forgetHold,
  forgetSnapshots,
  loadCatalogue,
  persistAnswerCache,
  preflightModel,
  readRefSheets,
  requireGeminiKey,
  snapshotCatalogue,
  warmAnswerCache,
  undoMeta,
  UNDO_HEADER,
  UNDO_PROP,
  UNDO_SHEET,
  type UndoMeta,
} from './adapters';
import { mergeEntries, parseEntryRow, planUndo } from './undo';

export const JOB_PROP = 'DATADESK_TAG_JOB';
/** Set without the lock by a cancel that arrives while a chunk runs; the chunk honours it when it ends. */
const CANCEL_PROP = 'DATADESK_TAG_CANCEL';
/** One sidebar-driven chunk: short enough to show progress often, far inside the 6-minute limit. */
export const CHUNK_BUDGET_MS = 150_000;

export function settings(): TaggingSettings {
  return parseSettings(scriptJson<unknown>(TAGGING_SETTINGS_PROP, {}));
}

export function loadJob(): TagJob | null {
  return parseJob(docJson<unknown>(JOB_PROP, null));
}

function saveJob(j: TagJob): void {
  setDocJson(JOB_PROP, j);
}

const busy = (): AppError => conflict(msg('tagging.error.busy'));

/** Validates everything first (nothing changes on bad input), then prepares the sheet and saves a running job. */
export function startJob(owner: string, sheetName: string, now: number): Progress {
  const s = settings();
  const model = checkModelId(s.model);
  requireGeminiKey();
  const name = String(sheetName ?? '').trim();
  const sheet = name ? sheetByName(name) : null;
  if (!sheet) throw notFound(msg('tagging.error.sheetMissing', { name: name.slice(0, 100) }));
  const values = readSheet(sheet);
  const layout = findLayout(values[0] ?? [], name);
  const pending = pendingRows(values, layout);
  checkPending(pending, name);
  const ref = readRefSheets(s);
  const skus = pending.map((p) => p.sku);
  const cat = loadCatalogue(s, skus);
  checkCoverage(cat, skus);
  preflightModel(model);
  const out = withDocumentLock(10_000, () => {
    assertCanStart(loadJob());
    // Output columns: missing ones go right after the last existing output column, so the write-back is one block.
    const add = missingOutputs(layout);
    let l = layout;
    if (add.length) {
      const after = Math.max(...Object.values(layout.cols).filter((c) => c >= 0)) + 1; // 1-based column to insert after
      insertColumnsAfter(sheet, after, add.length);
      writeBlock(sheet, 1, after + 1, [add.map((k) => outputHeader(k))]);
      l = findLayout(readSheet(sheet)[0], name);
    }
    const [c0, c1] = outputSpan(l);
    plainTextColumns(sheet, 2, c0 + 1, c1 - c0 + 1, Math.max(1, maxRows(sheet) - 1));
    if (ref.wordSheetMissing) ensureWordListSheet(s);
    cacheRef({ lists: ref.lists, top: ref.top });
    snapshotCatalogue(cat, skus);
    forgetHold();
    warmAnswerCache();
    const job = newJob(`tag-${now.toString(36)}`, owner, name, model, pending.length, now, currentLang(), s.workers);
    saveJob(job);
    ensureHeartbeat();
    return progressOf(job);
  });
  if (!out.ran) throw busy();
  return out.value;
}

/** Wait for the document lease to claim rows, and to write them back (a commit must not lose paid answers to a
 * short wait; what one still loses is in the answer cache and asked of no model again). */
const CLAIM_WAIT_MS = 5_000;
const COMMIT_WAIT_MS = 30_000;

/**
 * Runs one chunk: claims its rows under the document lease, asks the model without it (other chunks of the job
 * run meanwhile, each its own execution), then writes its rows and moves the job on under the lease again. `busy`
 * when the lease stays taken, every worker slot is at work or every row left is claimed.
 */
export function driveJob(jobId: string | null, budgetMs: number): { progress: Progress | null; busy: boolean } {
  const deadline = new Deadline(budgetMs);
  const s = settings();
  // A claim reads the sheet and writes only the job, unless it ends the job (then it flushes what that wrote).
  const claimed = withDocumentLock(CLAIM_WAIT_MS, () => claimStep(jobId, s), 'main', false);
  if (!claimed.ran) return { progress: currentProgress(), busy: true };
  const c = claimed.value;
  if (!c.job || !c.work) return { progress: c.job ? progressOf(c.job) : null, busy: c.wait };
  const { job, work } = c;
  const io = chunkIO(s, work.claim.slot, job.workers);
  let answers: ChunkAnswers | { error: unknown };
  try {
    answers = workChunk({ job, work, s, io, deadline, now: () => Date.now() });
  } catch (e) {
    answers = { error: e };
  }
  const committed = withDocumentLock(COMMIT_WAIT_MS, () => commitStep(job.id, work, answers, s, io));
  if (!committed.ran) return { progress: currentProgress(), busy: true };
  return { progress: committed.value, busy: false };
}

/** The claim, under the lease: the job saved with the chunk's claim, or as it is when there is nothing to claim. */
function claimStep(jobId: string | null, s: TaggingSettings): { job: TagJob | null; work: ChunkWork | null; wait: boolean } {
  const job = loadJob();
  if (!job || (jobId && job.id !== jobId) || job.status !== 'running') return { job, work: null, wait: false };
  if (cancelRequested(job.id)) {
    const cancelled = applyCancel(job);
    flushSheets();
    return { job: cancelled, work: null, wait: false };
  }
  const c = claimChunk(job, s, chunkIO(s), Date.now());
  if (c.job !== job) {
    if (c.job.status !== 'running') finishSideEffects(c.job);
    saveJob(c.job);
    if (c.job.status !== 'running') flushSheets();
  }
  return c;
}

/** The commit, under the lease: the rows written over the job as it is now. A job cancelled meanwhile still gets the
 * rows its model answered; a job replaced by a newer one gets nothing. */
function commitStep(
  jobId: string,
  work: ChunkWork,
  answers: ChunkAnswers | { error: unknown },
  s: TaggingSettings,
  io: ChunkIO,
): Progress | null {
  const job = loadJob();
  if (!job || job.id !== jobId) return job ? progressOf(job) : null;
  const next =
    'error' in answers
      ? failedChunk(releaseClaim(job, work.claim), answers.error)
      : commitChunk(job, work, answers, s, io, Date.now()).job;
  if (next.status === 'running' && cancelRequested(next.id)) return progressOf(applyCancel(next));
  if (next.status !== 'running') finishSideEffects(next);
  saveJob(next);
  return progressOf(next);
}

/** A chunk that threw: a spent UrlFetch day stops the job like a spent budget (the heartbeat resumes it tomorrow,
 * WIB); anything else fails it with its reason. A job no longer running stays as it is. */
function failedChunk(job: TagJob, e: unknown): TagJob {
  if (job.status !== 'running') return job;
  if (isQuotaError(e))
    return { ...transition(job, 'budget', Date.now(), msg('tagging.note.quota')), budgetDay: wibDate(new Date()) };
  const why = e instanceof AppError ? messageOf(e) : msg('tagging.note.unexpected', { detail: errorMessage(e) });
  if (!(e instanceof AppError)) console.error(`tagging chunk failed: ${errorStack(e)}`);
  return transition(job, 'failed', Date.now(), why);
}

function finishSideEffects(j: TagJob): void {
  try {
    persistAnswerCache(new Date());
  } catch (e) {
    console.warn(`tagging: answer cache not saved: ${errorMessage(e)}`);
  }
  if (j.status === 'done' || j.status === 'cancelled') forgetSnapshots();
}

function cancelRequested(id: string): boolean {
  return docJson<string>(CANCEL_PROP, '') === id;
}

function applyCancel(job: TagJob): TagJob {
  const next = transition(job, 'cancelled', Date.now(), msg('tagging.note.cancelled'));
  finishSideEffects(next);
  saveJob(next);
  setDocJson(CANCEL_PROP, '');
  return next;
}

/** Cancels at once (or, when the lease stays taken, as the chunk holding it ends); chunks at work then still write
 * the rows their model answered, and claim no more. */
export function cancelJob(jobId: string): Progress {
  const job = loadJob();
  if (!job || job.id !== jobId) throw notFound(msg('tagging.error.jobMissing'));
  if (job.status === 'done' || job.status === 'cancelled') return progressOf(job);
  setDocJson(CANCEL_PROP, jobId);
  const r = withDocumentLock(2_000, () => {
    const j = loadJob()!;
    return progressOf(j.status === 'done' || j.status === 'cancelled' ? j : applyCancel(j));
  });
  if (r.ran) return r.value;
  return {
    ...progressOf(job),
    lastError: msg('tagging.note.cancelling'),
  };
}

/** Continues a failed job (after fixing the cause) or one stopped by its budget (when the budget allows). */
export function resumeJob(jobId: string): Progress {
  const r = withDocumentLock(10_000, () => {
    const job = loadJob();
    if (!job || job.id !== jobId) throw notFound(msg('tagging.error.jobMissing'));
    if (job.status === 'running') return progressOf(job);
    requireGeminiKey();
    const next = transition(job, 'running', Date.now());
    saveJob(next);
    ensureHeartbeat();
    return progressOf(next);
  });
  if (!r.ran) throw busy();
  return r.value;
}

/** An admin takes over a job whose owner's trigger no longer carries it: the caller's trigger does from now on. */
export function takeOverJob(jobId: string, me: string): Progress {
  const r = withDocumentLock(10_000, () => {
    const job = loadJob();
    if (!job || job.id !== jobId) throw notFound(msg('tagging.error.jobNotFound'));
    const next = { ...job, owner: me };
    saveJob(next);
    ensureHeartbeat();
    return progressOf(next);
  });
  if (!r.ran) throw busy();
  return r.value;
}

export function currentProgress(): Progress | null {
  const j = loadJob();
  return j ? progressOf(j) : null;
}

/** The heartbeat's share for `owner`: continue their running job chunk by chunk while time is left, each chunk
 * under the document's lease (a sidebar driving the same job waits for it). */
export function heartbeatJobs(deadline: Deadline, today: string, owner: string): number {
  let chunks = 0;
  let job = loadJob();
  if (!job || job.owner.toLowerCase() !== owner) return 0;
  if (job && job.status === 'budget' && job.budgetDay !== today) {
    job = transition(job, 'running', Date.now());
    saveJob(job);
  }
  while (job && job.status === 'running' && deadline.remainingMs() > 90_000) {
    const budget = Math.min(CHUNK_BUDGET_MS, deadline.remainingMs() - 30_000);
    if (driveJob(job.id, budget).busy) break;
    chunks++;
    job = loadJob();
  }
  return chunks;
}

// ——— Undo of the last run ("Batalkan proses terakhir"): the record is kept by adapters.ts, the planning is undo.ts.

export interface UndoResult {
  sheet: string;
  restored: number;
  kept: number;
  text: Msg;
}

/**
 * Puts back what the run `jobId` wrote, under the job's lease: refused while a run is in progress. Three sheet calls
 * whatever the run's size: the record (one getValues), the product cells (one getValues), the restored block (one
 * setValues); a row a person changed since is left alone and counted.
 */
export function undoLastRun(jobId: string): UndoResult {
  const r = withDocumentLock(10_000, () => undoLocked(jobId));
  if (!r.ran) throw busy();
  return r.value;
}

function undoLocked(jobId: string): UndoResult {
  const job = loadJob();
  if (job && (job.status === 'running' || job.status === 'budget'))
    throw conflict(msg('tagging.undo.running', { sheet: job.sheet }));
  // Chunks still at work after a cancel write their rows yet: undo waits for them.
  if (job && liveClaims(job, Date.now()).length) throw conflict(msg('tagging.undo.settling', { sheet: job.sheet }));
  const m = undoMeta();
  if (!m || m.undone || m.rows < 1 || m.jobId !== jobId) throw notFound(msg('tagging.undo.nothing'));
  const undo = sheetByName(UNDO_SHEET);
  const product = sheetByName(m.sheet);
  if (!undo) throw notFound(msg('tagging.undo.nothing'));
  if (!product) throw notFound(msg('tagging.undo.sheetGone', { sheet: m.sheet }));
  const parsed = readBlock(undo, 2, 1, m.rows, UNDO_HEADER.length).map(parseEntryRow);
  const entries = mergeEntries(parsed.filter((p) => p !== null && p.jobId === jobId).map((p) => p!.entry));
  if (!entries.length) throw new AppError('DAMAGED', msg('tagging.undo.damaged'));
  const values = readSheet(product);
  const plan = planUndo(entries, values, findLayout(values[0] ?? [], m.sheet).sku);
  // Plain text ('@') like the run's own write-back: a restored value that looks like a formula stays text.
  if (plan.restored) writeTextBlock(product, plan.row0, plan.col0, plan.block);
  clearBelowHeader(undo, UNDO_HEADER.length);
  setDocJson(UNDO_PROP, { ...m, rows: 0, undone: true } satisfies UndoMeta);
  const kept = plan.keptRows.length;
  const text = kept
    ? msg('tagging.undo.doneKept', {
        restored: plan.restored,
        sheet: m.sheet,
        kept,
        rows: plan.keptRows.slice(0, 10).join(', ') + (kept > 10 ? ', …' : ''),
      })
    : msg('tagging.undo.done', { restored: plan.restored, sheet: m.sheet });
  return { sheet: m.sheet, restored: plan.restored, kept, text };
}
