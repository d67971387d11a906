// Runtime-tier setup for the weekly reports: a runtime on the hand-made dataset, roles, DB settings, two folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { runSnippet, setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { NOW, WEEKLY_SETUP_SQL } from '../../server/loyalty/fixture';

export const ADMIN = 'admin@datadesk.local';
export const ANALYST = 'analis@datadesk.local';
export const ANALYST2 = 'analis2@datadesk.local';
export const OUTSIDER = 'tamu@datadesk.local';

export async function weeklyRuntime(): Promise<{ rt: Runtime; documentId: string; folderId: string; lockedId: string }> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-weekly-')) });
  rt.env.clock.offsetMs = NOW.getTime() - Date.now();
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: 'admin@datadesk.local' }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [ANALYST]: ['analyst'], [ANALYST2]: ['analyst'] }),
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  await database(rt.env).exec(WEEKLY_SETUP_SQL);
  const ids = await runSnippet<string[]>(
    rt,
    `var f = DriveApp.createFolder('Laporan Mingguan Loyalty'); f.addEditor(args.a); f.addEditor(args.b);
     var g = DriveApp.createFolder('Arsip Terkunci'); g.addViewer(args.a); g.addViewer(args.b); return [f.getId(), g.getId()];`,
    { a: ANALYST, b: ANALYST2 },
  );
  return { rt, documentId, folderId: ids[0], lockedId: ids[1] };
}
