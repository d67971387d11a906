// A state folder from before Drive had users: after conversion every file belongs to whoever made it and is shared
// with nobody, so the workbench shares the demo's files again as its users would have (src/local/demo/sharing.ts).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
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
  mkdirSync(join(d, 'drive', 'files'), { recursive: true });
  const folder = (id: string, name: string, parents: string[]) => ({
    id,
    kind: 'folder',
    name,
    mimeType: 'application/vnd.google-apps.folder',
    parents,
    owner: id === '0Aroot' ? '' : 'admin@datadesk.local',
    editors: [],
    trashed: false,
    created: 1,
    updated: 1,
    size: 0,
    description: null,
    writable: true,
    seq: 1,
  });
  writeFileSync(
    join(d, 'drive', 'index.json'),
    JSON.stringify({
      rootId: '0Aroot',
      seq: 2,
      items: { '0Aroot': folder('0Aroot', 'My Drive', []), '1audit': folder('1audit', 'Audit', ['0Aroot']) },
    }),
  );
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
