// Budget demo seeder: runs the migrations, saves the hierarchy and users and sets up the Drive folders through the
// add-on, then bulk-loads 12 months of allocations, recommendations and evidence (with small receipt PNGs each cluster's
// SBP user uploaded into the cluster's folder). Deterministic.
import type { Runtime } from '../runtime/runtime';
import type { Seeder, SeedResult } from './types';
import { runSnippet } from './script';
import { database, DbParam } from '../services/jdbc/embedded';
import { driveStore } from '../services/drive/store';
import { clusterChains, demoHierarchy, DESCRIPTIONS, last12, POINT_TYPES, REJECTION_REASONS, rng } from './budget-data';
import { receiptPng } from './budget-receipt';
import { createHash } from 'node:crypto';

const ADMIN = 'admin@datadesk.local';
const WIB = 7 * 3600_000;

async function callAsAdmin(rt: Runtime, fn: string, args: unknown[], documentId: string | null): Promise<unknown> {
  const r = await rt.execute({ fn, args, user: ADMIN, kind: 'rpc', documentId });
  if (!r.ok) throw new Error(`${fn}: ${r.error?.message} ${r.logs.join(' | ')}`);
  return r.value;
}

/** Makes sure the seeding admin holds the add-on admin role (the workbench normally writes it first). */
async function ensureAdmin(rt: Runtime, documentId: string | null): Promise<void> {
  await runSnippet(
    rt,
    `var p = PropertiesService.getScriptProperties(); var d = {};
     try { d = JSON.parse(p.getProperty('DATADESK_ROLES') || '{}'); } catch (e) { d = {}; }
     var r = d[args] || []; if (r.indexOf('admin') < 0) { r.push('admin'); d[args] = r; p.setProperty('DATADESK_ROLES', JSON.stringify(d)); }`,
    ADMIN,
    documentId,
  );
}

