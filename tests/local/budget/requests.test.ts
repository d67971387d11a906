// Budget requests in the runtime: a cluster asks (draft → submitted), its region adds a note, the Area above decides —
// an approval raises the cluster-month's allocation in the same statement with audit rows carrying the request id.
// Every bad input and every wrong person gets a clear error and writes nothing; two deciders at once: one wins.
import { budgetWorld, BudgetWorld, CONFIG, ADMIN, realPgBudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/index';
import type { RequestInput } from '../../../src/server/budget/request-rules';

jest.setTimeout(300_000);

let w: BudgetWorld;
const AREA_B = 'area-b@t.id'; // a second Area user of Jabotabek (for the race)
const png = (seed: number) => Buffer.from(receiptPng(seed)).toString('base64');
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await database(w.rt.env).query<T>(sql, params as never[])).rows;
const req = (over: Partial<RequestInput> = {}): RequestInput => ({
  month: '2030-12',
  justification: 'Program akuisisi akhir tahun di 3 kampus',
  lines: {},
  total: 2_000_000,
  ...over,
});
const allocation = async (cluster: string, month: string) =>
  ((a) => (a === undefined ? null : Number(a)))(
    (
      await q<{ amount: unknown }>('SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2', [cluster, month])
    )[0]?.amount,
  );
/** Everything a refused call must leave as it was. */
const snapshot = async () => ({
  requests: await q('SELECT id, state, amount, note, decided_by, approved_amount, reason FROM budget.request ORDER BY id'),
  lines: await q('SELECT * FROM budget.request_line ORDER BY request_id, point_type'),
  files: await q('SELECT request_id, name FROM budget.request_file ORDER BY id'),
  allocations: await q('SELECT cluster_id, month, amount FROM budget.allocation ORDER BY cluster_id, month'),
  audit: Number((await q<{ n: string }>('SELECT count(*) AS n FROM budget.audit'))[0].n),
  drive: driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length,
});
/** Runs a call that must fail with `code` and a message matching `id`/`en`, and checks nothing changed. */
async function refused(
  run: () => Promise<{ ok: boolean; code: string | null; message: string; messageEn: string }>,
  code: string,
  id: string | RegExp,
  en: string | RegExp,
) {
  const before = await snapshot();
  const o = await run();
  expect([o.ok, o.code]).toEqual([false, code]);
  if (typeof id === 'string') expect(o.message).toBe(id);
  else expect(o.message).toMatch(id);
  if (typeof en === 'string') expect(o.messageEn).toBe(en);
  else expect(o.messageEn).toMatch(en);
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  w = await budgetWorld('dd-budget-requests-');
  await w.ok(ADMIN, 'budget_saveConfig', {
    ...CONFIG,
    users: [...CONFIG.users, { email: AREA_B, name: 'Area Jabotabek 2', role: 'AREA', nodeId: 'A1' }],
  });
  await w.ok(U.area, 'budget_setAllocationBlock', 'C1, 2030-12, 5.000.000\nC2, 2030-12, 4.000.000\nC3, 2030-12, 3.000.000');
});
afterAll(async () => w.rt.close());

