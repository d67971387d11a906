// Golden SQL: the compiled statement set for the WABA request, per dialect, with its bound values.
// Regenerate after an intended change with GOLDEN_UPDATE=1 and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSegment } from '../../../src/server/segments/compile';
import { bigquery, Dialect, postgres } from '../../../src/server/segments/dialect';
import { resolveDates } from '../../../src/server/segments/period';
import { NOW, wabaRequest } from './fixture';

function render(d: Dialect): string {
  const r = wabaRequest();
  r.cap = 10000;
  r.splitByGender = true;
  r.criteria.childAge = { min: 3, max: 10 };
  r.criteria.payment = { methods: ['Kredivo'], areas: ['Jabar'] };
  const c = compileSegment(r, resolveDates(r, NOW), d);
  const stmts = [
    ['preview', c.preview],
    ...c.materialise.map((s, i) => [`materialise ${i + 1}`, s] as const),
    ['counts', c.counts],
    ['rows', c.rows],
    ...c.record('LIST-1', 'analis@datadesk.local', NOW.toISOString(), 3).map((s, i) => [`record ${i + 1}`, s] as const),
  ] as const;
  return stmts.map(([name, s]) => `-- ${name}\n${s.sql};\n-- params: ${JSON.stringify(s.params)}\n`).join('\n');
}

describe.each([
  ['postgresql', postgres],
  ['bigquery', bigquery()],
] as const)('golden SQL (%s)', (name, d) => {
  it('matches the reviewed statement set', () => {
    const file = join(__dirname, 'golden', `waba.${name}.sql`);
    const text = render(d);
    if (process.env.GOLDEN_UPDATE || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});

describe('values are bound, never pasted', () => {
  it('every ? has its value; no request value appears in the SQL', () => {
    const r = wabaRequest();
    r.name = 'Robert"); DROP TABLE x; --';
    r.campaign = "O'Brien Campaign";
    r.criteria.tiers = ['Gold'];
    r.criteria.minCoinsAbove = 987654;
    r.criteria.voucherNotRedeemed = { program: 'PTFP', from: '2026-01-01', to: '2026-02-01' };
    const c = compileSegment(r, resolveDates(r, NOW), postgres);
    for (const s of [c.preview, ...c.materialise, c.counts, c.rows, ...c.record('L', 'u@x', NOW.toISOString(), 1)]) {
      expect((s.sql.match(/\?/g) ?? []).length).toBe(s.params.length);
      for (const v of ['Robert', "O'Brien", 'Serang', 'Bogor', 'AZKO', '987654', 'PTFP', '2026-01-01', 'Gold'])
        expect(s.sql).not.toContain(v);
    }
    expect(c.preview.params).toEqual(expect.arrayContaining(['AZKO', 'Serang', 'Bogor', "O'Brien Campaign", 987654, 'PTFP']));
  });
});