export const seedBudget: Seeder = async (rt, opts): Promise<SeedResult> => {
  const t0 = Date.now();
  const rand = rng(opts.seed ?? 1);
  const documentId = opts.documentId ?? null;
  const step = opts.step ?? (() => undefined);
  step('migrations, hierarchy and users');
  await ensureAdmin(rt, documentId);
  await callAsAdmin(rt, 'budget_migrate', [], documentId);
  const h = demoHierarchy();
  await callAsAdmin(
    rt,
    'budget_saveConfig',
    [{ nodes: h.nodes, users: h.users, pointTypes: POINT_TYPES.map((code) => ({ code, name: code, active: true })) }],
    documentId,
  );

  const db = database(rt.env);
  const done = await db.query<{ n: string }>(`SELECT count(*) AS n FROM budget.allocation`);
  if (Number(done.rows[0].n) > 0) return { users: h.demoUsers, notes: ['budget: data already present, not seeded again'] };

  const now = rt.env.clock.now();
  const nowWib = new Date(now.getTime() + WIB);
  const thisMonth = nowWib.toISOString().slice(0, 7);
  const today = nowWib.toISOString().slice(0, 10);
  const months = last12(thisMonth);
  const evidenceTarget = typeof opts.scale === 'number' ? opts.scale : 6 * h.clusters.length * months.length;

  // The budget admin sets the Drive folders up once, as the sidebar's "Siapkan folder Drive" does: a tree in the
  // admin's My Drive, each cluster's folders shared with exactly its people.
  await callAsAdmin(rt, 'budget_setupFolders', [null], documentId);
  step(`receipts: ${h.clusters.length} cluster folders × ${months.length} months`);
  // Receipts: one small PNG per cluster-month, uploaded into the cluster's folder by its SBP user (reused by that
  // cluster-month's evidence rows), so each belongs to the user who "made" it.
  const drive = driveStore(rt.env);
  const folderOf = new Map(
    (
      await db.query<{ id: string; folder: string }>(
        `SELECT id, drive_folder_id AS folder FROM budget.node WHERE level = 'CLUSTER'`,
      )
    ).rows.map((r) => [r.id, r.folder]),
  );
  const uploader = new Map(h.users.filter((u) => u.role === 'CLUSTER').map((u) => [u.nodeId, u.email]));
  const receiptOf = new Map<string, { id: string; sha: string; size: number }>();
  h.clusters.forEach((c, ci) => {
    const folder = folderOf.get(c.id);
    if (!folder) throw new Error(`budget seed: cluster ${c.id} has no Drive folder after set-up`);
    months.forEach((m, mi) => {
      const bytes = receiptPng(ci * 100 + mi + 1, 90, 120);
      const f = drive.createFile(
        folder,
        `${m.replace('-', '')}_nota_${c.id}.png`,
        bytes,
        'image/png',
        uploader.get(c.id) ?? ADMIN,
      );
      receiptOf.set(`${c.id}|${m}`, { id: f.id, sha: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    });
  });
  await rt.env.flush();

  const alloc: DbParam[][] = [];
  const recs: DbParam[][] = [];
  const ev: DbParam[][] = [];
  const files: DbParam[][] = [];
  const maxId = await db.query<{ m: string }>(`SELECT COALESCE(MAX(id), 0) AS m FROM budget.evidence`);
  let id = Number(maxId.rows[0].m);
  let cm = 0;
  const cmTotal = h.clusters.length * months.length;
  const users = new Map(h.users.filter((u) => u.role === 'CLUSTER').map((u) => [u.nodeId, u.email]));
  // Only the cluster's own chain allocates, recommends and decides: its Area, its Region, its Branch manager, its MCOT.
  const chains = clusterChains(h);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  for (const c of h.clusters) {
    const chain = chains.get(c.id)!;
    const weights = POINT_TYPES.map(() => 0.5 + rand());
    const wsum = weights.reduce((a, b) => a + b, 0);
    for (const m of months) {
      const current = m === thisMonth;
      const amount = Math.round((15_000_000 + rand() * 25_000_000) / 100_000) * 100_000;
      alloc.push([c.id, m, amount, chain.area, new Date(`${m}-01T01:00:00Z`)]);
      if (!current || rand() < 0.5) {
        let used = 0;
        POINT_TYPES.forEach((p, i) => {
          const v = i === 0 ? 0 : Math.floor((amount * weights[i]) / wsum / 1000) * 1000;
          used += v;
          if (i > 0) recs.push([c.id, m, p, v, chain.region, new Date(`${m}-01T02:00:00Z`)]);
        });
        recs.push([c.id, m, POINT_TYPES[0], amount - used, chain.region, new Date(`${m}-01T02:00:00Z`)]);
      }
      // exactly evidenceTarget rows in all, spread evenly over the cluster-months
      const k = Math.floor(((cm + 1) * evidenceTarget) / cmTotal) - Math.floor((cm * evidenceTarget) / cmTotal);
      cm++;
      const [y, mo] = m.split('-').map(Number);
      const lastDay = current ? Number(today.slice(8, 10)) : new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const budgetForItems = Math.floor((amount * (0.55 + rand() * 0.35)) / Math.max(1, k));
      const receipt = receiptOf.get(`${c.id}|${m}`)!;
      for (let j = 0; j < k; j++) {
        id++;
        const day = 1 + Math.floor(rand() * lastDay);
        const spent = `${m}-${String(day).padStart(2, '0')}`;
        const amt = Math.max(1000, Math.floor((budgetForItems * (0.6 + rand() * 0.4)) / 1000) * 1000);
        const p = pick(POINT_TYPES);
        const submitted = new Date(Date.parse(`${spent}T03:00:00Z`) + Math.floor(rand() * 8) * 3600_000);
        const r = rand();
        const status = current ? (r < 0.6 ? 'pending' : r < 0.95 ? 'approved' : 'rejected') : r < 0.93 ? 'approved' : 'rejected';
        const decided =
          status === 'pending'
            ? null
            : new Date(Math.min(now.getTime(), submitted.getTime() + (1 + Math.floor(rand() * 3)) * 86_400_000));
        ev.push([
          id,
          c.id,
          m,
          p,
          `${pick(DESCRIPTIONS[p])}, ${c.name}`,
          amt,
          spent,
          status,
          users.get(c.id) ?? 'sbp@datadesk.local',
          submitted,
          status === 'pending' ? null : pick(chain.approvers),
          decided,
          status === 'rejected' ? pick(REJECTION_REASONS) : null,
        ]);
        files.push([id, receipt.id, `nota_${c.id}.png`, 'image/png', receipt.size, receipt.sha]);
      }
    }
  }
  step(`${alloc.length} allocations, ${recs.length} recommendations, ${ev.length} evidence rows`);
  await db.bulkInsert('budget.allocation', ['cluster_id', 'month', 'amount', 'updated_by', 'updated_at'], alloc);
  await db.bulkInsert('budget.recommendation', ['cluster_id', 'month', 'point_type', 'amount', 'updated_by', 'updated_at'], recs);
  for (let i = 0; i < ev.length; i += 50_000) {
    await db.bulkInsert(
      'budget.evidence',
      [
        'id',
        'cluster_id',
        'month',
        'point_type',
        'description',
        'amount',
        'spent_on',
        'status',
        'submitted_by',
        'submitted_at',
        'decided_by',
        'decided_at',
        'reason',
      ],
      ev.slice(i, i + 50_000),
    );
    await db.bulkInsert(
      'budget.evidence_file',
      ['evidence_id', 'file_id', 'name', 'mime', 'size', 'sha256'],
      files.slice(i, i + 50_000),
    );
  }
  await db.query(
    `SELECT setval(pg_get_serial_sequence('budget.evidence', 'id'), (SELECT COALESCE(MAX(id), 1) FROM budget.evidence))`,
  );
  await db.exec('ANALYZE budget.evidence; ANALYZE budget.allocation; ANALYZE budget.node; ANALYZE budget.recommendation;');
  return {
    users: h.demoUsers,
    notes: [
      `budget: ${h.clusters.length} clusters, ${alloc.length} allocations, ${recs.length} recommendations, ${ev.length} evidence rows, ${receiptOf.size} receipt PNGs in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      `budget: try area.jabotabek@datadesk.local (allocate), region.jakarta-pusat@datadesk.local (recommend, approve), sbp.menteng-kota@datadesk.local (submit), mcot.jabotabek@datadesk.local (approve)`,
    ],
  };
};
