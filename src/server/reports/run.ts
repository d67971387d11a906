// The monthly run, all or nothing: build every file into staging, verify, publish, trash the old ones, log, alert.
import { AppError, errorMessage, messageOf } from '../core/errors';
import { msg, Msg } from '../core/text';
import { XlsxStreamWriter, XLSX_MIME } from '../core/xlsx/writer';
import type { Db } from '../core/db';
import type { ReportEnv, RunLogRow } from './ports';
import type { ReportsSettings } from './settings';
import { BuPlan, newRun, nextPart, partsOf, pendingBus, RunLimits, RunState, StagedFile, transition } from './state';
import { decodePage, FIRST_CURSOR, LINE_AMOUNT_COL, monthRange, Page, PageCursor, pageSql, reportColumns } from './model';
import { folderProblem, inspect, planFrom } from './plan';
import { checkMonth } from './validate';
import { partName, reportFileMatcher } from './naming';
import { alertText } from './webhook';
import { fileName } from '../core/names';

/** Orders per query page (about two lines each): one statement of ~10 JDBC calls, a JSON text of a few MB. */
export const PAGE_ORDERS = 8000;
export const MAX_ATTEMPTS = 3;
/** Backoff before the 2nd and 3rd upload attempt. */
export const BACKOFF_MS = [1000, 2000];
/**
 * Deflate level of the report files: on the report's repetitive sheet XML fflate's level 3 takes about a third of
 * level 6's time for files about 5 % larger (measured on 20,000 report rows: 8.9 % of the XML against 8.5 %).
 */
const DEFLATE_LEVEL = 3;
/** Time kept free at the end of an execution for checkpointing. */
const MARGIN_MS = 30_000;
/** A BU abandoned this often for lack of time cannot be built inside one execution. */
const MAX_RESTARTS = 2;

export type Checkpoint = (s: RunState) => void;

/** What went wrong, in both languages: an AppError's message, or an unexpected error's text (Google's) wrapped. */
export function errorMsg(e: unknown): Msg {
  if (e instanceof AppError) return messageOf(e);
  return msg('reports.error.unexpected', { detail: errorMessage(e) });
}

/** Checks everything, creates the staging folder and returns the new run's checkpoint (nothing published yet). */
export function startRun(
  env: ReportEnv,
  settings: ReportsSettings,
  month: string,
  trigger: RunState['trigger'],
  user: string,
  limits: RunLimits = DEFAULT_LIMITS,
): RunState {
  checkMonth(month, env.now());
  const db = env.openDb();
  let plan: BuPlan[];
  try {
    plan = planFrom(inspect(db, env.drive, settings, month), settings);
  } finally {
    db.close();
  }
  const runId = env.newId();
  const staging = env.drive.createFolder(fileName(`DataDesk staging ${month} ${runId}`)); // a technical folder, trashed after the run
  return newRun({ runId, month, trigger, user, now: env.now(), stagingFolderId: staging, plan, limits });
}

/** One part of a BU's month, built from its pages. */
interface Built {
  bytes: Uint8Array;
  rows: number;
  amount: number;
  /** Where the next part starts: after the part's last order. */
  cursor: PageCursor;
  /** No rows of the BU's month are left after this part. */
  complete: boolean;
  queryMs: number;
  buildMs: number;
}

/** No published file may be larger than this (issue 13: 40 MB; Drive and the alert's readers take it whole). */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const DEFAULT_LIMITS: RunLimits = { pageRows: PAGE_ORDERS, partBytes: 38 * 1024 * 1024 };

/** Another page would take the part past its size: the deflater holds back up to a page, finish() adds ~1 KB. */
const partIsFull = (w: XlsxStreamWriter, pageBytes: number, limit: number) =>
  w.rowCount > 0 && w.bytesSoFar + 2 * pageBytes + 64 * 1024 > limit;

