// The workbench server: serves the Sheets-like page on localhost and bridges it to the offline runtime.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Runtime } from '../runtime/runtime';
import { DEMO_APP_USERS } from '../demo/types';
import { readDemoState, seedDemo } from '../demo/index';
import { seedingProgress } from './seeding';
import { reshareConvertedDemo } from '../demo/sharing';
import { upgradeWeeklyDemo } from '../demo/loyalty';
import { driveStore } from '../services/drive/store';
import { Hub } from './hub';
import { recordExecutions } from './executions';
import { HttpError, sendJson } from './http';
import { createBackends } from './wiring';
import { startStandins } from './standins';
import { errorMessage, errorStack } from '../../server/core/errors';
import { workbenchRoutes } from './routes';
import { webAppRoute } from './webapp-route';
import { capabilityRoute } from './capability-routes';

export interface WorkbenchOptions {
  stateDir?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Wipes the state folder first. */
  reset?: boolean;
  /** Seeds the demo data when the state folder has none (default true). */
  seed?: boolean;
  /** The built add-on to run (default build/); tests pass a private copy so a concurrent build cannot change it. */
  buildDir?: string;
  log?: (line: string) => void;
  /** Called once the page is served; on a first start that is before seeding ends (the page shows its progress). */
  onListening?: (url: string) => void;
}

export interface Workbench {
  url: string;
  rt: Runtime;
  stop(): Promise<void>;
}

/** Only this machine may reach the workbench: no other host name (DNS rebinding). */
function refuseForeignHost(req: IncomingMessage): void {
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) throw new HttpError(403, 'forbidden host');
}

/** Only this machine's own page may drive the runtime: no cross-site POST (a JSON content type forces a CORS
 * preflight this server never grants). */
function refuseCrossSitePost(req: IncomingMessage): void {
  if (req.method !== 'POST') return;
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  if (origin && origin !== `http://${host}`) throw new HttpError(403, 'cross-origin request refused');
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'POST bodies must be application/json');
}

/** What the page may fetch while the demo is being seeded: itself, its assets and the progress. */
const WHILE_SEEDING = new Set([
  'GET /',
  'GET /index.html',
  'GET /assets/page.js',
  'GET /assets/page.css',
  'GET /favicon.ico',
  'GET /api/seeding',
]);

export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const log = opts.log ?? (() => undefined);
  const stateDir = resolve(opts.stateDir ?? process.env.DATADESK_HOME ?? join(process.cwd(), '.datadesk'));
  if (opts.reset) rmSync(stateDir, { recursive: true, force: true });
  const rt = new Runtime({ stateDir, ...(opts.buildDir ? { buildDir: opts.buildDir } : {}) });
  const standins = await startStandins(rt, log);
  // a state folder from before Drive had users: its files now belong to who made them; share the demo's again
  const demo = readDemoState(rt);
  if (demo && driveStore(rt.env).migratedFromShared) {
    for (const note of await reshareConvertedDemo(rt, demo)) log(note);
    await rt.env.flush();
  }
  if (demo) await upgradeWeeklyDemo(rt).catch((e: Error) => log(`weekly reports' flow tables not added: ${e.message}`));
  const seeding = seedingProgress(opts.seed !== false && !demo);
  const backends = createBackends(rt);
  const hub = new Hub(rt);
  const executions = recordExecutions(rt);
  const assets = join(rt.env.config.buildDir, 'local');

  const users = () => {
    const st = readDemoState(rt);
    return st?.users?.length ? st.users : DEMO_APP_USERS;
  };

  const routes = workbenchRoutes({
    rt,
    backends,
    hub,
    assets,
    users,
    webhooks: () => standins.webhooks(),
    xendit: () => !!standins.xendit,
    executions,
    seeding: () => seeding.info(),
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://localhost');
    refuseForeignHost(req);
    const name = `${req.method} ${u.pathname}`;
    if (seeding.info().running && !WHILE_SEEDING.has(name)) throw new HttpError(503, 'the demo data is being seeded');
    // A deployed web app's URL takes any request (Xendit's callbacks, form posts): it is public by design.
    if (await webAppRoute(rt, req, res, u)) return;
    refuseCrossSitePost(req);
    const route = routes[name];
    if (route) return route(req, res, (k) => u.searchParams.get(k));
    if (await capabilityRoute(rt, standins, req, res, u)) return;
    throw new HttpError(404, `no route ${req.method} ${u.pathname}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log(`workbench: ${req.method} ${req.url} failed: ${errorStack(e)}`);
      if (!res.headersSent) sendJson(res, status, { error: errorMessage(e) });
      else res.end();
    });
  });
  const stopAll = async () => {
    hub.close();
    server.closeAllConnections?.();
    if (server.listening) await new Promise<void>((ok) => server.close(() => ok()));
    await standins.stop();
    await rt.close();
  };
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
    });
  } catch (e) {
    await stopAll(); // the stand-ins give their ports back before a retry on another port
    throw e;
  }
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  standins.setWorkbenchUrl(url);
  opts.onListening?.(url);
  if (seeding.info().running) {
    const t0 = Date.now();
    log(`seeding the demo data (first start; ${url} shows the progress)…`);
    try {
      await seedDemo(rt, log, (steps) => seeding.update(steps));
    } catch (e) {
      seeding.fail(errorMessage(e));
      await stopAll();
      throw e;
    }
    seeding.done();
    log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  let stopped = false;
  return {
    url,
    rt,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopAll();
    },
  };
}
