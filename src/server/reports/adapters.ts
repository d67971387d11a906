// The reports' platform side: the ReportEnv the run needs (Drive, Jdbc, the webhook, the run-log sheet, the clock)
// and the state kept in script properties (settings, the run's checkpoint, the scheduled run's attempts, whose
// trigger runs the schedule), under one lock.
import { conflict, errorMessage } from '../core/errors';
import { maskSecrets } from '../core/secrets';
import { msg, Msg, t } from '../core/text';
import type { Deadline } from '../core/deadline';
import { openDb } from '../platform/jdbc';
import {
  createFileIn,
  createRootFolder,
  fileSha256,
  fileUrl,
  folderState,
  listFolderFiles,
  moveFileTo,
  setFileTrashed,
  trashFolder,
} from '../platform/drive';
import { fetchAll } from '../platform/http';
import { withScriptLock } from '../platform/lock';
import { scriptJson, scriptProp, scriptSecret, setScriptJson, setScriptProp, setScriptSecret } from '../platform/properties';
import { sheetValues, TableCell, writeTable } from '../platform/sheets';
import { newUuid, sleep } from '../platform/utilities';
import { sha256Hex } from '../core/hash';
import type { ReportDrive, ReportEnv, RunLogSink } from './ports';
import { DEFAULT_SETTINGS, parseStoredSettings, ReportsSettings } from './settings';
import type { RunState } from './state';
import type { ScheduleState } from './schedule';
import { applyRetention, RUN_LOG_FORMATS, runLogHeader, runLogLanguage, runLogSheetNames, SheetCell, toSheetRow } from './runlog';
import { webhookRequest } from './webhook';

const WEBHOOK_URL_PROP = 'DATADESK_REPORTS_WEBHOOK_URL';
const SETTINGS_PROP = 'DATADESK_REPORTS_SETTINGS';
const RUN_PROP = 'DATADESK_REPORTS_RUN';
/** Before attempts were tracked: the last month the schedule started (read to carry old state over). */
const SCHEDULED_PROP = 'DATADESK_REPORTS_SCHEDULED';
/** The scheduled run of the due month: attempts, backoff, the last error (ScheduleState). */
const SCHEDULE_PROP = 'DATADESK_REPORTS_SCHEDULE';
/** The admin whose hourly trigger runs the scheduled report: who saved the settings last, or took them over. */
const OWNER_PROP = 'DATADESK_REPORTS_OWNER';

export { openDb };

export const appsScriptDrive: ReportDrive = {
  folder: folderState,
  createFolder: createRootFolder,
  createFile: (folderId, name, bytes, mime) => ({ id: createFileIn(folderId, name, mime, bytes).id, name, size: bytes.length }),
  fileSha256,
  listFiles: listFolderFiles,
  moveFile: moveFileTo,
  setTrashed: setFileTrashed,
  trashFolder,
  fileUrl,
};

/** The run log's name and data rows (below the header), oldest first; [] when the sheet does not exist yet. */
export function readRunLog(): { sheet: string; rows: SheetCell[][] } {
  for (const sheet of runLogSheetNames()) {
    const values = sheetValues(sheet);
    if (values) return { sheet, rows: values.slice(1) as SheetCell[][] };
  }
  return { sheet: t('reports.log.sheet'), rows: [] };
}

/** The log keeps the name and headers it was created with; rows follow the writer's language. */
const sheetRunLog: RunLogSink = {
  append(rows, now) {
    const log = readRunLog();
    const kept = applyRetention(log.rows, now);
    const lang = runLogLanguage(log.sheet);
    writeTable(log.sheet, runLogHeader(lang), RUN_LOG_FORMATS, [
      ...kept,
      ...rows.map((r) => toSheetRow(r, lang)),
    ] as TableCell[][]);
  },
};

export function webhookUrl(): string {
  return scriptSecret(WEBHOOK_URL_PROP);
}

/** Posts `text` to the configured webhook; why it was not delivered, or null. */
function sendAlert(settings: ReportsSettings, text: string): Msg | null {
  const url = webhookUrl();
  if (!url) return msg('reports.error.noWebhook');
  try {
    const req = webhookRequest(settings.webhookFormat, url, text);
    const [r] = fetchAll([{ url: req.url, method: 'post', payload: req.payload }]);
    // The answer may quote the request (a stand-in, a proxy): masked like any other text made here.
    return r.code >= 200 && r.code < 300
      ? null
      : msg('common.text', { text: maskSecrets(`HTTP ${r.code}: ${r.text.slice(0, 200)}`) });
  } catch (e) {
    return msg('common.text', { text: errorMessage(e) });
  }
}

export function reportEnv(settings: ReportsSettings, deadline: Deadline): ReportEnv {
  return {
    openDb,
    drive: appsScriptDrive,
    sha256Hex,
    alert: (text) => sendAlert(settings, text),
    log: sheetRunLog,
    now: () => Date.now(),
    sleep,
    remainingMs: () => deadline.remainingMs(),
    newId: () => newUuid().replace(/-/g, '').slice(0, 10),
  };
}

export function loadSettings(): ReportsSettings {
  return parseStoredSettings(scriptJson<unknown>(SETTINGS_PROP, DEFAULT_SETTINGS));
}

/** Stores checked settings; a non-empty webhook URL replaces the stored one. */
export function storeSettings(s: ReportsSettings, webhookUrl: string | null): void {
  setScriptJson(SETTINGS_PROP, s);
  if (webhookUrl) setScriptSecret(WEBHOOK_URL_PROP, webhookUrl.trim());
}

export function loadRun(): RunState | null {
  return scriptJson<RunState | null>(RUN_PROP, null);
}

export function saveRun(s: RunState): void {
  setScriptJson(RUN_PROP, s);
}

/** The last month the older scheduler started ("YYYY-MM", '' when none): such a month counts as done. */
export function lastScheduledMonth(): string {
  return scriptProp(SCHEDULED_PROP);
}

export function loadSchedule(): ScheduleState | null {
  return scriptJson<ScheduleState | null>(SCHEDULE_PROP, null);
}

export function saveSchedule(s: ScheduleState): void {
  setScriptJson(SCHEDULE_PROP, s);
}

/** Whose hourly trigger runs the scheduled report ('' before anyone saved the settings). */
export function reportsOwner(): string {
  return scriptProp(OWNER_PROP);
}

export function setReportsOwner(email: string): void {
  setScriptProp(OWNER_PROP, email);
}

/** Whose trigger carries a run on: its owner, or (runs from before owners) the reports owner. */
export function runOwner(s: RunState): string {
  return s.owner || reportsOwner();
}

/** Runs `fn` holding the script lock briefly (claiming or starting a run), so two executions never both win. */
export function withRunLock<T>(fn: () => T): T {
  const r = withScriptLock(10_000, fn);
  if (!r.ran) {
    throw conflict(msg('reports.error.busy'));
  }
  return r.value;
}
