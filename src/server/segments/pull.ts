// Preview and run of a segment pull over ports (database, sheets, Drive, mail): the order of steps and the cleanup.
import type { Db } from '../core/db';
import { AppError, denied, notFound, errorMessage, errorStack } from '../core/errors';
import { msg, t } from '../core/text';
import { buildXlsx, XLSX_MIME } from '../core/xlsx/writer';
import { compileSegment, CompiledSegment } from './compile';
import { resolveDates, ResolvedDates } from './period';
import {
  baseName,
  LOG_FORMATS,
  logHeader,
  logRow,
  logSheetNames,
  metadataText,
  parseCounts,
  parseRows,
  RunFacts,
  sheetName,
  toCsv,
} from './output';
import type { SegmentCounts, SegmentRequest } from './request';
import { countsWords } from './describe';
import type { MadeFile, PullPorts } from './ports';

export interface PreviewResult {
  counts: SegmentCounts;
  lines: string[];
  sqlMs: number;
}

export interface RunResult extends PreviewResult {
  listId: string;
  sheet: string;
  file: { name: string; url: string };
  metadata: { name: string; url: string };
  mailed: boolean;
  durationMs: number;
  /** Non-fatal problems after the list was delivered (e.g. the log row or the mail failed). */
  warnings: string[];
}

/** Counts only, from one statement; writes nothing anywhere. */
export function previewSegment(ports: PullPorts, req: SegmentRequest): PreviewResult {
  const c = compileSegment(req, resolveDates(req, ports.now()), ports.dialect);
  const t0 = Date.now();
  const counts = parseCounts(ports.db.json(c.preview.sql, c.preview.params));
  return { counts, lines: countsWords(counts), sqlMs: Date.now() - t0 };
}

/** The destination folder is one an admin configured for member lists, exists, and the user whose execution (or
 * trigger) delivers may write into it (proven by a write that changes nothing: two Drive requests). */
export function checkFolder(ports: PullPorts, id: string): void {
  checkFolderListed(ports, id);
  const f = ports.folder(id);
  if (!f) {
    throw notFound(msg('segments.error.folderMissing', { id }));
  }
  if (!f.writable) {
    throw denied(msg('segments.error.folderReadOnly', { name: f.name }));
  }
}

/** Before a run: the folder is one an admin configured. Whether it exists, is out of the trash and may be written by
 * the user is left to the upload, the run's first write (see `uploadAll`): that saves two Drive requests on every run,
 * and a folder gone since the admin chose it costs one query before its message. */
function checkFolderListed(ports: PullPorts, id: string): void {
  if (!ports.deliveryFolders().includes(id)) {
    throw denied(msg('segments.error.notDeliveryFolder', { id: id.slice(0, 140), section: msg('settings.folders.heading') }), {
      field: 'delivery.folderId',
    });
  }
}

/** Uploads the files into the destination together; every file made is recorded in `made` (removed if the run fails).
 * When Drive refuses one, the folder is checked again so a folder missing, or one the user may not write into, gets
 * its own message rather than Drive's; files Drive put in the trash (the folder is there) count as a missing folder. */
function uploadAll(
  ports: PullPorts,
  folderId: string,
  files: ReadonlyArray<{ name: string; mime: string; content: Uint8Array | string }>,
  made: { files: string[] },
): MadeFile[] {
  const results = ports.createFiles(folderId, files);
  const created: MadeFile[] = [];
  for (const r of results) {
    if (!('id' in r)) continue;
    created.push(r);
    made.files.push(r.id);
  }
  if (created.some((f) => f.inTrash)) {
    throw notFound(msg('segments.error.folderMissing', { id: folderId }));
  }
  const refused = results.find((r): r is { error: string } => 'error' in r);
  if (refused || created.length !== files.length) {
    checkFolder(ports, folderId);
    throw new Error(refused?.error ?? `Drive created ${created.length} of ${files.length} files`);
  }
  return created;
}

/**
 * Pulls and delivers: in one database transaction the list is computed into a scratch table, counted and read; then the
 * file, the sheet and the metadata file are written and the suppression record is added; the transaction commits last.
 * Any failure before the commit rolls the database back and removes the sheet and files already made.
 */
