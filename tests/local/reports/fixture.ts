// A reports world in a fresh runtime: demo spreadsheet, roles, database, the seeded DC data and folders, the stand-in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Runtime } from '../../../src/local/runtime/runtime';
import { setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { seedReports, DC_BUSINESS_UNITS } from '../../../src/local/demo/reports';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { driveStore } from '../../../src/local/services/drive/store';
import { startWebhookStandin, WebhookStandin } from '../../../src/local/standins/webhooks';

export const ADMIN = 'admin@datadesk.local';
export const AUDITOR = 'auditor@datadesk.local';

export interface World {
  rt: Runtime;
  hooks: WebhookStandin;
  documentId: string;
  folders: Record<string, string>;
  close(): Promise<void>;
}

/** Seeds `rows` order lines per month for the month before and the month of `now`. */
export async function makeWorld(now: string, rows = 300): Promise<World> {
  const hooks = await startWebhookStandin();
  // Long work: strict mode, the 6-minute limit on the projected Apps Script time.
  const rt = new Runtime({
    stateDir: mkdtempSync(join(tmpdir(), 'dd-reports-')),
    settings: { webhooksUrl: hooks.url },
    strict: true,
  });
  rt.env.clock.advanceTo(new Date(now));
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: ADMIN }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [AUDITOR]: ['auditor'] }),
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  // the seeded run installs the admin's hourly heartbeat in the document, as a run from the sidebar does
  await seedReports(rt, { documentId, seed: 1, scale: rows });
  const drive = driveStore(rt.env);
  const root = drive.ensureFolderPath('Audit/DC Orders', ADMIN);
  const folders = Object.fromEntries(
    DC_BUSINESS_UNITS.map(([bu]) => [
      bu,
      drive.children(root.id, { kind: 'folder', trashed: false }).find((f) => f.name === bu)!.id,
    ]),
  );
  return {
    rt,
    hooks,
    documentId,
    folders,
    close: async () => {
      await hooks.close();
      await rt.env.close();
    },
  };
}

/** Untrashed file names per BU folder: what an auditor sees. */
export function folderView(w: World): Record<string, string[]> {
  const drive = driveStore(w.rt.env);
  return Object.fromEntries(
    Object.entries(w.folders).map(([bu, id]) => [
      bu,
      drive
        .children(id, { kind: 'file', trashed: false })
        .map((f) => f.name)
        .sort(),
    ]),
  );
}

/** Every item of every BU folder with its trashed flag and size (to prove "left exactly as they were"). */
export function folderDeepView(w: World): unknown {
  const drive = driveStore(w.rt.env);
  return Object.fromEntries(
    Object.entries(w.folders).map(([bu, id]) => [
      bu,
      drive
        .children(id, { kind: 'file', trashed: true })
        .map((f) => [f.id, f.name, f.trashed, f.size])
        .sort(),
    ]),
  );
}

/** Reads a Drive file with exceljs (the independent reader): data rows as arrays of cell values. */
export async function readXlsx(
  w: World,
  fileId: string,
): Promise<{ header: unknown[]; rows: unknown[][]; frozen: boolean; numFmts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(driveStore(w.rt.env).readBytes(fileId)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  ws.eachRow((r, i) => {
    if (i > 1) rows.push(Array.from({ length: header.length }, (_, c) => r.getCell(c + 1).value));
  });
  const numFmts = header.map((_, c) => ws.getRow(2).getCell(c + 1).numFmt ?? '');
  return { header, rows, frozen: ws.views[0]?.state === 'frozen', numFmts };
}

export function fileInFolder(w: World, bu: string, name: string): string {
  const f = driveStore(w.rt.env)
    .children(w.folders[bu], { kind: 'file', trashed: false })
    .find((x) => x.name === name);
  if (!f) throw new Error(`no ${name} in ${bu}`);
  return f.id;
}
