// Runtime-tier setup for segments: a runtime with the demo spreadsheet, roles, DB settings, the loyalty fixture, a folder;
// and the helpers the runtime tests share (calls as an analyst, the WABA request aimed at the folder, a folder's files).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { runSnippet, setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../../src/server/segments/schema';
import { loadFixture, NOW, wabaRequest } from '../../server/segments/fixture';
import { rpcAs, type RpcArgs, type RpcName } from '../../support/rpc';
import { driveStore } from '../../../src/local/services/drive/store';
import type { SegmentRequest } from '../../../src/server/segments/request';

export const ANALYST = 'analis@datadesk.local';
export const OUTSIDER = 'tamu@datadesk.local';
/** A second analyst (ownership and sharing between analysts). */
export const ANALYST2 = 'analis2@datadesk.local';
export const ADMIN = 'admin@datadesk.local';

/** A fresh runtime as above; `analysts` beyond ANALYST get the analyst role too. */
export async function segmentsRuntime(analysts: string[] = []): Promise<{ rt: Runtime; documentId: string; folderId: string }> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-seg-')) });
  rt.env.clock.offsetMs = NOW.getTime() - Date.now(); // the fixture's run day, whatever today is
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: 'admin@datadesk.local' }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({
      [ADMIN]: ['admin'],
      ...Object.fromEntries([ANALYST, ...analysts].map((a) => [a, ['analyst']])),
    }),
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

/** The file's runtime (started before its tests, closed after them) and the calls its tests make. */
export function segmentsWorld(analysts: string[] = []) {
  const s = {} as { rt: Runtime; folderId: string };
  beforeAll(async () => {
    ({ rt: s.rt, folderId: s.folderId } = await segmentsRuntime(analysts));
  });
  afterAll(async () => {
    await s.rt.close();
  });
  return {
    get rt(): Runtime {
      return s.rt;
    },
    get folderId(): string {
      return s.folderId;
    },
    /** Calls `fn` as `user` (the analyst unless said). */
    rpc: <K extends RpcName>(fn: K, args: RpcArgs<K>, user = ANALYST) => rpcAs(s.rt, { user }, fn, ...args),
    /** The WABA request, delivered to the segments folder, changed by `patch`. */
    request: (patch: (r: SegmentRequest) => void = () => undefined): SegmentRequest => {
      const r = wabaRequest();
      r.delivery.folderId = s.folderId;
      patch(r);
      return r;
    },
    /** The names of the files in folder `id` (not trashed). */
    filesIn: (id: string) =>
      driveStore(s.rt.env)
        .children(id, { kind: 'file', trashed: false })
        .map((f) => f.name),
  };
}
