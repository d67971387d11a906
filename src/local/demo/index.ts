// The demo composer: creates the "DataDesk Demo" spreadsheet, the add-on settings, then runs every capability seeder.
import type { Runtime } from '../runtime/runtime';
import { DEMO_APP_USERS, DEMO_DB, DemoUser } from './types';
import { setScriptProperties } from './script';
import { shareDemoSpreadsheet } from './sharing';
import { getSpreadsheetStore } from '../services/spreadsheet/store';
import { SEEDERS } from './seeders';

export const DEMO_SPREADSHEET_NAME = 'DataDesk Demo';
/** The state-folder file that records what the demo seeding made (the workbench reads it for its users). */
export const DEMO_STATE_FILE = 'demo.json';

export interface DemoState {
  documentId: string;
  users: DemoUser[];
  notes: string[];
  seededAt: string;
  /** Seeder name → 'ok' or the error it failed with. */
  seeders: Record<string, string>;
}

const APP_ROLE_OF: Record<string, string> = {
  Admin: 'admin',
  'Campaign analyst': 'analyst',
  Merchandiser: 'merchandiser',
  Auditor: 'auditor',
};

/** DATADESK_ROLES for the demo add-on users: email → [role]. */
export function demoRoleDirectory(): Record<string, string[]> {
  const dir: Record<string, string[]> = {};
  for (const u of DEMO_APP_USERS) {
    const role = APP_ROLE_OF[u.role];
    if (role) dir[u.email] = [role];
  }
  return dir;
}

export function readDemoState(rt: Runtime): DemoState | null {
  return rt.env.readJson<DemoState | null>(DEMO_STATE_FILE, null);
}

/** One step of the first start's seeding, as the terminal and the page show it. */
export interface SeedStep {
  name: string;
  state: 'waiting' | 'running' | 'ok' | 'failed';
  /** What it is doing now, or what it made, or why it failed. */
  detail: string;
  /** Milliseconds it took (so far, while running). */
  ms: number;
}

/** The steps of seedDemo in order: the spreadsheet and roles, each capability, sharing the spreadsheet. */
function seedSteps(): SeedStep[] {
  return ['setup', ...SEEDERS.map((s) => s.name), 'sharing'].map((name) => ({ name, state: 'waiting', detail: '', ms: 0 }));
}

/**
 * Seeds the demo once per state folder; `log` gets a line per step and sub-step (start-up prints them), `progress`
 * every change of the steps (the workbench page shows them).
 */
export async function seedDemo(
  rt: Runtime,
  log: (line: string) => void = () => undefined,
  progress: (steps: SeedStep[]) => void = () => undefined,
): Promise<DemoState> {
  const steps = seedSteps();
  let t0 = Date.now();
  const begin = (i: number) => {
    t0 = Date.now();
    steps[i].state = 'running';
    log(`seed [${i + 1}/${steps.length}] ${steps[i].name}…`);
    progress(steps);
  };
  const detail = (i: number, d: string) => {
    steps[i].detail = d;
    steps[i].ms = Date.now() - t0;
    log(`seed [${i + 1}/${steps.length}] ${steps[i].name}: ${d}`);
    progress(steps);
  };
  const end = (i: number, state: 'ok' | 'failed', d: string) => {
    Object.assign(steps[i], { state, detail: d || steps[i].detail, ms: Date.now() - t0 });
    log(
      `seed [${i + 1}/${steps.length}] ${steps[i].name} ${state === 'ok' ? 'ok' : 'FAILED'} in ${steps[i].ms} ms${d ? `: ${d}` : ''}`,
    );
    progress(steps);
  };
  begin(0);
  // The store creates the spreadsheet directly (as the admin would in Drive, shared with the team by name); the
  // add-on then runs inside it.
  const documentId = getSpreadsheetStore(rt.env).create(DEMO_SPREADSHEET_NAME, {
    owner: DEMO_APP_USERS[0].email,
    sharing: { editors: DEMO_APP_USERS.slice(1).map((u) => u.email) },
  }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify(demoRoleDirectory()),
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  const state: DemoState = {
    documentId,
    users: [...DEMO_APP_USERS],
    notes: [],
    seededAt: rt.env.clock.now().toISOString(),
    seeders: {},
  };
  end(0, 'ok', `spreadsheet "${DEMO_SPREADSHEET_NAME}", roles`);
  for (const [k, { name, seed }] of SEEDERS.entries()) {
    const i = k + 1;
    begin(i);
    try {
      const r = await seed(rt, { documentId, seed: 1, scale: 'demo', step: (d) => detail(i, d) });
      for (const u of r.users) if (!state.users.some((x) => x.email === u.email)) state.users.push(u);
      state.notes.push(...(r.notes ?? []));
      state.seeders[name] = 'ok';
      end(i, 'ok', r.users.length ? `${r.users.length} demo users` : '');
    } catch (e) {
      // One capability's failed seeding must not keep the workbench from starting; it is reported instead.
      state.seeders[name] = (e as Error).message;
      end(i, 'failed', (e as Error).message);
    }
  }
  begin(steps.length - 1);
  // Every demo user edits the spreadsheet (the budget's users too). Hourly triggers are each user's own: the admin's
  // was installed by the seeders' own runs (budget folders, the report run), as using DataDesk installs them.
  shareDemoSpreadsheet(rt, documentId, state.users);
  rt.env.writeJson(DEMO_STATE_FILE, state);
  await rt.env.flush();
  end(steps.length - 1, 'ok', `spreadsheet shared with ${state.users.length} users`);
  return state;
}
