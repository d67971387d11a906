// A state folder from before Drive had users: after conversion every file belongs to whoever made it and is shared
// with nobody, so the workbench shares the demo's files again as its users would have (src/local/demo/sharing.ts).
import { mkdtempSync } from 'node:fs';
import { writeLegacyDrive } from '../services/drive/legacy';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { driveStore } from '../../../src/local/services/drive/store';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { reshareConvertedDemo } from '../../../src/local/demo/sharing';
import { DEMO_APP_USERS } from '../../../src/local/demo/types';

jest.setTimeout(60_000);

it('shares the demo spreadsheet with its users and the audit folders with the auditors, once', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dd-reshare-'));
  writeLegacyDrive(d, '0Aroot', [['1audit', 'Audit', 'folder', '0Aroot', 'admin@datadesk.local']]);
  const rt = new Runtime({ stateDir: d });
  const drive = driveStore(rt.env);
  expect(drive.migratedFromShared).toBe(true);
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: 'admin@datadesk.local', sharing: {} }).id;
  const notes = await reshareConvertedDemo(rt, { documentId, users: DEMO_APP_USERS, notes: [], seededAt: '', seeders: {} });
  expect(drive.get(documentId)!.editors.sort()).toEqual(
    DEMO_APP_USERS.slice(1)
      .map((u) => u.email)
      .sort(),
  );
  expect(drive.get('1audit')!.viewers).toEqual(['auditor@datadesk.local']);
  expect(drive.canRead('auditor@datadesk.local', '1audit')).toBe(true);
  expect(drive.canRead('analis@datadesk.local', '1audit')).toBe(false);
  // without the budget's tables nothing else is shared, and it says so
  expect(notes.join(' ')).toMatch(/budget folders not re-shared/);
  expect(drive.migratedFromShared).toBe(false);
  await rt.close();
});
