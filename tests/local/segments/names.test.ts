// Names in segments, in the runtime: names with an apostrophe pass validation and stay bound parameters; names never
// carry bidi or zero-width characters into Drive or Sheets.
import { ok, rpcAs, type RpcArgs, type RpcName } from '../../support/rpc';
import type { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/store';
import { setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import type { SegmentRequest } from '../../../src/server/segments/request';
import { wabaRequest } from '../../server/segments/fixture';
import { ANALYST, segmentsRuntime } from './fixture';

jest.setTimeout(180_000);
const ADMIN = 'admin@datadesk.local';
const OTHER = 'analis2@datadesk.local';
let rt: Runtime;
let folderId: string;
beforeAll(async () => {
  ({ rt, folderId } = await segmentsRuntime());
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [ANALYST]: ['analyst'], [OTHER]: ['analyst'] }),
    DATADESK_DB_URL: DEMO_DB.url,
  });
});
afterAll(async () => {
  await rt.close();
});

const rpc = <K extends RpcName>(fn: K, args: RpcArgs<K>, user = ANALYST) => rpcAs(rt, { user }, fn, ...args);
const request = (patch: (r: SegmentRequest) => void = () => undefined): SegmentRequest => {
  const r = wabaRequest();
  r.delivery.folderId = folderId;
  patch(r);
  return r;
};
const filesIn = (id: string) =>
  driveStore(rt.env)
    .children(id, { kind: 'file', trashed: false })
    .map((f) => f.name);

describe('names with an apostrophe (Kota D’Uji, O’Neil, Jum’at)', () => {
  it('are selectable as criteria and usable as segment and campaign names, and stay bound parameters', async () => {
    const db = database(rt.env);
    await db.query(`INSERT INTO loyalty.cities VALUES ('Kota D''Uji', 'Banten')`);
    await db.query(`UPDATE loyalty.members SET domicile_city = 'Kota D''Uji' WHERE domicile_city = 'Serang'`);
    const base = request((r) => {
      r.name = "Promo Jum'at O'Neil";
      r.campaign = "Jum'at Berkah";
    });
    const serang = ok(await rpc('segments_preview', [request()]));
    // Typed with a typographic apostrophe, as a phone keyboard does: the same city.
    const uji = ok(await rpc('segments_preview', [{ ...base, criteria: { ...base.criteria, cities: ['Kota D’Uji', 'Bogor'] } }]));
    expect(uji.counts.found).toBeGreaterThan(0);
    expect(uji.counts.found).toBeGreaterThan(serang.counts.found);
    const run = ok(await rpc('segments_run', [{ ...base, criteria: { ...base.criteria, cities: ["Kota D'Uji", 'Bogor'] } }]));
    expect(run.file.name).toMatch(/^Promo Jum'at O'Neil \d{4}-\d\d-\d\d \d{4}\.csv$/);
    // The tables are intact: the apostrophe was data, never SQL.
    const n = await db.query<{ n: number }>(`SELECT count(*) AS n FROM loyalty.cities WHERE city = 'Kota D''Uji'`);
    expect(Number(n.rows[0].n)).toBe(1);
  });
});

describe('names DataDesk creates', () => {
  it('a segment named with U+202E and zero-width characters gets a file and sheet name without them', async () => {
    const run = ok(
      await rpc('segments_run', [
        request((r) => {
          r.name = 'Blast \u202Evsc.exe\u200b';
          r.campaign = 'Opening NEKA 2';
        }),
      ]),
    );
    for (const name of [run.file.name, run.metadata.name, run.sheet]) expect(name).not.toMatch(/[\u200b-\u200f\u202a-\u202e]/);
    expect(run.file.name).toMatch(/^Blast vsc\.exe \d{4}-\d\d-\d\d \d{4}\.csv$/);
    expect(filesIn(folderId)).toContain(run.file.name);
  });
});
