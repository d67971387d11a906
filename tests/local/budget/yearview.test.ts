// The year view (numbers against a hand-computed fixture, scope, the sheet in the user's language), the pending list
// cut to each cluster's 10 newest with the rest counted (sidebar and digest), GM SBP's read-only summary (only in
// scope, once a day), a cluster's "Keputusan terbaru" and its opt-in daily digest.
import { budgetWorld, BudgetWorld, U, ADMIN, CONFIG } from './fixture';
import { outcomeOf } from '../../support/rpc';
import { outboxStore } from '../../../src/local/services/mail/index';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { database } from '../../../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';

jest.setTimeout(240_000);

let w: BudgetWorld;
const GM_OUT = 'gm.jatim@t.id'; // GM SBP of the other area: nothing of Jabotabek reaches them
const HOUR = 3_600_000;

const sql = (text: string, params: unknown[] = []) => database(w.rt.env).query(text, params as never[]);
const now = () => w.rt.env.clock.now();
const ago = (ms: number) => new Date(now().getTime() - ms).toISOString();

/** An evidence row as the add-on writes it (decided ones with who and when), bypassing receipts. */
async function evidence(
  cluster: string,
  month: string,
  amount: number,
  status: 'pending' | 'approved' | 'rejected',
  opts: { submittedAt?: string; decidedAt?: string; reason?: string; description?: string } = {},
): Promise<number> {
  const r = await sql(
    `INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, status, submitted_by, submitted_at, decided_by, decided_at, reason)
     VALUES ($1, $2, 'OUTLET', $3, $4, ($2 || '-10')::date, $5, 'sbp@t.id', $6, $7, $8, $9) RETURNING id`,
    [
      cluster,
      month,
      opts.description ?? `Bukti ${cluster} ${month}`,
      amount,
      status,
      opts.submittedAt ?? ago(30 * 86_400_000),
      status === 'pending' ? null : U.region,
      status === 'pending' ? null : (opts.decidedAt ?? ago(30 * 86_400_000)),
      opts.reason ?? null,
    ],
  );
  return Number((r.rows[0] as { id: string }).id);
}

const beat = async () => outcomeOf(await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid));
const mailsTo = (email: string, from = 0) =>
  outboxStore(w.rt.env)
    .list()
    .slice(from)
    .filter((m) => m.to.includes(email));

beforeAll(async () => {
  w = await budgetWorld('dd-budget-year-');
  await w.ok(ADMIN, 'budget_saveConfig', {
    ...CONFIG,
    users: [...CONFIG.users, { email: GM_OUT, name: 'GM Jatim', role: 'GM_SBP', nodeId: 'A2' }],
  });
  // the year 2030 of Jabotabek (A1: C1, C2 under R1; C3 under R2) and of Jatim (C4), by hand:
  await sql(
    `INSERT INTO budget.allocation (cluster_id, month, amount, updated_by, updated_at) VALUES
       ('C1', '2030-01', 1000000, 'a', now()), ('C2', '2030-01', 2000000, 'a', now()), ('C3', '2030-03', 500000, 'a', now()),
       ('C4', '2030-01', 9999999, 'a', now()), ('C1', '2029-12', 7777777, 'a', now()), ('C1', '2031-01', 6666666, 'a', now())`,
  );
  await sql(
    `INSERT INTO budget.recommendation (cluster_id, month, point_type, amount, updated_by, updated_at) VALUES
       ('C1', '2030-01', 'OUTLET', 400000, 'r', now()), ('C1', '2030-01', 'SF', 100000, 'r', now()), ('C4', '2030-01', 'SF', 5555, 'r', now())`,
  );
  await evidence('C1', '2030-01', 300_000, 'approved');
  await evidence('C1', '2030-01', 50_000, 'pending');
  await evidence('C1', '2030-01', 70_000, 'rejected', { reason: 'nota buram' });
  await evidence('C3', '2030-03', 200_000, 'approved');
  await evidence('C4', '2030-01', 1_000, 'approved');
  await evidence('C1', '2029-12', 123_000, 'approved');
  // budget requests: one waiting (C1), one approved for less than asked (C2), one rejected (not counted), one in Jatim
  await sql(
    `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, approved_amount) VALUES
       ('C1', '2030-01', 'submitted', 250000, 'Promo imlek', 'c', now(), NULL),
       ('C2', '2030-01', 'approved', 400000, 'Pameran', 'c', now(), 350000),
       ('C1', '2030-02', 'rejected', 99000, 'Banner', 'c', now(), NULL),
       ('C4', '2030-01', 'submitted', 11, 'Uji', 'c', now(), NULL)`,
  );
});
afterAll(async () => w.rt.close());

