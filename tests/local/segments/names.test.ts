// Names in segments, in the runtime: names with an apostrophe pass validation and stay bound parameters; names never
// carry bidi or zero-width characters into Drive or Sheets.
import { ok } from '../../support/rpc';
import type { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { ANALYST2 as OTHER, segmentsWorld } from './fixture';

jest.setTimeout(180_000);
const w = segmentsWorld([OTHER]);
const { rpc, request, filesIn } = w;
let rt: Runtime;
let folderId: string;
beforeAll(() => {
  ({ rt, folderId } = w);
});
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
