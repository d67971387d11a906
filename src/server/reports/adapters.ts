// The reports' platform side: the ReportEnv the run needs (Drive, Jdbc, the webhook, the run-log sheet, the clock)
// and the state kept in script properties (settings, the run's checkpoint, the month last scheduled), under one lock.
import { conflict, errorMessage } from '../core/errors';
import { maskSecrets } from '../core/secrets';
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
import { newUuid, sha256Hex, sleep } from '../platform/utilities';
import type { ReportDrive, ReportEnv, RunLogSink } from './ports';
import { DEFAULT_SETTINGS, parseStoredSettings, ReportsSettings } from './settings';
import type { RunState } from './state';
import { applyRetention, RUN_LOG_FORMATS, RUN_LOG_HEADER, RUN_LOG_SHEET, SheetCell, toSheetRow } from './runlog';
import { webhookRequest } from './webhook';

const WEBHOOK_URL_PROP = 'DATADESK_REPORTS_WEBHOOK_URL';
const SETTINGS_PROP = 'DATADESK_REPORTS_SETTINGS';
const RUN_PROP = 'DATADESK_REPORTS_RUN';
const SCHEDULED_PROP = 'DATADESK_REPORTS_SCHEDULED';

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

/** The run log's data rows (below the header), oldest first; [] when the sheet does not exist yet. */
export function readRunLog(): SheetCell[][] {
  return (sheetValues(RUN_LOG_SHEET) ?? []).slice(1) as SheetCell[][];
}

const sheetRunLog: RunLogSink = {
  append(rows, now) {
    const kept = applyRetention(readRunLog(), now);
    writeTable(RUN_LOG_SHEET, RUN_LOG_HEADER, RUN_LOG_FORMATS, [...kept, ...rows.map(toSheetRow)] as TableCell[][]);
  },
};

export function webhookUrl(): string {
  return scriptSecret(WEBHOOK_URL_PROP);
}

/** Posts `text` to the configured webhook; an error text when it was not delivered. */
function sendAlert(settings: ReportsSettings, text: string): string | null {
  const url = webhookUrl();
  if (!url) return 'webhook belum diatur / no webhook configured';
  try {
    const req = webhookRequest(settings.webhookFormat, url, text);
    const [r] = fetchAll([{ url: req.url, method: 'post', payload: req.payload }]);
    // The answer may quote the request (a stand-in, a proxy): masked like any other text made here.
    return r.code >= 200 && r.code < 300 ? null : maskSecrets(`HTTP ${r.code}: ${r.text.slice(0, 200)}`);
  } catch (e) {
    return errorMessage(e);
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

/** The last month the heartbeat started ("YYYY-MM", '' before the first). */
export function lastScheduledMonth(): string {
  return scriptProp(SCHEDULED_PROP);
}

export function setLastScheduledMonth(month: string): void {
  setScriptProp(SCHEDULED_PROP, month);
}

/** Runs `fn` holding the script lock briefly (claiming or starting a run), so two executions never both win. */
export function withRunLock<T>(fn: () => T): T {
  const r = withScriptLock(10_000, fn);
  if (!r.ran) {
    throw conflict({
      id: 'Laporan sedang diproses eksekusi lain; coba lagi.',
      en: 'Another execution is working on the report; try again.',
    });
  }
  return r.value;
}