/** Builds one part of a BU's month from its pages, starting after the cursor; null when time ran out (redone next execution). */
function buildPart(
  env: ReportEnv,
  db: Db,
  settings: ReportsSettings,
  month: string,
  at: { bu: string; after: PageCursor; rowsLeft: number },
  limits: RunLimits,
): Built | null {
  const bu = at.bu;
  let after = at.after;
  const { start, end } = monthRange(month);
  const sql = pageSql(settings.schema);
  const w = new XlsxStreamWriter(reportColumns(), {
    sheetName: bu,
    utcOffsetMinutes: 420,
    mtime: new Date(start),
    level: DEFLATE_LEVEL,
  });
  let amount = 0;
  let queryMs = 0;
  let buildMs = 0;
  let pageBytes = 0; // the largest growth of the compressed file over one page so far
  let complete = false;
  for (;;) {
    if (env.remainingMs() < MARGIN_MS) return null;
    // With the plan's rows all read, the next page is read anyway: it must be empty (else the counts disagree).
    if (w.rowCount < at.rowsLeft && partIsFull(w, pageBytes, limits.partBytes)) break;
    const t0 = env.now();
    const page = db.json<Page>(sql, [bu, start, end, after.at, after.id, limits.pageRows]);
    const t1 = env.now();
    queryMs += t1 - t0;
    const orders = Number(page?.orders ?? 0);
    if (!page || orders === 0 || !page.last) {
      complete = true;
      break;
    }
    const rows = decodePage(page.rows);
    for (const r of rows) amount += Number(r[LINE_AMOUNT_COL] ?? 0);
    const before = w.bytesSoFar;
    w.addRows(rows);
    pageBytes = Math.max(pageBytes, w.bytesSoFar - before);
    buildMs += env.now() - t1;
    after = { at: String(page.last[0]), id: Number(page.last[1]) };
    if (orders < limits.pageRows) {
      complete = true;
      break;
    }
  }
  const t2 = env.now();
  const bytes = w.finish();
  buildMs += env.now() - t2;
  return { bytes, rows: w.rowCount, amount, cursor: after, complete, queryMs, buildMs };
}

/** Uploads into staging, reads the file back and compares SHA-256; up to 3 attempts with backoff. */
function upload(
  env: ReportEnv,
  folderId: string,
  name: string,
  bytes: Uint8Array,
  sha: string,
): { fileId: string; attempts: number } {
  let last: Msg = msg('reports.error.unexpected', { detail: '' });
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let fileId = '';
    try {
      fileId = env.drive.createFile(folderId, name, bytes, XLSX_MIME).id;
      const back = env.drive.fileSha256(fileId);
      if (back !== sha) throw new AppError('CHECKSUM', msg('reports.error.checksum', { got: back, want: sha }));
      return { fileId, attempts: attempt };
    } catch (e) {
      last = errorMsg(e);
      if (fileId) {
        try {
          env.drive.setTrashed(fileId, true);
        } catch {
          /* the staging folder is trashed on failure anyway */
        }
      }
      if (attempt < MAX_ATTEMPTS) env.sleep(BACKOFF_MS[attempt - 1]);
    }
  }
  throw new AppError('UPLOAD_FAILED', msg('reports.error.upload', { name, attempts: MAX_ATTEMPTS, detail: last }));
}

/** The BU's month ended with other totals than the plan counted. */
function countMismatch(p: BuPlan, rows: number, amount: number): AppError {
  return new AppError(
    'COUNT_MISMATCH',
    msg('reports.error.countMismatch', { bu: p.bu, rows, amount, planRows: p.rows, planAmount: p.amount }),
  );
}

/**
 * The run without the BU's staged parts, their files trashed: parts staged by a run that paged by line id (before an
 * update) cannot be continued by order, so the BU is built again from its start, never duplicating a row.
 */
function withoutParts(env: ReportEnv, s: RunState, bu: string): RunState {
  for (const f of partsOf(s, bu)) env.drive.setTrashed(f.fileId, true);
  return { ...s, staged: s.staged.filter((f) => f.bu !== bu) };
}

