// Wires the report run to Apps Script through platform/: Drive, Jdbc, Utilities, UrlFetch, the log sheet.
import type { Deadline } from '../core/deadline';
import { openDb } from '../platform/db';
import {
  createFileFromBytes,
  createRootFolder,
  fileSha256,
  fileUrl,
  folderState,
  listFolderFiles,
  moveFileTo,
  setFileTrashed,
  sha256OfBytes,
  trashFolderById,
} from '../platform/drive-folders';
import { fetchAll } from '../platform/http';
import { readTable, writeTable } from '../platform/sheet-table';
import { scriptProp } from '../platform/props';
import type { ReportDrive, ReportEnv, RunLogSink } from './ports';
import type { ReportsSettings } from './settings';
import { applyRetention, RUN_LOG_FORMATS, RUN_LOG_HEADER, RUN_LOG_SHEET, toSheetRow } from './runlog';
import { webhookRequest } from './webhook';

export const WEBHOOK_URL_PROP = 'DATADESK_REPORTS_WEBHOOK_URL';

export const appsScriptDrive: ReportDrive = {
  folder: folderState,
  createFolder: createRootFolder,
  createFile: (folderId, name, bytes, mime) => ({ ...createFileFromBytes(folderId, name, mime, bytes), size: bytes.length }),
  fileSha256,
  listFiles: listFolderFiles,
  moveFile: moveFileTo,
  setTrashed: setFileTrashed,
  trashFolder: trashFolderById,
  fileUrl,
};

export const sheetRunLog: RunLogSink = {
  append(rows, now) {
    const kept = applyRetention(readTable(RUN_LOG_SHEET) as Array<Array<string | number | Date>>, now);
    writeTable(RUN_LOG_SHEET, RUN_LOG_HEADER, RUN_LOG_FORMATS, [...kept, ...rows.map(toSheetRow)]);
  },
};

/** Posts `text` to the configured webhook; an error text when it was not delivered. */
export function sendAlert(settings: ReportsSettings, text: string): string | null {
  const url = scriptProp(WEBHOOK_URL_PROP);
  if (!url) return 'webhook belum diatur / no webhook configured';
  try {
    const req = webhookRequest(settings.webhookFormat, url, text);
    const [r] = fetchAll([{ url: req.url, method: 'post', payload: req.payload }]);
    return r.code >= 200 && r.code < 300 ? null : `HTTP ${r.code}: ${r.text.slice(0, 200)}`;
  } catch (e) {
    return (e as Error)?.message ?? String(e);
  }
}

export function reportEnv(settings: ReportsSettings, deadline: Deadline): ReportEnv {
  return {
    openDb,
    drive: appsScriptDrive,
    sha256Hex: sha256OfBytes,
    alert: (text) => sendAlert(settings, text),
    log: sheetRunLog,
    now: () => Date.now(),
    sleep: (ms) => Utilities.sleep(ms),
    remainingMs: () => deadline.remainingMs(),
    newId: () => Utilities.getUuid().replace(/-/g, '').slice(0, 10),
  };
}