export function runSegment(ports: PullPorts, req: SegmentRequest): RunResult {
  const started = Date.now();
  const now = ports.now();
  const dates = resolveDates(req, now);
  checkFolderListed(ports, req.delivery.folderId);
  const c = compileSegment(req, dates, ports.dialect);
  const listId = ports.newId();
  const made: { sheet: string | null; files: string[] } = { sheet: null, files: [] };
  let out: Omit<RunResult, 'mailed' | 'warnings' | 'durationMs'>;
  try {
    out = ports.db.transaction((db) => deliver(ports, db, req, dates, c, listId, now, made, started));
  } catch (e) {
    for (const id of made.files) ports.trashFile(id);
    if (made.sheet) {
      try {
        ports.deleteSheet(made.sheet);
      } catch (err) {
        console.warn(`segments: could not delete sheet ${made.sheet}: ${errorMessage(err)}`);
      }
    }
    if (e instanceof AppError) throw e;
    console.error(`segments: run failed: ${errorStack(e)}`);
    throw new AppError('PULL_FAILED', msg('segments.error.pullFailed', { detail: errorMessage(e) }));
  }
  const warnings: string[] = [];
  const facts = factsOf(out, req, dates, now, ports.user, Date.now() - started);
  try {
    ports.appendRow(logSheetNames(), logHeader(), LOG_FORMATS, logRow(facts, out.file.url, out.metadata.url));
  } catch (e) {
    warnings.push(t('segments.warn.log', { detail: errorMessage(e) }));
  }
  let mailed = false;
  if (req.delivery.mailSummary && ports.user) {
    try {
      ports.sendMail(
        ports.user,
        t('segments.mail.subject', { name: req.name, count: out.counts.delivered }),
        summaryMail(facts, out),
      );
      mailed = true;
    } catch (e) {
      warnings.push(t('segments.warn.mail', { detail: errorMessage(e) }));
    }
  }
  return { ...out, mailed, warnings, durationMs: Date.now() - started };
}

function factsOf(
  out: Omit<RunResult, 'mailed' | 'warnings' | 'durationMs'>,
  req: SegmentRequest,
  dates: ResolvedDates,
  now: Date,
  user: string,
  ms: number,
): RunFacts {
  return {
    req,
    dates,
    counts: out.counts,
    now,
    user,
    listId: out.listId,
    fileName: out.file.name,
    sheet: out.sheet,
    durationMs: ms,
  };
}

function deliver(
  ports: PullPorts,
  db: Db,
  req: SegmentRequest,
  dates: ResolvedDates,
  c: CompiledSegment,
  listId: string,
  now: Date,
  made: { sheet: string | null; files: string[] },
  started: number,
): Omit<RunResult, 'mailed' | 'warnings' | 'durationMs'> {
  const t0 = Date.now();
  for (const st of c.materialise) db.execute(st.sql, st.params);
  const counts = parseCounts(db.json(c.counts.sql, c.counts.params));
  const rows = parseRows(db.json(c.rows.sql, c.rows.params), req.splitByGender);
  const sqlMs = Date.now() - t0;
  if (rows.length !== counts.delivered) throw new Error(`read ${rows.length} rows but counted ${counts.delivered}`);

  const base = baseName(req, now);
  const sheet = sheetName(base, ports.sheetExists);
  const xlsx = req.delivery.format === 'XLSX';
  const fileName = `${base}.${xlsx ? 'xlsx' : 'csv'}`;
  const content = xlsx
    ? buildXlsx(
        c.headers.map((h) => ({ header: h, type: 'text' as const, width: Math.max(12, h.length + 2) })),
        rows,
        { sheetName: t('segments.log.segment'), mtime: now },
      )
    : toCsv(c.headers, rows);
  const metaName = `${base} - ${t('segments.meta.fileSuffix')}.txt`;
  const facts: RunFacts = {
    req,
    dates,
    counts,
    now,
    user: ports.user,
    listId,
    fileName,
    sheet,
    durationMs: Date.now() - started,
  };
  // The files first, both at once: a folder the user cannot write into stops the run before the document changes.
  const [file, meta] = uploadAll(
    ports,
    req.delivery.folderId,
    [
      { name: fileName, mime: xlsx ? XLSX_MIME : 'text/csv', content },
      { name: metaName, mime: 'text/plain', content: metadataText(facts) },
    ],
    made,
  );

  made.sheet = sheet; // before the write: a sheet inserted but not filled is removed too
  ports.insertTextSheet(sheet, [c.headers, ...rows]);

  for (const st of c.record(listId, ports.user, now.toISOString(), counts.delivered)) db.execute(st.sql, st.params);
  return {
    counts,
    lines: countsWords(counts),
    sqlMs,
    listId,
    sheet,
    file: { name: fileName, url: file.url },
    metadata: { name: metaName, url: meta.url },
  };
}

function summaryMail(f: RunFacts, out: { file: { url: string }; sheet: string }): string {
  return [
    t('segments.mail.head', { name: f.req.name, campaign: f.req.campaign }),
    '',
    ...countsWords(f.counts),
    '',
    t('segments.mail.file', { url: out.file.url }),
    t('segments.mail.sheet', { name: out.sheet }),
  ].join('\n');
}