/** Builds, checks and stages the BU's next part; `staged` is false when time ran out (the part is redone next time). */
function stageNextPart(
  env: ReportEnv,
  db: Db,
  settings: ReportsSettings,
  s: RunState,
  p: BuPlan,
  save: Checkpoint,
): { s: RunState; staged: boolean } {
  const limits = s.limits ?? DEFAULT_LIMITS;
  let next = nextPart(s, p.bu);
  if (!next.after) {
    s = withoutParts(env, s, p.bu);
    save(s);
    next = nextPart(s, p.bu);
  }
  const t0 = env.now();
  const after = next.after ?? FIRST_CURSOR;
  const built = buildPart(env, db, settings, s.month, { bu: p.bu, after, rowsLeft: p.rows - next.rows }, limits);
  if (!built) {
    const key = next.part === 1 ? p.bu : `${p.bu}#${next.part}`;
    const n = (s.restarts[key] ?? 0) + 1;
    if (n > MAX_RESTARTS) throw new AppError('TOO_LARGE', msg('reports.error.tooLarge', { name: p.name, rows: p.rows }));
    s = { ...s, restarts: { ...s.restarts, [key]: n } };
    save(s);
    return { s, staged: false };
  }
  const rows = next.rows + built.rows;
  const amount = next.amount + built.amount;
  if (rows > p.rows || (built.complete && (rows !== p.rows || amount !== p.amount))) throw countMismatch(p, rows, amount);
  if (built.bytes.length > MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_BIG', msg('reports.error.fileTooBig', { name: p.name, mb: built.bytes.length / 1048576 }));
  }
  // A BU's month in one file keeps the pattern's name; one that needs more is published as numbered parts.
  const name = next.part === 1 && built.complete ? p.name : partName(p.name, next.part);
  const t3 = env.now();
  const sha = env.sha256Hex(built.bytes);
  const up = upload(env, s.stagingFolderId, name, built.bytes, sha);
  const f: StagedFile = {
    bu: p.bu,
    fileId: up.fileId,
    name,
    rows: built.rows,
    amount: built.amount,
    bytes: built.bytes.length,
    sha256: sha,
    attempts: up.attempts,
    start: t0,
    end: env.now(),
    queryMs: built.queryMs,
    buildMs: built.buildMs,
    uploadMs: env.now() - t3,
    part: next.part,
    cursor: built.cursor,
    complete: built.complete,
  };
  s = { ...s, staged: [...s.staged, f] };
  save(s);
  return { s, staged: true };
}

function buildPhase(env: ReportEnv, settings: ReportsSettings, s: RunState, save: Checkpoint): RunState {
  const todo = pendingBus(s);
  if (!todo.length) return s;
  const db = env.openDb();
  try {
    let msPerRow = 0; // measured on this execution's finished parts
    let partRows = 0; // the most rows one part held so far
    for (const p of todo) {
      while (pendingBus(s).some((x) => x.bu === p.bu)) {
        // A part that will not fit in what is left waits for the next execution instead of being started and abandoned.
        const left = p.rows - nextPart(s, p.bu).rows;
        const rows = partRows ? Math.min(left, partRows) : left;
        if (msPerRow && rows * msPerRow * 1.25 > env.remainingMs() - MARGIN_MS) return s;
        const next = stageNextPart(env, db, settings, s, p, save);
        s = next.s;
        if (!next.staged) return s;
        const f = s.staged[s.staged.length - 1];
        msPerRow = Math.max(msPerRow, (f.end - f.start) / Math.max(1, f.rows));
        if (!f.complete) partRows = Math.max(partRows, f.rows);
      }
    }
  } finally {
    db.close();
  }
  return s;
}

/** Undoes recorded publish steps, newest first. */
function undoJournal(env: ReportEnv, s: RunState): RunState {
  for (const j of [...s.journal].reverse()) {
    if (j.op === 'move') env.drive.moveFile(j.fileId, j.from);
    else env.drive.setTrashed(j.fileId, false);
  }
  return { ...s, journal: [] };
}

function publishPhase(env: ReportEnv, settings: ReportsSettings, s: RunState, save: Checkpoint): RunState {
  if (s.journal.length) {
    s = undoJournal(env, s); // an execution died mid-publish: start the publish over cleanly
    save(s);
  }
  const total = s.staged.reduce((a, f) => a + f.rows, 0);
  const expected = s.plan.reduce((a, p) => a + p.rows, 0);
  if (total !== expected || pendingBus(s).length) {
    throw new AppError('COUNT_MISMATCH', msg('reports.error.totalMismatch', { total, expected }));
  }
  const problems = s.plan.map((p) => folderProblem(env.drive, p.bu, p.folderId)).filter((x): x is Msg => !!x);
  if (problems.length) throw new AppError('PREFLIGHT_FAILED', msg('reports.error.foldersChanged', { problems }));
  for (const p of s.plan) {
    // The folder's report files are listed before this BU's new parts arrive, so only older ones are trashed.
    const isReport = reportFileMatcher(settings.pattern, p.bu);
    const old = env.drive.listFiles(p.folderId).filter((x) => isReport(x.name));
    for (const f of partsOf(s, p.bu)) {
      s = { ...s, journal: [...s.journal, { op: 'move', fileId: f.fileId, from: s.stagingFolderId, to: p.folderId }] };
      save(s);
      env.drive.moveFile(f.fileId, p.folderId);
    }
    for (const o of old) {
      s = { ...s, journal: [...s.journal, { op: 'trash', fileId: o.id }] };
      save(s);
      env.drive.setTrashed(o.id, true);
    }
  }
  return s;
}

