// The scan: every file in the report-type folders is checked (name, type, store, size, content) and either loaded
// and moved to "Diproses", or moved to "Ditolak" with its reason logged and mailed to its uploader. A file that does
// not fit in what is left of this execution waits for the next scan; nothing is ever half-loaded.
import { AppError, errorMessage, messageOf } from '../core/errors';
import { msg, Msg, tIn } from '../core/text';
import { wibDate } from '../core/format';
import { readFirstSheet, XlsxFormatError } from '../core/xlsx/reader';
import type { BulkDb } from '../core/db';
import type { MarketEnv, MarketFile } from './ports';
import type { MarketSettings, ReportType } from './settings';
import { exampleName, NAME_RULE, parseName, ParsedName } from './naming';
import { findStore, StoreChannel } from './stores';
import { convertSheet } from './content';
import { loadFile } from './load';
import { logTable } from './schema';
import { refreshSummary } from './summary';

/** Folder names under the root for what was loaded and what was refused (the names). */
export const PROCESSED_FOLDER = 'Diproses';
export const REJECTED_FOLDER = 'Ditolak';

/**
 * What one execution can load. A file is loaded in one transaction by one execution (no half-loads), so it must fit in
 * one: 100,000 data rows and 20 MB. `npm run bench` projects ~22 s for a 20,000-row (1 MB) file, so the largest
 * allowed file needs ~2 minutes of the 6.
 */
export const MAX_ROWS = 100_000;
export const MAX_BYTES = 20 * 1024 * 1024;
/** Projected time kept free before a file is started: 20 s plus 40 s per MB of .xlsx (about twice the bench's). */
export const fileBudgetMs = (bytes: number) => 20_000 + (bytes / 1_048_576) * 40_000;

export type FileState = 'loaded' | 'rejected';

export interface FileOutcome {
  file: string;
  state: FileState;
  rows: number;
  reason: Msg | null;
}

export interface ScanResult {
  outcomes: FileOutcome[];
  /** Files left in the folders because this execution ran out of time (the next scan takes them). */
  waiting: number;
  /** Why the scan stopped early, when it did (the database unreachable, the mapping sheet broken). */
  stopped: Msg | null;
}

class Rejection extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}

const reject = (m: Msg): never => {
  throw new Rejection(m);
};

interface ScanContext {
  env: MarketEnv;
  settings: MarketSettings;
  stores: StoreChannel[];
  db: BulkDb;
  by: string;
  folders: { processed: string | null; rejected: string | null };
}

/** Everything the name tells, or a rejection: the rule, the report type and its folder, the store. */
function checkName(cx: ScanContext, file: MarketFile, folderType: ReportType): { name: ParsedName; store: StoreChannel } {
  const name = parseName(file.name, cx.settings, wibDate(new Date(cx.env.now())));
  if (!('store' in name)) return reject(name);
  const type = cx.settings.reportTypes.find((t) => t.code.toLowerCase() === name.typeCode.toLowerCase());
  if (!type) {
    return reject(
      msg('market.reject.type', { type: name.typeCode, known: cx.settings.reportTypes.map((t) => t.code).join(', ') }),
    );
  }
  if (type.code !== folderType.code) {
    return reject(msg('market.reject.folder', { type: type.code, folder: folderType.folder, expected: type.folder }));
  }
  const store = findStore(cx.stores, name.store);
  if (!store) {
    return reject(
      msg('market.reject.store', {
        store: name.store,
        sheet: cx.settings.mappingSheet,
        known: cx.stores.map((s) => s.store).join(', ') || '–',
      }),
    );
  }
  return { name, store };
}

/** The sheet's rows converted for loading, or a rejection (corrupt, password-protected, too big, header, cells). */
function readContent(cx: ScanContext, file: MarketFile, type: ReportType) {
  if (file.size > MAX_BYTES)
    reject(msg('market.reject.tooBigBytes', { size: Math.ceil(file.size / 1_048_576), max: MAX_BYTES / 1_048_576 }));
  const opened = cx.env.drive.openXlsx(file.id);
  if ('failure' in opened)
    return reject(msg(opened.failure === 'encrypted' ? 'market.reject.encrypted' : 'market.reject.corrupt'));
  let sheet: ReturnType<typeof readFirstSheet>;
  try {
    sheet = readFirstSheet(opened.parts, MAX_ROWS + 1);
  } catch (e) {
    if (e instanceof XlsxFormatError) return reject(msg('market.reject.corrupt'));
    throw e;
  }
  if (sheet.truncated) reject(msg('market.reject.tooBigRows', { max: MAX_ROWS }));
  const converted = convertSheet(sheet.rows, type);
  if (!('rows' in converted)) return reject(converted);
  return converted;
}