describe('the life cycle', () => {
  it('draft → submitted → region note → approved with a changed amount: the allocation rises in the same statement, audited with the request id', async () => {
    const created = await w.ok(
      U.cluster,
      'budget_createRequest',
      req({ lines: { AKUISISI: '1.500.000', OUTLET: 1_000_000, SF: '' }, total: '' }),
      [{ name: 'proposal.png', data: png(501) }],
      'draft',
    );
    expect(created.state).toBe('draft');
    // a draft is the cluster's own: the Area does not see it yet
    expect((await w.ok(U.area, 'budget_requests', { month: '', state: '' })).items.map((r) => r.id)).not.toContain(created.id);
    const mine = await w.ok(U.cluster, 'budget_requests', { month: '2030-12', state: '' });
    expect(mine.items[0]).toMatchObject({
      id: created.id,
      state: 'draft',
      amount: 2_500_000,
      lines: { AKUISISI: 1_500_000, OUTLET: 1_000_000 },
      files: [{ name: 'proposal.png', mime: 'image/png' }],
    });
    // the attachment went to the cluster's receipts folder, and its viewer serves it to those who may see the request
    const file = await w.ok(U.area, 'budget_fileData', mine.items[0].files[0].fileId);
    expect(file.mime).toBe('image/png');
    expect((await w.as(U.area2, 'budget_fileData', mine.items[0].files[0].fileId)).code).toBe('FORBIDDEN');

    expect(await w.ok(U.cluster, 'budget_submitRequest', created.id)).toMatchObject({ state: 'submitted' });
    await w.ok(U.region, 'budget_noteRequest', created.id, 'Disarankan Rp 2 juta saja, kampus ketiga belum siap.');

    const seen = (await w.ok(U.area, 'budget_requests', { month: '', state: '' })).items.find((r) => r.id === created.id)!;
    expect(seen).toMatchObject({
      state: 'submitted',
      note: 'Disarankan Rp 2 juta saja, kampus ketiga belum siap.',
      noteBy: U.region,
      allocation: 5_000_000,
      approved: 0,
      recommendation: 0,
      regionName: 'Jakarta',
      regionAllocation: 9_000_000, // C1 + C2 (C3 lies in Bekasi)
      regionRemaining: 9_000_000,
    });

    const o = await w.as(U.area, 'budget_approveRequest', created.id, '2.000.000', 'Sesuai rekomendasi Region');
    expect(o.value).toEqual({ id: created.id, state: 'approved', approvedAmount: 2_000_000, allocation: 7_000_000 });
    expect(BudgetWorld.statements(o.counts)).toBe(1); // one statement: the decision, the allocation, both audit rows
    expect(await allocation('C1', '2030-12')).toBe(7_000_000);
    const audit = await q<{ action: string; actor: string; entity_id: string; before: string | null; after: string }>(
      `SELECT action, actor, entity_id, before, after FROM budget.audit WHERE action IN ('request.approve', 'allocation.raise') ORDER BY action DESC`,
    );
    expect(audit.map((a) => [a.action, a.actor, a.entity_id, a.before && JSON.parse(a.before), JSON.parse(a.after)])).toEqual([
      [
        'request.approve',
        U.area,
        String(created.id),
        { state: 'submitted' },
        {
          state: 'approved',
          approved_amount: 2_000_000,
          reason: 'Sesuai rekomendasi Region',
          note: 'Disarankan Rp 2 juta saja, kampus ketiga belum siap.',
        },
      ],
      ['allocation.raise', U.area, 'C1|2030-12', { amount: 5_000_000 }, { amount: 7_000_000, request: created.id }],
    ]);

    // the cluster sees the decision and its reason; the Area's list and the dashboard show it as decided
    const after = (await w.ok(U.cluster, 'budget_requests', { month: '2030-12', state: '' })).items[0];
    expect(after).toMatchObject({
      state: 'approved',
      approvedAmount: 2_000_000,
      decidedBy: U.area,
      reason: 'Sesuai rekomendasi Region',
      allocation: 7_000_000,
    });
    expect((await w.ok(U.cluster, 'budget_allocations', '2030-12'))[0]).toMatchObject({ clusterId: 'C1', allocation: 7_000_000 });
  });

  it('an approval sets the allocation when the cluster-month had none', async () => {
    const r = await w.ok(U.cluster, 'budget_createRequest', req({ month: '2031-01', total: 3_000_000 }), [], 'submit');
    expect(await allocation('C1', '2031-01')).toBeNull();
    expect(await w.ok(U.area, 'budget_approveRequest', r.id, '', '')).toMatchObject({
      approvedAmount: 3_000_000,
      allocation: 3_000_000,
    });
    expect(await allocation('C1', '2031-01')).toBe(3_000_000);
    const a = await q<{ before: string | null; after: string }>(
      `SELECT before, after FROM budget.audit WHERE action = 'allocation.raise' AND entity_id = 'C1|2031-01'`,
    );
    expect(a.map((x) => [x.before, JSON.parse(x.after)])).toEqual([[null, { amount: 3_000_000, request: r.id }]]);
  });

  it('a rejection needs a reason, keeps the allocation, and the cluster reads why', async () => {
    const r = await w.ok(U.cluster2, 'budget_createRequest', req({ total: 900_000 }), [], 'submit');
    await refused(
      () => w.as(U.area, 'budget_rejectRequest', r.id, '   '),
      'INVALID',
      'Tuliskan alasan penolakan agar cluster tahu apa yang perlu diubah.',
      'Write the reason for the rejection so the cluster knows what to change.',
    );
    await w.ok(U.area, 'budget_rejectRequest', r.id, 'Anggaran region sudah habis bulan ini');
    expect(await allocation('C3', '2030-12')).toBe(3_000_000);
    const mine = (await w.ok(U.cluster2, 'budget_requests', { month: '', state: 'rejected' })).items;
    expect(mine.map((x) => [x.id, x.state, x.reason])).toEqual([[r.id, 'rejected', 'Anggaran region sudah habis bulan ini']]);
  });

  it('a cluster withdraws its waiting request (then may ask again for the month); a decided one cannot be withdrawn', async () => {
    const r = await w.ok(U.cluster2, 'budget_createRequest', req({ month: '2031-01' }), [], 'submit');
    expect(await w.ok(U.cluster2, 'budget_withdrawRequest', r.id)).toMatchObject({ state: 'withdrawn' });
    const again = await w.ok(U.cluster2, 'budget_createRequest', req({ month: '2031-01' }), [], 'draft');
    expect(again.id).not.toBe(r.id);
    await refused(
      () => w.as(U.cluster2, 'budget_submitRequest', r.id),
      'CONFLICT',
      `Pengajuan #${r.id} tidak dapat diajukan: statusnya ditarik. Hanya draf yang dapat diajukan.`,
      `Request #${r.id} cannot be submitted: it is withdrawn. Only a draft can be submitted.`,
    );
    const decided = (await w.ok(U.cluster, 'budget_requests', { month: '2031-01', state: 'approved' })).items[0];
    await refused(
      () => w.as(U.cluster, 'budget_withdrawRequest', decided.id),
      'CONFLICT',
      /^Pengajuan #\d+ sudah disetujui oleh area@t\.id pada /,
      /^Request #\d+ was already approved by area@t\.id on /,
    );
  });
});