/** One row per staged file (a BU in parts has one per part), and one per BU that has none. */
function logRows(env: ReportEnv, s: RunState, status: RunLogRow['status']): RunLogRow[] {
  const now = env.now();
  return s.plan.flatMap((p): RunLogRow[] => {
    const base = { runId: s.runId, month: s.month, bu: p.bu };
    const parts = partsOf(s, p.bu);
    if (!parts.length) {
      return [
        {
          ...base,
          rows: 0,
          bytes: 0,
          sha256: '',
          link: '',
          status: status === 'OK' ? 'FAILED' : status,
          attempts: 0,
          start: s.startedAt,
          end: now,
        },
      ];
    }
    return parts.map((f) => ({
      ...base,
      part: parts.length > 1 ? { n: f.part ?? 1, of: parts.length } : undefined,
      rows: f.rows,
      bytes: f.bytes,
      sha256: f.sha256,
      link: status === 'OK' ? env.drive.fileUrl(f.fileId) : '',
      status,
      attempts: f.attempts,
      start: f.start,
      end: f.end,
    }));
  });
}

/** The alert's file lines: a BU in parts names each part ("FASHION (bagian 2 dari 3)"). */
function alertFiles(s: RunState): Array<{ bu: string | Msg; rows: number }> {
  return s.plan.flatMap((p) => {
    const parts = partsOf(s, p.bu);
    return parts.map((f) => ({
      bu: parts.length > 1 ? msg('reports.log.part', { bu: p.bu, n: f.part ?? 1, of: parts.length }) : p.bu,
      rows: f.rows,
    }));
  });
}

/** Marks the run failed: undoes publish steps, removes staged files, logs, alerts with the error text. */
export function failRun(env: ReportEnv, s: RunState, err: unknown): RunState {
  const text = errorMsg(err);
  const cleanup: Msg[] = [];
  try {
    s = undoJournal(env, s);
  } catch (e) {
    cleanup.push(msg('reports.error.cleanupUndo', { detail: errorMsg(e) }));
  }
  for (const f of s.staged) {
    try {
      env.drive.setTrashed(f.fileId, true);
    } catch (e) {
      cleanup.push(msg('reports.error.cleanupTrash', { name: f.name, detail: errorMsg(e) }));
    }
  }
  try {
    if (s.stagingFolderId) env.drive.trashFolder(s.stagingFolderId);
  } catch (e) {
    cleanup.push(msg('reports.error.cleanupStaging', { detail: errorMsg(e) }));
  }
  const error = cleanup.length ? msg('reports.error.cleanup', { error: text, problems: cleanup }) : text;
  s = { ...transition(s, 'failed', env.now()), error };
  try {
    env.log.append(logRows(env, s, 'FAILED'), env.now());
  } catch (e) {
    s = { ...s, error: msg('reports.error.logAfter', { error, detail: errorMsg(e) }) };
  }
  env.alert(alertText({ ok: false, month: s.month, runId: s.runId, error }));
  return s;
}

/** Carries the run forward as far as this execution's time allows; returns the new checkpoint. */
export function advance(env: ReportEnv, settings: ReportsSettings, s: RunState, persist: Checkpoint): RunState {
  // Every checkpoint is also kept here, so a failure undoes exactly the steps already taken.
  let latest = s;
  const save: Checkpoint = (x) => {
    latest = x;
    persist(x);
  };
  try {
    if (s.phase === 'build') {
      s = buildPhase(env, settings, s, save);
      if (pendingBus(s).length) return s; // out of time: the next execution continues from here
      s = transition(s, 'publish', env.now());
      save(s);
    }
    if (s.phase === 'publish') {
      if (env.remainingMs() < MARGIN_MS) return s; // publish only with time to finish (or undo) it
      s = publishPhase(env, settings, s, save);
      try {
        env.drive.trashFolder(s.stagingFolderId);
      } catch {
        /* an empty staging folder left behind is harmless */
      }
      s = { ...transition(s, 'done', env.now()), journal: [] };
      save(s);
      try {
        env.log.append(logRows(env, s, 'OK'), env.now());
      } catch (e) {
        s = { ...s, error: msg('reports.error.log', { detail: errorMsg(e) }) };
      }
      const alertError = env.alert(alertText({ ok: true, month: s.month, runId: s.runId, files: alertFiles(s) }));
      if (alertError) {
        const failed = msg('reports.error.alert', { detail: alertError });
        s = { ...s, error: s.error ? msg('reports.error.joined', { first: s.error, second: failed }) : failed };
      }
    }
    return s;
  } catch (e) {
    const failed = failRun(env, latest, e);
    persist(failed);
    return failed;
  }
}