describe('year view', () => {
  it('sums the 12 calendar months beneath any node in one statement (numbers computed by hand)', async () => {
    const o = await w.as(U.area, 'budget_yearView', null, 2030);
    expect(o.ok).toBe(true);
    expect(BudgetWorld.statements(o.counts)).toBe(2); // the caller, then the year
    const v = o.value;
    expect(v.node).toEqual({ id: 'A1', name: 'Jabotabek', level: 'AREA' });
    expect(v.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`));
    expect(v.months[0]).toEqual({
      month: '2030-01',
      allocation: 3_000_000,
      recommendation: 500_000,
      approved: 300_000,
      pending: 50_000,
      requested: 250_000,
      granted: 350_000,
    });
    const none = { requested: 0, granted: 0 }; // February's request was rejected: not counted
    expect(v.months[1]).toEqual({ month: '2030-02', allocation: 0, recommendation: 0, approved: 0, pending: 0, ...none });
    expect(v.months[2]).toEqual({
      month: '2030-03',
      allocation: 500_000,
      recommendation: 0,
      approved: 200_000,
      pending: 0,
      ...none,
    });
    const asked = { requested: 250_000, granted: 350_000 };
    expect(v.totals).toEqual({ allocation: 3_500_000, recommendation: 500_000, approved: 500_000, pending: 50_000, ...asked });
    // a region sees its own clusters; the area drills down to a branch or a cluster
    const r1 = await w.ok(U.region, 'budget_yearView', null, '2030');
    expect(r1.totals).toEqual({ allocation: 3_000_000, recommendation: 500_000, approved: 300_000, pending: 50_000, ...asked });
    const c3 = await w.ok(U.area, 'budget_yearView', 'C3', 2030);
    expect(c3.totals).toEqual({ allocation: 500_000, recommendation: 0, approved: 200_000, pending: 0, ...none });
    const jatim = await w.ok(U.area2, 'budget_yearView', null, 2030);
    expect(jatim.totals).toEqual({
      allocation: 9_999_999,
      recommendation: 5555,
      approved: 1000,
      pending: 0,
      requested: 11,
      granted: 0,
    });
    // the year defaults to this year in WIB
    expect((await w.ok(U.area, 'budget_yearView', null, null)).year).toBe(2030);
  });

  it('refuses another scope and a year that is not one, changing nothing', async () => {
    expect((await w.as(U.region2, 'budget_yearView', 'R1', 2030)).code).toBe('FORBIDDEN');
    expect((await w.as(U.stranger, 'budget_yearView', null, 2030)).code).toBe('FORBIDDEN');
    const bad = await w.as(U.area, 'budget_yearView', null, '20300');
    expect(bad.code).toBe('INVALID');
    expect(bad.message).toMatch(/Tahun "20300" tidak dikenali.*antara 2000 dan 2100/);
    expect((await w.as(U.area, 'budget_yearView', null, 'dua')).code).toBe('INVALID');
  });

  it('writes the year to a sheet in the user’s language: activated, fitted, Rupiah, one setValues', async () => {
    const doc = getSpreadsheetStore(w.rt.env).create('Tahun', { owner: ADMIN }).id;
    await w.rt.env.flush();
    w.rt.setDefaultDocumentId(doc);
    await w.ok(U.area, 'app_setLanguage', 'en', null);
    const o = await w.as(U.area, 'budget_yearViewToSheet', 'R1', 2030);
    expect(o.ok).toBe(true);
    expect(o.value).toEqual({ sheetName: 'Budget R1 year 2030', rows: 14 });
    expect([o.counts['Range.setValues'], o.counts['Sheet.activate'], o.counts['Sheet.autoResizeColumns']]).toEqual([1, 1, 1]);
    const r = await w.rt.execute({
      fn: '__t',
      args: [o.value.sheetName],
      user: U.area,
      documentId: doc,
      script: `function __t(n) { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(n); var r = sh.getDataRange();
        return { values: r.getValues(), formats: r.getNumberFormats(), active: SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName() }; }`,
    });
    const got = r.value as { values: unknown[][]; formats: string[][]; active: string };
    expect(got.active).toBe('Budget R1 year 2030');
    expect(got.values[0]).toEqual([
      'Month',
      'Allocation',
      'Recommendation',
      'Realisation (approved)',
      'Waiting',
      'Requests waiting',
      'Requests approved',
      'Allocation left',
      '% used',
    ]);
    expect(got.values[1]).toEqual(['January 2030', 3_000_000, 500_000, 300_000, 50_000, 250_000, 350_000, 2_700_000, 0.1]);
    expect(got.values[13]).toEqual(['TOTAL Jakarta 2030', 3_000_000, 500_000, 300_000, 50_000, 250_000, 350_000, 2_700_000, 0.1]);
    expect(got.formats[1][1]).toMatch(/Rp/);
    expect(got.formats[1][6]).toMatch(/Rp/);
    expect(got.formats[1][8]).toBe('0.0%');
    await w.ok(U.area, 'app_setLanguage', 'id', null);
    const id = await w.ok(U.area, 'budget_yearViewToSheet', 'R1', 2030);
    expect(id.sheetName).toBe('Anggaran R1 tahun 2030');
  });
});

describe('newest pending items per cluster', () => {
  const c1: number[] = [];
  beforeAll(async () => {
    // 13 pending in C1 (one a minute), then 2 in C2 (newer), 1 in C3: all within the last day
    for (let i = 0; i < 13; i++)
      c1.push(await evidence('C1', '2030-11', 10_000 + i, 'pending', { submittedAt: ago(5 * HOUR - i * 60_000) }));
    await evidence('C2', '2030-11', 20_000, 'pending', { submittedAt: ago(2 * HOUR) });
    await evidence('C2', '2030-11', 21_000, 'pending', { submittedAt: ago(HOUR) });
    await evidence('C3', '2030-11', 30_000, 'pending', { submittedAt: ago(3 * HOUR) });
  });

  it('shows each cluster’s 10 newest pending items, the rest counted, the newest cluster first', async () => {
    const o = await w.as(U.region, 'budget_pendingByCluster', '2030-11', 0);
    expect(BudgetWorld.statements(o.counts)).toBe(2);
    const r = o.value;
    expect(r.clusters).toBe(2);
    expect(r.groups.map((g) => [g.clusterId, g.count, g.items.length, g.more])).toEqual([
      ['C2', 2, 2, 0],
      ['C1', 13, 10, 3],
    ]);
    expect(r.groups[1].items.map((i) => i.id)).toEqual([...c1].reverse().slice(0, 10));
    expect(r.groups[1].amount).toBe(13 * 10_000 + 78);
    expect(r.groups[1].items[0].allocation).toBeNull(); // the card's figures come along (no allocation for 2030-11)
    // every month: the January item of C1 joins C1's count
    const all = await w.ok(U.region, 'budget_pendingByCluster', '', 0);
    expect(all.groups.find((g) => g.clusterId === 'C1')).toMatchObject({ count: 14, more: 4 });
    // another region sees only its own cluster; a cluster user sees its own
    const r2 = await w.ok(U.region2, 'budget_pendingByCluster', '2030-11', 0);
    expect(r2.groups.map((g) => g.clusterId)).toEqual(['C3']);
    expect((await w.as(U.region, 'budget_pendingByCluster', '2030-13', 0)).code).toBe('INVALID');
  });

  it('mails approvers the same cut, and GM SBP a read-only summary of new evidence in scope only', async () => {
    // a budget request sent two hours ago in C2 joins GM's summary; Jatim's (C4) does not
    await sql(
      `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at) VALUES
         ('C2', '2030-12', 'submitted', 123000, 'Promo akhir tahun', 'c', $1, $1), ('C4', '2030-12', 'submitted', 5, 'x', 'c', $1, $1)`,
      [ago(2 * HOUR)],
    );
    const from = outboxStore(w.rt.env).list().length;
    expect((await beat()).ok).toBe(true);
    const [mcot] = mailsTo(U.mcot, from);
    expect(mcot.subject).toMatch(/17 bukti menunggu/);
    const items = mcot.body.match(/^ {3}#\d+ · /gm) ?? [];
    expect(items).toHaveLength(2 + 1 + 10); // C2, C3, C1 (its 10 newest of 14: the January item is cut)
    expect(mcot.body).toMatch(/• Cikini \(C1\): 14 bukti, Rp\s?180\.078\n(?: {3}#.*\n){10} {3}… dan 4 lainnya/);
    expect(mcot.body.indexOf('Gondangdia')).toBeLessThan(mcot.body.indexOf('Cikini'));
    // GM SBP of Jabotabek: the 16 submitted in the last day (not the old ones), read-only; Jatim's GM: nothing
    const [gm] = mailsTo(U.gm, from);
    expect(gm.subject).toMatch(/ringkasan harian, 16 bukti baru/);
    expect(gm.body).toMatch(/hanya untuk dibaca/);
    expect(gm.body).toMatch(/… dan 3 lainnya/);
    expect(gm.body).toMatch(
      /Pengajuan anggaran yang dikirim atau diputuskan dalam sehari terakhir \(1\):\n- Gondangdia, Desember 2030: Rp\s?123\.000 menunggu keputusan Area/,
    );
    // Jatim's GM: nothing of Jabotabek, only a requests-only summary of their own C4's request
    const out = mailsTo(GM_OUT, from);
    expect(out.map((m) => m.subject)).toEqual([expect.stringMatching(/ringkasan harian pengajuan anggaran/)]);
    expect(out[0].body).toMatch(/- Gubeng Pojok, Desember 2030: Rp\s?5 menunggu keputusan Area/);
    expect(out[0].body).not.toMatch(/Gondangdia|Cikini|Harapan Indah/);
    expect(mailsTo(U.cluster, from)).toHaveLength(0); // nobody asked for the cluster digest yet
    // once a day: the next hour sends nothing more
    const again = outboxStore(w.rt.env).list().length;
    await beat();
    expect(outboxStore(w.rt.env).list().length).toBe(again);
  });

  it('tells GM SBP only what is new since the last summary, the next day, in their language', async () => {
    await w.ok(U.gm, 'app_setLanguage', 'en', null);
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 86_400_000));
    const fresh = await evidence('C3', '2030-11', 44_000, 'pending', { submittedAt: ago(HOUR), description: 'Spanduk baru' });
    const from = outboxStore(w.rt.env).list().length;
    await beat();
    const [gm] = mailsTo(U.gm, from);
    expect(gm.subject).toMatch(/daily summary, 1 new evidence item/);
    expect(gm.body).toContain(`#${fresh} · November 2030 · OUTLET · Spanduk baru`);
    expect(gm.body).not.toMatch(/Cikini/);
    expect(gm.body).not.toMatch(/Budget requests/); // yesterday's request was in yesterday's summary
    expect(mailsTo(GM_OUT, from)).toHaveLength(0);
    await w.ok(U.gm, 'app_setLanguage', 'id', null);
  });
  it('tells GM SBP of budget requests on a day without new evidence, once, and nobody outside the scope', async () => {
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 86_400_000));
    await sql(
      `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at) VALUES
         ('C3', '2031-02', 'submitted', 222000, 'Pameran', 'c', $1, $1), ('C4', '2031-02', 'submitted', 9, 'x', 'c', $1, $1)`,
      [ago(HOUR)],
    );
    const from = outboxStore(w.rt.env).list().length;
    await beat();
    const [gm, ...more] = mailsTo(U.gm, from);
    expect(more).toHaveLength(0);
    expect(gm.subject).toMatch(/ringkasan harian pengajuan anggaran/);
    expect(gm.body).toMatch(/Tidak ada bukti baru[\s\S]*- Harapan Indah, Februari 2031: Rp\s?222\.000 menunggu keputusan Area/);
    expect(gm.body).not.toMatch(/Gubeng Pojok/); // Jatim's request goes to Jatim's GM only
    expect(mailsTo(GM_OUT, from).map((m) => m.body)).toEqual([expect.stringMatching(/- Gubeng Pojok, Februari 2031/)]);
    await beat();
    expect(mailsTo(U.gm, from)).toHaveLength(1);
  });
});