describe('a cluster changes its draft', () => {
  it('month, amounts, justification and one more attachment in one statement, audited with what it was; then sent', async () => {
    const d = await w.ok(
      U.cluster2,
      'budget_createRequest',
      req({ month: '2031-07', lines: { AKUISISI: '1.500.000', OUTLET: 1_000_000 }, total: '' }),
      [{ name: 'rab.png', data: png(511) }],
      'draft',
    );
    const drive = driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length;
    const changed = await w.ok(
      U.cluster2,
      'budget_updateRequest',
      d.id,
      req({
        month: '2031-08',
        justification: 'Program kampus, dua lokasi',
        lines: { OUTLET: '700.000', SF: 300_000 },
        total: '',
      }),
      [{ name: 'denah.png', data: png(512) }],
      'draft',
    );
    expect(changed).toEqual({ id: d.id, state: 'draft' });
    const r = (await w.ok(U.cluster2, 'budget_requests', { month: '2031-08', state: 'draft' })).items[0];
    expect(r).toMatchObject({
      id: d.id,
      month: '2031-08',
      amount: 1_000_000,
      lines: { OUTLET: 700_000, SF: 300_000 },
      justification: 'Program kampus, dua lokasi',
    });
    expect(r.files.map((f) => f.name)).toEqual(['rab.png', 'denah.png']);
    expect(driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length).toBe(drive + 1);
    const [a] = await q<{ before: string; after: string }>(
      `SELECT before, after FROM budget.audit WHERE action = 'request.update' AND entity_id = $1`,
      [String(d.id)],
    );
    expect(JSON.parse(a.before)).toEqual({
      month: '2031-07',
      amount: 2_500_000,
      justification: 'Program akuisisi akhir tahun di 3 kampus',
      lines: { AKUISISI: 1_500_000, OUTLET: 1_000_000 },
    });
    expect(JSON.parse(a.after)).toMatchObject({ month: '2031-08', amount: 1_000_000, state: 'draft' });
    // a total instead of lines, sent at once: the Area sees it
    const sent = await w.ok(
      U.cluster2,
      'budget_updateRequest',
      d.id,
      req({ month: '2031-08', total: '1.250.000' }),
      [],
      'submit',
    );
    expect(sent).toEqual({ id: d.id, state: 'submitted' });
    const seen = (await w.ok(U.area, 'budget_requests', { month: '2031-08', state: 'submitted' })).items;
    expect(seen.map((x) => [x.id, x.amount, x.lines])).toEqual([[d.id, 1_250_000, {}]]);
    await refused(
      () => w.as(U.cluster2, 'budget_updateRequest', d.id, req({ month: '2031-08' }), [], 'draft'),
      'CONFLICT',
      `Pengajuan #${d.id} tidak dapat diubah: statusnya diajukan. Hanya draf yang dapat diubah.`,
      `Request #${d.id} cannot be changed: it is submitted. Only a draft can be changed.`,
    );
  });

  it('refused with nothing written: another cluster, a bad amount, a month that already has an open request', async () => {
    const d = await w.ok(U.cluster2, 'budget_createRequest', req({ month: '2031-09' }), [], 'draft');
    const other = await w.ok(U.cluster2, 'budget_createRequest', req({ month: '2031-10' }), [], 'draft');
    await refused(
      () => w.as(U.cluster, 'budget_updateRequest', d.id, req({ month: '2031-09' }), [], 'draft'),
      'FORBIDDEN',
      'Akses ditolak: pengajuan ini milik cluster lain.',
      'Access denied: this request belongs to another cluster.',
    );
    await refused(
      () => w.as(U.cluster2, 'budget_updateRequest', d.id, req({ month: '2031-09', total: '0' }), [], 'draft'),
      'INVALID',
      /Jumlah pengajuan/,
      /Requested amount/,
    );
    await refused(
      () =>
        w.as(U.cluster2, 'budget_updateRequest', d.id, req({ month: '2031-10' }), [{ name: 'x.png', data: png(513) }], 'draft'),
      'CONFLICT',
      `Cluster ini sudah punya pengajuan terbuka untuk Oktober 2031 (#${other.id}). Ajukan atau tarik pengajuan itu dulu.`,
      `This cluster already has an open request for October 2031 (#${other.id}). Submit or withdraw that request first.`,
    );
    await refused(
      () => w.as(U.cluster2, 'budget_updateRequest', 999_999, req({ month: '2031-09' }), [], 'draft'),
      'NOT_FOUND',
      /999999/,
      /999999/,
    );
  });
});

