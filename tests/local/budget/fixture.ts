// A small budget world in a fresh runtime: DB settings, an admin, migrations, a hierarchy with a user for every role.
import type { BudgetConfig } from '../../../src/server/budget/config';
import { ok, rpcAs, type RpcArgs, type RpcName, type RpcOutcome, type RpcResult } from '../../support/rpc';
import { mkdtempSync, mkdirSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { Script } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { startPgServer, PgServer } from '../services/jdbc/pg-server';

export const ADMIN = 'admin@datadesk.local';
export const U = {
  area: 'area@t.id',
  area2: 'area2@t.id',
  region: 'region@t.id',
  region2: 'region2@t.id',
  branch: 'branch@t.id',
  mcot: 'mcot@t.id',
  gm: 'gm@t.id',
  cluster: 'cluster@t.id',
  cluster2: 'cluster2@t.id',
  stranger: 'stranger@t.id',
};

export const CONFIG: BudgetConfig = {
  nodes: [
    { id: 'A1', level: 'AREA', name: 'Jabotabek', parentId: null },
    { id: 'A2', level: 'AREA', name: 'Jatim', parentId: null },
    { id: 'R1', level: 'REGION', name: 'Jakarta', parentId: 'A1' },
    { id: 'R2', level: 'REGION', name: 'Bekasi', parentId: 'A1' },
    { id: 'R3', level: 'REGION', name: 'Surabaya', parentId: 'A2' },
    { id: 'B1', level: 'BRANCH', name: 'Menteng', parentId: 'R1' },
    { id: 'B2', level: 'BRANCH', name: 'Bekasi Kota', parentId: 'R2' },
    { id: 'B3', level: 'BRANCH', name: 'Gubeng', parentId: 'R3' },
    { id: 'C1', level: 'CLUSTER', name: 'Cikini', parentId: 'B1' },
    { id: 'C2', level: 'CLUSTER', name: 'Gondangdia', parentId: 'B1' },
    { id: 'C3', level: 'CLUSTER', name: 'Harapan Indah', parentId: 'B2' },
    { id: 'C4', level: 'CLUSTER', name: 'Gubeng Pojok', parentId: 'B3' },
  ],
  users: [
    { email: U.area, name: 'Area Jabotabek', role: 'AREA', nodeId: 'A1' },
    { email: U.area2, name: 'Area Jatim', role: 'AREA', nodeId: 'A2' },
    { email: U.region, name: 'Region Jakarta', role: 'REGION', nodeId: 'R1' },
    { email: U.region2, name: 'Region Bekasi', role: 'REGION', nodeId: 'R2' },
    { email: U.branch, name: 'BM Menteng', role: 'BRANCH_MANAGER', nodeId: 'B1' },
    { email: U.mcot, name: 'MCOT Jabotabek', role: 'MCOT', nodeId: 'A1' },
    { email: U.gm, name: 'GM SBP', role: 'GM_SBP', nodeId: 'A1' },
    { email: U.cluster, name: 'SBP Cikini', role: 'CLUSTER', nodeId: 'C1' },
    { email: U.cluster2, name: 'SBP Harapan Indah', role: 'CLUSTER', nodeId: 'C3' },
  ],
  pointTypes: [
    { code: 'AKUISISI', name: 'Akuisisi', active: true },
    { code: 'OUTLET', name: 'Outlet', active: true },
    { code: 'SF', name: 'Sales force', active: true },
    { code: 'CB PROGRAM', name: 'CB program', active: true },
    { code: 'REGION (CVM & SO)', name: 'Region (CVM & SO)', active: true },
  ],
};

export class BudgetWorld {
  constructor(readonly rt: Runtime) {}

  /** Runs an RPC function as `user` (kind 'rpc', as google.script.run does). */
  as<K extends RpcName>(user: string, fn: K, ...args: RpcArgs<K>): Promise<RpcOutcome<RpcResult<K>>> {
    return rpcAs(this.rt, { user }, fn, ...args);
  }

  /** Like `as` but throws when the call fails. */
  async ok<K extends RpcName>(user: string, fn: K, ...args: RpcArgs<K>): Promise<RpcResult<K>> {
    return ok(await this.as(user, fn, ...args), `${fn} as ${user}`);
  }

  /** Jdbc statements an execution sent (prepared statements executed, batches counted once). */
  static statements(counts: Record<string, number>): number {
    return Object.entries(counts)
      .filter(([k]) =>
        /^JdbcPreparedStatement\.(executeQuery|executeUpdate|executeBatch|execute)$|^JdbcStatement\.(executeQuery|executeUpdate|execute|executeBatch)$/.test(
          k,
        ),
      )
      .reduce((a, [, n]) => a + n, 0);
  }
}

const ROOT = join(__dirname, '..', '..', '..');
let snapshot: string | null = null;

/** A private copy of build/ (other sessions rebuild the shared one while tests run), made once per test file. */
export function buildSnapshot(): string {
  if (snapshot) return snapshot;
  for (let attempt = 0; ; attempt++) {
    mkdirSync(join(ROOT, 'artifacts', 'builds'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'artifacts', 'builds', 'budget-'));
    cpSync(join(ROOT, 'build'), dir, { recursive: true });
    try {
      new Script(readFileSync(join(dir, 'Code.js'), 'utf8'));
      readFileSync(join(dir, 'local', 'worker.js'));
      snapshot = dir;
      return dir;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt > 20) throw e;
    }
  }
}

/** A fresh runtime with the budget migrated, configured and its Drive folders set up; the clock set to 2030-11-20 10:00 WIB (ahead of real time: the emulated clock only moves forward). `settings` reach the runtime (a PostgreSQL server's URL). */
export async function budgetWorld(
  prefix = 'dd-budget-',
  opts: { folders?: boolean; settings?: Record<string, string> } = {},
): Promise<BudgetWorld> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), prefix)), buildDir: buildSnapshot(), settings: opts.settings });
  rt.env.clock.advanceTo(new Date('2030-11-20T03:00:00Z'));
  // the team's spreadsheet the add-on runs in (shared with everyone by link, as HOST_SHARING makes it)
  rt.setDefaultDocumentId(getSpreadsheetStore(rt.env).create('Anggaran', { owner: ADMIN }).id);
  await setScriptProperties(rt, {
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'] }),
  });
  const w = new BudgetWorld(rt);
  await w.ok(ADMIN, 'budget_migrate');
  await w.ok(ADMIN, 'budget_saveConfig', CONFIG);
  // the budget admin sets up the Drive folders once (in their My Drive), shared per cluster
  if (opts.folders !== false) await w.ok(ADMIN, 'budget_setupFolders', null);
  return w;
}

/**
 * A budget world on a real PostgreSQL server for the file's describe block (true concurrency), with `setup` run once
 * it stands; `world` is null, and `skip` says why, where no server can be started here.
 */
export function realPgBudgetWorld(
  prefix: string,
  opts: { folders?: boolean } = {},
  setup: (w: BudgetWorld) => Promise<void> = async () => undefined,
) {
  const s = { world: null as BudgetWorld | null, server: null as PgServer | null, skip: '' };
  beforeAll(async () => {
    const started = await startPgServer();
    if ('skip' in started) {
      s.skip = started.skip;
      console.warn(`real-PostgreSQL race skipped: ${s.skip}`);
      return;
    }
    s.server = started;
    s.world = await budgetWorld(prefix, { settings: { pgUrl: started.url }, folders: opts.folders });
    await setup(s.world);
  });
  afterAll(async () => {
    if (s.world) await s.world.rt.close();
    if (s.server) await s.server.stop();
  });
  return s;
}