describe('a cluster is told of its decisions', () => {
  it('lists them since the last visit (at least 7 days), marks the new ones, and records the visit', async () => {
    const old = await evidence('C1', '2030-10', 11_000, 'approved', { decidedAt: ago(10 * 86_400_000) });
    const ok1 = await evidence('C1', '2030-11', 12_000, 'approved', { decidedAt: ago(3 * 86_400_000) });
    const no1 = await evidence('C1', '2030-11', 13_000, 'rejected', { decidedAt: ago(HOUR), reason: 'Nota tidak terbaca' });
    await evidence('C3', '2030-11', 14_000, 'approved', { decidedAt: ago(HOUR) }); // another cluster's
    const t0 = now().getTime();
    const first = await w.as(U.cluster, 'budget_recentDecisions');
    const t1 = now().getTime();
    expect(BudgetWorld.statements(first.counts)).toBe(2);
    const r = first.value;
    expect(r.lastVisit).toBeNull();
    expect(r.items.map((i) => [i.id, i.status, i.isNew])).toEqual([
      [no1, 'rejected', true],
      [ok1, 'approved', true],
    ]);
    expect(r.items.map((i) => i.id)).not.toContain(old);
    expect(r.items[0]).toMatchObject({ reason: 'Nota tidak terbaca', decidedBy: U.region, amount: 13_000 });
    expect(r.newCount).toBe(2);
    expect(r.digest).toBe(false);
    // the next visit: the same week's decisions, none new; a decision after it is new
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 60_000));
    const second = await w.ok(U.cluster, 'budget_recentDecisions');
    const visited = new Date(second.lastVisit ?? 0).getTime(); // the first call's instant (the clock runs during a call)
    expect(visited).toBeGreaterThanOrEqual(t0);
    expect(visited).toBeLessThanOrEqual(t1);
    expect([second.items.length, second.newCount]).toEqual([2, 0]);
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 60_000));
    const ok2 = await evidence('C1', '2030-11', 15_000, 'approved', { decidedAt: ago(30_000) });
    const third = await w.ok(U.cluster, 'budget_recentDecisions');
    expect(third.items.filter((i) => i.isNew).map((i) => i.id)).toEqual([ok2]);
    // only a cluster user has this list and this choice
    expect((await w.as(U.region, 'budget_recentDecisions')).code).toBe('FORBIDDEN');
    expect((await w.as(U.region, 'budget_setDecisionDigest', 'on')).code).toBe('FORBIDDEN');
  });

  it('mails the daily digest of decisions only to a cluster that asked for it, once a day', async () => {
    expect(await w.ok(U.cluster, 'budget_setDecisionDigest', 'on')).toEqual({ digest: true });
    expect((await w.ok(U.cluster, 'budget_recentDecisions')).digest).toBe(true);
    // requests decided in the last day join the digest: C1's own (approved for less), not C3's
    await sql(
      `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at, decided_by, decided_at, approved_amount, reason) VALUES
         ('C1', '2031-01', 'approved', 500000, 'Promo', 'c', $1, $1, 'area@t.id', $2, 400000, NULL),
         ('C3', '2031-01', 'rejected', 700000, 'Promo', 'c', $1, $1, 'area@t.id', $2, NULL, 'terlalu besar')`,
      [ago(5 * HOUR), ago(3 * HOUR)],
    );
    const from = outboxStore(w.rt.env).list().length;
    await beat();
    const [mail] = mailsTo(U.cluster, from);
    expect(mail.subject).toMatch(/bukti Anda sudah diputuskan/);
    expect(mail.body).toMatch(/ditolak · November 2030 · OUTLET · Bukti C1 2030-11 · Rp\s?13\.000 · alasan: Nota tidak terbaca/);
    expect(mail.body).toMatch(/disetujui · November 2030/);
    expect(mail.body).not.toMatch(/Harapan Indah/);
    expect(mail.body).toMatch(
      /Pengajuan anggaran Anda yang diputuskan dalam sehari terakhir \(1\):\n- Cikini, Januari 2031: Rp\s?500\.000 diajukan, Rp\s?400\.000 disetujui/,
    );
    expect(mail.body).not.toMatch(/ditolak\n|Rp\s?700\.000/);
    expect(mailsTo(U.cluster2, from)).toHaveLength(0); // did not ask (its cluster had a decision too)
    await beat();
    expect(mailsTo(U.cluster, from)).toHaveLength(1);
    // the next day: a new decision, but the cluster turned the digest off
    await w.ok(U.cluster, 'budget_setDecisionDigest', 'off');
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 86_400_000));
    await evidence('C1', '2030-11', 16_000, 'approved', { decidedAt: ago(HOUR) });
    const next = outboxStore(w.rt.env).list().length;
    await beat();
    expect(mailsTo(U.cluster, next)).toHaveLength(0);
  });

  it('mails an opted-in cluster its decided requests on a day with no decided evidence, once', async () => {
    // Harapan Indah (C3) asks for the digest; its last decided evidence is days old
    await w.ok(U.cluster2, 'budget_setDecisionDigest', 'on');
    w.rt.env.clock.advanceTo(new Date(now().getTime() + 86_400_000));
    await sql(
      `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at, decided_by, decided_at, reason) VALUES
         ('C3', '2031-03', 'rejected', 800000, 'Promo', 'c', $1, $1, 'area@t.id', $2, 'anggaran habis'),
         ('C1', '2031-03', 'approved', 100000, 'Promo', 'c', $1, $1, 'area@t.id', $2, NULL)`,
      [ago(5 * HOUR), ago(HOUR)],
    );
    const from = outboxStore(w.rt.env).list().length;
    await beat();
    const [mail, ...more] = mailsTo(U.cluster2, from);
    expect(more).toHaveLength(0);
    expect(mail.subject).toMatch(/pengajuan anggaran Anda sudah diputuskan/);
    expect(mail.body).toMatch(/- Harapan Indah, Maret 2031: Rp\s?800\.000 ditolak/);
    expect(mail.body).not.toMatch(/Cikini/);
    expect(mailsTo(U.cluster, from)).toHaveLength(0); // C1's user turned the digest off
    await beat();
    expect(mailsTo(U.cluster2, from)).toHaveLength(1);
  });
});