describe('bad input changes nothing', () => {
  it('zero and negative amounts, in a line or as the total', async () => {
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', total: 0 }), [], 'submit'),
      'INVALID',
      /Jumlah pengajuan/,
      /Requested amount/,
    );
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', total: '-500.000' }), [], 'draft'),
      'INVALID',
      /Jumlah pengajuan/,
      /Requested amount/,
    );
    await refused(
      () =>
        w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', lines: { AKUISISI: 100_000, OUTLET: -5 } }), [], 'draft'),
      'INVALID',
      /Jumlah untuk OUTLET/,
      /Amount for OUTLET/,
    );
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', lines: { GAJI: 100_000 } }), [], 'draft'),
      'INVALID',
      /GAJI/,
      /GAJI/,
    );
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', justification: ' ' }), [], 'draft'),
      'INVALID',
      'Tuliskan alasan pengajuan: untuk apa anggaran tambahan ini.',
      'Write the justification: what the extra budget is for.',
    );
  });

  it('a month whose books are closed (October closed on 6 November, WIB)', async () => {
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2030-10' }), [], 'submit'),
      'INVALID',
      /^Buku bulan Oktober 2030 sudah ditutup \(6 Nov 2030\s00\.00\sWIB\): pengajuan untuk bulan itu tidak dapat dibuat atau diputuskan lagi\.$/,
      /^The books of October 2030 are closed \(6 Nov 2030\s00:00\sWIB\): requests for that month can no longer be made or decided\.$/,
    );
  });

  it('above the ceiling the budget admin set (and only admins set it)', async () => {
    await refused(
      () => w.as(U.cluster, 'budget_createRequest', req({ month: '2031-02', total: 100_000_001 }), [], 'submit'),
      'INVALID',
      /^Jumlah Rp\u00a0100\.000\.001 melebihi batas pengajuan Rp\u00a0100\.000\.000\./,
      /^The amount Rp\s100,000,001 is above the request ceiling of Rp\s100,000,000\./,
    );
    expect((await w.as(U.area, 'budget_setRequestCeiling', 1)).code).toBe('FORBIDDEN');
    // a draft within the old ceiling cannot be submitted once the ceiling went down
    const d = await w.ok(U.cluster, 'budget_createRequest', req({ month: '2031-02', total: 20_000_000 }), [], 'draft');
    expect(await w.ok(ADMIN, 'budget_setRequestCeiling', '10.000.000')).toEqual({ ceiling: 10_000_000 });
    await refused(
      () => w.as(U.cluster, 'budget_submitRequest', d.id),
      'INVALID',
      /melebihi batas pengajuan Rp\u00a010\.000\.000/,
      /above the request ceiling of Rp\s10,000,000/,
    );
    await refused(
      () =>
        w.as(
          U.cluster,
          'budget_createRequest',
          req({ month: '2031-03', lines: { AKUISISI: 6_000_000, OUTLET: 5_000_000 } }),
          [],
          'draft',
        ),
      'INVALID',
      /Jumlah Rp\u00a011\.000\.000 melebihi/,
      /amount Rp\s11,000,000 is above/,
    );
    await w.ok(U.cluster, 'budget_withdrawRequest', d.id);
    await w.ok(ADMIN, 'budget_setRequestCeiling', 100_000_000);
  });

  it('a second open request for the same cluster-month', async () => {
    const open = (await w.ok(U.cluster2, 'budget_requests', { month: '2031-01', state: 'draft' })).items[0];
    await refused(
      () => w.as(U.cluster2, 'budget_createRequest', req({ month: '2031-01' }), [{ name: 'x.png', data: png(502) }], 'submit'),
      'CONFLICT',
      `Cluster ini sudah punya pengajuan terbuka untuk Januari 2031 (#${open.id}). Ajukan atau tarik pengajuan itu dulu.`,
      `This cluster already has an open request for January 2031 (#${open.id}). Submit or withdraw that request first.`,
    );
  });

  it('an attachment that is not a clean JPG, PNG or PDF', async () => {
    await refused(
      () =>
        w.as(
          U.cluster,
          'budget_createRequest',
          req({ month: '2031-04' }),
          [{ name: 'rab.png', data: Buffer.from('<script>alert(1)</script>').toString('base64') }],
          'submit',
        ),
      'INVALID',
      /rab\.png/,
      /rab\.png/,
    );
  });

  it('decisions and notes by anyone outside the chain, withdrawals by another cluster, wrong state changes', async () => {
    const r = await w.ok(U.cluster, 'budget_createRequest', req({ month: '2031-05', total: 1_000_000 }), [], 'submit');
    const denied = /^Akses ditolak/;
    const deniedEn = /^Access denied/;
    await refused(
      () => w.as(U.area2, 'budget_approveRequest', r.id, '', ''),
      'FORBIDDEN',
      /Cikini berada di luar wilayah Anda \(Jatim\)/,
      /outside your scope/,
    );
    await refused(
      () => w.as(U.region, 'budget_approveRequest', r.id, '', ''),
      'FORBIDDEN',
      'Akses ditolak: peran Region tidak boleh memutuskan pengajuan anggaran.',
      'Access denied: the Region role may not decide budget requests.',
    );
    for (const who of [U.mcot, U.branch, U.gm, U.cluster, U.stranger])
      await refused(() => w.as(who, 'budget_rejectRequest', r.id, 'tidak'), 'FORBIDDEN', denied, deniedEn);
    await refused(
      () => w.as(U.region2, 'budget_noteRequest', r.id, 'catatan'),
      'FORBIDDEN',
      /Cikini berada di luar wilayah Anda \(Bekasi\)/,
      /outside your scope/,
    );
    await refused(() => w.as(U.area, 'budget_noteRequest', r.id, 'catatan'), 'FORBIDDEN', denied, deniedEn);
    await refused(
      () => w.as(U.region, 'budget_noteRequest', r.id, ''),
      'INVALID',
      'Tuliskan catatan rekomendasi.',
      'Write the recommendation note.',
    );
    await refused(
      () => w.as(U.cluster2, 'budget_withdrawRequest', r.id),
      'FORBIDDEN',
      'Akses ditolak: pengajuan ini milik cluster lain.',
      'Access denied: this request belongs to another cluster.',
    );
    await refused(
      () => w.as(U.region, 'budget_createRequest', req({ month: '2031-06' }), [], 'submit'),
      'FORBIDDEN',
      denied,
      deniedEn,
    );
    await refused(
      () => w.as(U.cluster, 'budget_submitRequest', r.id),
      'CONFLICT',
      `Pengajuan #${r.id} tidak dapat diajukan: statusnya diajukan. Hanya draf yang dapat diajukan.`,
      `Request #${r.id} cannot be submitted: it is submitted. Only a draft can be submitted.`,
    );
    await refused(
      () => w.as(U.area, 'budget_approveRequest', r.id, '0', ''),
      'INVALID',
      /Jumlah yang disetujui/,
      /Approved amount/,
    );
    await refused(
      () => w.as(U.area, 'budget_approveRequest', 999_999, '', ''),
      'NOT_FOUND',
      'Pengajuan #999999 tidak ditemukan.',
      'Request #999999 was not found.',
    );
    // each level lists only what lies beneath it; an unregistered account lists nothing
    expect((await w.ok(U.region2, 'budget_requests', { month: '', state: '' })).items.every((x) => x.clusterId === 'C3')).toBe(
      true,
    );
    expect((await w.ok(U.area2, 'budget_requests', { month: '', state: '' })).items).toEqual([]);
    expect((await w.as(U.stranger, 'budget_requests', { month: '', state: '' })).code).toBe('FORBIDDEN');
    // a draft is not for the Area to decide
    const d = await w.ok(U.cluster, 'budget_createRequest', req({ month: '2031-06' }), [], 'draft');
    await refused(
      () => w.as(U.area, 'budget_approveRequest', d.id, '', ''),
      'CONFLICT',
      `Pengajuan #${d.id} tidak dapat diputuskan: statusnya draf. Hanya pengajuan yang menunggu keputusan yang dapat diputuskan.`,
      `Request #${d.id} cannot be decided: it is draft. Only a request awaiting a decision can be decided.`,
    );
    await w.ok(U.area, 'budget_rejectRequest', r.id, 'Belum perlu');
    await refused(
      () => w.as(U.area, 'budget_approveRequest', r.id, '', ''),
      'CONFLICT',
      /sudah ditolak oleh area@t\.id/,
      /already rejected by area@t\.id/,
    );
    await refused(() => w.as(U.region, 'budget_noteRequest', r.id, 'terlambat'), 'CONFLICT', /sudah ditolak/, /already rejected/);
  });
});