function log(
  cx: ScanContext,
  file: MarketFile,
  o: FileOutcome,
  meta: Partial<{ type: string; name: ParsedName; store: StoreChannel }>,
  mailed: boolean,
): void {
  cx.db.execute(
    `INSERT INTO ${logTable(cx.settings)} (file_id, file_name, report_type, store_name, channel, period_start, period_end,
      status, row_count, reason_id, reason_en, uploader, mailed) VALUES (?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?)`,
    [
      file.id,
      file.name,
      meta.type ?? null,
      meta.store?.store ?? meta.name?.store ?? null,
      meta.store?.channel ?? null,
      meta.name?.start ?? null,
      meta.name?.end ?? null,
      o.state,
      o.rows,
      o.reason?.id ?? null,
      o.reason?.en ?? null,
      file.owner || null,
      mailed,
    ],
  );
}

/** The mail to the uploader, in Bahasa Indonesia: what was wrong, the naming rule and an example. */
export function rejectionMail(
  settings: MarketSettings,
  file: MarketFile,
  type: ReportType,
  reason: Msg,
  store: string,
): { subject: string; body: string } {
  return {
    subject: tIn('id', 'market.mail.subject', { file: file.name }),
    body: tIn('id', 'market.mail.body', {
      file: file.name,
      folder: type.folder,
      reason: reason.id,
      rule: NAME_RULE,
      example: exampleName(settings, store, type.code),
      rejected: REJECTED_FOLDER,
    }),
  };
}

function folderOf(cx: ScanContext, which: 'processed' | 'rejected'): string {
  const name = which === 'processed' ? PROCESSED_FOLDER : REJECTED_FOLDER;
  cx.folders[which] ??= cx.env.drive.ensureChildFolder(cx.settings.rootFolderId, name);
  return cx.folders[which]!;
}

/** Checks and loads one file; a rejection moves it to Ditolak, logs and mails; other failures propagate. */
function processFile(cx: ScanContext, file: MarketFile, type: ReportType): FileOutcome {
  let meta: Partial<{ type: string; name: ParsedName; store: StoreChannel }> = { type: type.code };
  try {
    const { name, store } = checkName(cx, file, type);
    meta = { type: type.code, name, store };
    const content = readContent(cx, file, type);
    let loaded: { rows: number };
    try {
      loaded = loadFile(cx.db, {
        settings: cx.settings,
        type,
        name,
        store,
        file,
        rows: content.rows,
        lines: content.lines,
        by: cx.by,
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONFLICT') reject(messageOf(e));
      throw e;
    }
    const outcome: FileOutcome = { file: file.name, state: 'loaded', rows: loaded.rows, reason: null };
    cx.env.drive.moveFile(file.id, folderOf(cx, 'processed'));
    log(cx, file, outcome, meta, false);
    return outcome;
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    const outcome: FileOutcome = { file: file.name, state: 'rejected', rows: 0, reason: e.reason };
    cx.env.drive.moveFile(file.id, folderOf(cx, 'rejected'));
    let mailed = false;
    if (file.owner) {
      const m = rejectionMail(cx.settings, file, type, e.reason, meta.store?.store ?? cx.stores[0]?.store ?? 'NamaToko');
      mailed = cx.env.mail(file.owner, m.subject, m.body);
    }
    log(cx, file, outcome, meta, mailed);
    return outcome;
  }
}

/** The report-type folders that exist under the root, with their files (oldest name first). */
export function pendingFiles(env: MarketEnv, settings: MarketSettings): Array<{ type: ReportType; files: MarketFile[] }> {
  const out: Array<{ type: ReportType; files: MarketFile[] }> = [];
  for (const type of settings.reportTypes) {
    const folder = env.drive.childFolder(settings.rootFolderId, type.folder);
    if (folder) out.push({ type, files: env.drive.listFiles(folder).sort((a, b) => (a.name < b.name ? -1 : 1)) });
  }
  return out;
}

/** One scan: every waiting file checked and loaded or rejected, as far as this execution's time allows. */
export function scan(env: MarketEnv, settings: MarketSettings, by: string): ScanResult {
  const mapping = env.stores();
  if (mapping.problems.length) {
    return {
      outcomes: [],
      waiting: -1,
      stopped: msg('market.error.mapping', { sheet: settings.mappingSheet, problems: mapping.problems }),
    };
  }
  const pending = pendingFiles(env, settings);
  const outcomes: FileOutcome[] = [];
  let waiting = 0;
  let stopped: Msg | null = null;
  const db = env.openDb();
  try {
    const cx: ScanContext = { env, settings, stores: mapping.stores, db, by, folders: { processed: null, rejected: null } };
    for (const { type, files } of pending) {
      for (const file of files) {
        if (stopped || env.remainingMs() < fileBudgetMs(file.size)) {
          waiting++;
          continue;
        }
        try {
          outcomes.push(processFile(cx, file, type));
        } catch (e) {
          // Not the file's fault (the database went away, Drive refused a move): it stays waiting for the next scan.
          console.error(`marketplace scan: ${file.name}: ${errorMessage(e)}`);
          stopped =
            e instanceof AppError ? messageOf(e) : msg('market.error.scanFailed', { file: file.name, detail: errorMessage(e) });
          waiting++;
        }
      }
    }
    if (outcomes.some((o) => o.state === 'loaded')) refreshSummary(env, db, settings);
  } finally {
    db.close();
  }
  return { outcomes, waiting, stopped };
}
