// The budget's sheet and mail edges: "Tulis ke sheet" in one setValues with text kept as text, allocation from the
// selected block, configuration imported from a sheet, and the approvers' digest at most once a day.
import { budgetWorld, BudgetWorld, U, ADMIN, CONFIG } from './fixture';
import { outcomeOf } from '../../support/rpc';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { outboxStore } from '../../../src/local/services/mail/index';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';

jest.setTimeout(180_000);

let w: BudgetWorld;
let doc = '';
const FORMULA_NAME = '=IMPORTXML("http://evil.example","//a")';

/** Runs Apps Script source as `user` in the demo spreadsheet. */
async function script<T>(user: string, body: string, args: unknown = null): Promise<T> {
  const r = await w.rt.execute({ fn: '__t', args: [args], user, documentId: doc, script: `function __t(args) {\n${body}\n}` });
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

beforeAll(async () => {
  w = await budgetWorld('dd-budget-sheet-');
  doc = getSpreadsheetStore(w.rt.env).create('Budget test', { owner: ADMIN }).id;
  await w.rt.env.flush();
  w.rt.setDefaultDocumentId(doc);
});
afterAll(async () => w.rt.close());

it('imports the configuration from a sheet (validated whole) and refuses a bad one without changing anything', async () => {
  const rows = [
    ['Jenis', 'Kode / email', 'Level / nama', 'Nama / peran', 'Induk / node'],
    ...CONFIG.nodes.map((n) => ['NODE', n.id, n.level, n.id === 'C2' ? FORMULA_NAME : n.name, n.parentId ?? '']),
    ...CONFIG.users.map((u) => ['USER', u.email, u.name, u.role, u.nodeId]),
    ...CONFIG.pointTypes.map((p) => ['POINT', p.code, p.name, 'aktif', '']),
  ];
  await script(
    ADMIN,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Konfigurasi Anggaran'); var r = sh.getRange(1, 1, args.length, 5); r.setNumberFormat('@'); r.setValues(args);`,
    rows,
  );
  const r = await w.ok(ADMIN, 'budget_importConfig', 'Konfigurasi Anggaran');
  expect(r).toMatchObject({ nodes: 12, users: 9 });
  const bad = [...rows, ['USER', 'x@t.id', 'X', 'KING', 'A1']];
  await script(
    ADMIN,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Salah'); var r = sh.getRange(1, 1, args.length, 5); r.setNumberFormat('@'); r.setValues(args);`,
    bad,
  );
  const o = await w.as(ADMIN, 'budget_importConfig', 'Salah');
  expect(o.message).toMatch(/peran "KING"/);
  expect((await w.ok(ADMIN, 'budget_getConfig')).users).toHaveLength(9);
  expect((await w.as(U.area, 'budget_importConfig', 'Konfigurasi Anggaran')).code).toBe('FORBIDDEN');
});

it('sets allocations from the block the Area user selected in the sheet', async () => {
  await script(
    U.area,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Alokasi'); var r = sh.getRange(1, 1, 3, 3);
    r.setNumberFormat('@'); r.setValues(args); r.activate();`,
    [
      ['Cluster', 'Bulan', 'Jumlah'],
      ['C1', '2030-11', '2.000.000'],
      ['C2', '2030-11', '3.000.000'],
    ],
  );
  const r = await w.ok(U.area, 'budget_setAllocationSelection');
  expect(r).toEqual({ saved: 2, total: 5_000_000 });
});

it('writes the dashboard into a sheet in one setValues; a formula-looking name stays text', async () => {
  const o = await w.as(U.area, 'budget_dashboardToSheet', 'B1', '2030-11');
  expect(o.ok).toBe(true);
  expect(o.counts['Range.setValues']).toBe(1);
  const read = await script<{ values: unknown[][]; formulas: string[][] }>(
    U.area,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args);
    var r = sh.getDataRange(); return { values: r.getValues(), formulas: r.getFormulas() };`,
    o.value.sheetName,
  );
  const row = read.values.findIndex((r) => r[0] === 'C2');
  expect(read.values[row][1]).toBe(FORMULA_NAME);
  expect(read.formulas[row][1]).toBe('');
  expect(read.values[row][2]).toBe(3_000_000); // money stays a number (formatted as Rupiah)
  // the user is shown the sheet: activated, its columns fitted to their content
  expect([o.counts['Sheet.activate'], o.counts['Sheet.autoResizeColumns']]).toEqual([1, 1]);
  const active = await script<string>(U.area, `return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();`, null);
  expect(active).toBe(o.value.sheetName);
});

it('mails each approver at most one digest a day, only when evidence waits beneath them', async () => {
  await w.ok(
    U.cluster,
    'budget_submitEvidence',
    { clusterId: 'C1', month: '2030-11', pointType: 'SF', description: 'Insentif', amount: 50_000, date: '2030-11-19' },
    [{ name: 'n.png', data: Buffer.from(receiptPng(99)).toString('base64') }],
  );
  const outbox = outboxStore(w.rt.env);
  const before = outbox.list().length;
  // the budget admin (who set the folders up) owns the digests: their own hourly trigger sends them, from them
  const beat = async () => outcomeOf(await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid));
  const hb = await beat();
  expect(hb.ok).toBe(true);
  const sent = outbox.list().slice(before);
  const digests = sent.filter((m) => /menunggu persetujuan/.test(m.subject));
  const to = digests.flatMap((m) => m.to).sort();
  expect(to).toEqual([U.branch, U.mcot, U.region].sort()); // region2 has nothing waiting; GM SBP and Area do not approve
  // GM SBP gets the read-only summary of the new item instead (yearview.test.ts covers it)
  expect(sent.filter((m) => !digests.includes(m)).map((m) => [m.to, m.subject])).toEqual([
    [[U.gm], expect.stringMatching(/ringkasan harian, 1 bukti baru/)],
  ]);
  expect(sent.every((m) => m.from === ADMIN)).toBe(true);
  await beat();
  expect(outbox.list().length).toBe(before + 4);
  w.rt.env.clock.advanceTo(new Date(w.rt.env.clock.now().getTime() + 86_400_000));
  await beat();
  // the item still waits: the approvers again; nothing new for GM SBP
  expect(outbox.list().length).toBe(before + 7);
});

it('runs the migrations from the menu (admins only) and says what it did', async () => {
  const seen: string[] = [];
  w.rt.env.uiResponder = async (req) => {
    seen.push(`${req.user}: ${req.message}`);
    return { button: 'OK' };
  };
  try {
    const ok = await w.rt.execute({ fn: 'budgetRunMigrations', kind: 'menu', user: ADMIN, documentId: doc });
    expect(ok.ok).toBe(true);
    const denied = await w.rt.execute({ fn: 'budgetRunMigrations', kind: 'menu', user: U.area, documentId: doc });
    expect(denied.ok).toBe(true); // the refusal is shown, not thrown
    expect(seen[0]).toMatch(/Skema sudah terbaru \(versi 5\)\. Tidak ada yang diubah\./);
    expect(seen[1]).toMatch(/area@t\.id bukan admin DataDesk/);
  } finally {
    w.rt.env.uiResponder = null;
  }
});
