// Runtime-tier setup for segments: a runtime with the demo spreadsheet, roles, DB settings, the loyalty fixture, a folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { runSnippet, setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../../src/server/segments/schema';
import { loadFixture, NOW } from '../../server/segments/fixture';

export const ANALYST = 'analis@datadesk.local';
export const OUTSIDER = 'tamu@datadesk.local';

export async function segmentsRuntime(): Promise<{ rt: Runtime; documentId: string; folderId: string }> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-seg-')) });
  rt.env.clock.offsetMs = NOW.getTime() - Date.now(); // the fixture's run day, whatever today is
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: 'admin@datadesk.local' }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ 'admin@datadesk.local': ['admin'], [ANALYST]: ['analyst'] }),
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  const db = database(rt.env);
  await db.exec(LOYALTY_DDL + LOYALTY_INDEXES);
  await loadFixture(db as unknown as Parameters<typeof loadFixture>[0]);
  const folderId = await runSnippet<string>(
    rt,
    `var f = DriveApp.createFolder('Segmen Kampanye'); f.addEditor(args.analyst);
    PropertiesService.getScriptProperties().setProperty('DATADESK_SEGMENTS_FOLDER', f.getId()); return f.getId();`,
    { analyst: ANALYST },
  );
  return { rt, documentId, folderId };
}