/** Two Area users of the cluster decide the same request at the same moment, three times over. */
async function race(world: BudgetWorld, month0: number): Promise<void> {
  const at = async (month: string) =>
    ((a) => (a === undefined ? null : Number(a)))(
      (
        await database(world.rt.env).query<{ amount: unknown }>(
          'SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2',
          ['C1', month],
        )
      ).rows[0]?.amount,
    );
  for (let round = 0; round < 3; round++) {
    const month = `2031-${String(month0 + round).padStart(2, '0')}`;
    const r = await world.ok(U.cluster, 'budget_createRequest', req({ month, total: 1_000_000 }), [], 'submit');
    const [a, b] = await Promise.all([
      world.as(U.area, 'budget_approveRequest', r.id, '', ''),
      round === 0
        ? world.as(AREA_B, 'budget_rejectRequest', r.id, 'Tidak')
        : world.as(AREA_B, 'budget_approveRequest', r.id, '', ''),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    const winner = a.ok ? a : b;
    expect(loser.code).toBe('CONFLICT');
    expect(loser.message).toMatch(new RegExp(`^Pengajuan #${r.id} sudah (disetujui|ditolak) oleh (area|area-b)@t\\.id`));
    const approved = winner.value.state === 'approved';
    expect(await at(month)).toBe(approved ? 1_000_000 : null);
    const audits = await database(world.rt.env).query(
      `SELECT action FROM budget.audit WHERE entity = 'request' AND entity_id = $1 AND action <> 'request.create'`,
      [String(r.id)],
    );
    expect(audits.rows).toHaveLength(1);
    const raises = await database(world.rt.env).query(
      `SELECT 1 FROM budget.audit WHERE action = 'allocation.raise' AND entity_id = $1`,
      [`C1|${month}`],
    );
    expect(raises.rows).toHaveLength(approved ? 1 : 0);
  }
}

describe('two Area users decide the same request at once', () => {
  it('on the embedded PGlite: exactly one decision stands, the allocation rises once, one audit row each', async () => {
    await race(w, 7);
  });
});

describe('two Area users at once on a real PostgreSQL server (true concurrency: the UPDATE decides)', () => {
  const real = realPgBudgetWorld('dd-budget-req-race-', { folders: false }, async (pw) => {
    await pw.ok(ADMIN, 'budget_saveConfig', {
      ...CONFIG,
      users: [...CONFIG.users, { email: AREA_B, name: 'Area Jabotabek 2', role: 'AREA', nodeId: 'A1' }],
    });
  });

  it('exactly one decision stands, every time', async () => {
    if (!real.world) return console.warn(`skipped: ${real.skip}`);
    await race(real.world, 1);
  });
});

describe('the dashboard', () => {
  it('marks the months with requests awaiting a decision, at every level above the cluster', async () => {
    await w.ok(U.cluster, 'budget_createRequest', req({ month: '2031-01', total: 750_000 }), [], 'submit');
    const d = await w.ok(U.area, 'budget_dashboard', null, '2030-11');
    const waiting = await q<{ month: string; n: string }>(
      `SELECT r.month, count(*) AS n FROM budget.request r WHERE r.state = 'submitted' GROUP BY r.month ORDER BY r.month`,
    );
    expect(d.pendingRequests.map((p) => [p.month, p.count])).toEqual(waiting.map((x) => [x.month, Number(x.n)]));
    expect(d.pendingRequests.length).toBeGreaterThan(0);
    const other = await w.ok(U.area2, 'budget_dashboard', null, '2030-11');
    expect(other.pendingRequests).toEqual([]);
  });
});

describe('when the books close while a request waits', () => {
  it('the Area can no longer approve it (nothing written), but may still reject it', async () => {
    const r = await w.ok(U.cluster2, 'budget_createRequest', req({ month: '2030-11', total: 400_000 }), [], 'submit');
    w.rt.env.clock.advanceTo(new Date('2030-12-05T17:00:00Z')); // 6 December 00:00 WIB: November is closed
    await refused(
      () => w.as(U.area, 'budget_approveRequest', r.id, '', ''),
      'INVALID',
      /^Buku bulan November 2030 sudah ditutup/,
      /^The books of November 2030 are closed/,
    );
    expect(await w.ok(U.area, 'budget_rejectRequest', r.id, 'Bulan sudah ditutup')).toMatchObject({ state: 'rejected' });
  });
});
