// A marketplace world in a fresh runtime: the demo spreadsheet, roles, the database, the "Shopped Manual Export ›
// Tiktok" folder tree saved in the settings, and helpers to drop exports as the merchandiser and read what happened.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { runSnippet } from '../../../src/local/demo/script';
import { driveStore } from '../../../src/local/services/drive/store';
import { database } from '../../../src/local/services/jdbc/embedded';
import { outboxStore } from '../../../src/local/services/mail';
import { DEFAULT_SETTINGS, ReportType } from '../../../src/server/marketplace/settings';
import { exportRows, exportXlsx } from '../../../src/local/demo/marketplace-xlsx';
import { marketplaceWorld } from '../../../src/local/demo/marketplace';

export const ADMIN = 'admin@datadesk.local';
export const MERCH = 'merch@datadesk.local';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const type = (code: string): ReportType => DEFAULT_SETTINGS.reportTypes.find((t) => t.code === code)!;

export interface World {
  rt: Runtime;
  documentId: string;
  rootId: string;
  folder(name: string): string;
  /** Drops a file into a report type's folder (by its folder name) as `owner`; its id. */
  drop(folder: string, name: string, bytes: Uint8Array, owner?: string, mime?: string): string;
  /** Files (names) now in a folder under the root. */
  files(folder: string): string[];
  sql<T = Record<string, unknown>>(q: string): Promise<T[]>;
  sheet(name: string): Promise<unknown[][] | null>;
  mails(): Array<{ to: string[]; subject: string; body: string }>;
  close(): Promise<void>;
}

/** A Seller Center export of `code` for a period (daily rows for dated reports). */
export function exportOf(
  code: string,
  start: string,
  end: string,
  opts: { seed?: number; n?: number; scale?: number; textAmounts?: boolean } = {},
) {
  return exportXlsx(exportRows(type(code), { start, end }, { seed: opts.seed ?? 1, ...opts }));
}

export { exportXlsx };

/** The world's clock: mid-January 2027 WIB (the runtime's clock only moves forward, so a fixed future date). */
export const NOW = '2027-01-15T03:00:00Z';

export async function makeWorld(now = NOW): Promise<World> {
  // Long work: strict mode, the 6-minute limit on the projected Apps Script time.
  const { rt, documentId, rootId, folder } = await marketplaceWorld({
    stateDir: mkdtempSync(join(tmpdir(), 'dd-market-')),
    now,
    strict: true,
  });
  const drive = driveStore(rt.env);
  return {
    rt,
    documentId,
    rootId,
    folder,
    drop: (f, name, bytes, owner = MERCH, mime = XLSX) => drive.createFile(folder(f), name, bytes, mime, owner).id,
    files: (f) =>
      drive
        .children(folder(f), { kind: 'file', trashed: false })
        .map((x) => x.name)
        .sort(),
    sql: async (q) => (await database(rt.env).query(q)).rows as never,
    sheet: (name) =>
      runSnippet<unknown[][] | null>(
        rt,
        'var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args); return sh ? sh.getDataRange().getValues() : null;',
        name,
        documentId,
      ),
    mails: () => outboxStore(rt.env).list(),
    close: () => rt.env.close(),
  };
}
