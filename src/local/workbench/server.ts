// The workbench server: serves the Sheets-like page on localhost and bridges it to the offline runtime.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Runtime } from '../runtime/runtime';
import type { ExecKind } from '../runtime/types';
import { DEMO_APP_USERS } from '../demo/types';
import { readDemoState, seedDemo } from '../demo/index';
import { reshareConvertedDemo } from '../demo/sharing';
import { driveStore } from '../services/drive/store';
import { Hub } from './hub';
import { recordExecutions } from './executions';
import { HttpError, readJson, sendJson, sendBytes, str, int, attachment } from './http';
import { createBackends } from './wiring';
import { startStandins } from './standins';
import { previewHtml } from './preview';
import { PAGE_HTML } from './page/html';
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
}

export interface Workbench {
  url: string;
  rt: Runtime;
  stop(): Promise<void>;
}

const PAGE_KINDS: ExecKind[] = ['rpc', 'menu', 'simpleTrigger'];
const WINDOW_MAX = 500;

export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const log = opts.log ?? (() => undefined);
  const stateDir = resolve(opts.stateDir ?? process.env.DATADESK_HOME ?? join(process.cwd(), '.datadesk'));
  if (opts.reset) rmSync(stateDir, { recursive: true, force: true });
  const rt = new Runtime({ stateDir, ...(opts.buildDir ? { buildDir: opts.buildDir } : {}) });
  const standins = await startStandins(rt, log, !!opts.port);
  if (opts.seed !== false && !readDemoState(rt)) {
    const t0 = Date.now();
    log('seeding the demo data (first start)…');
    try {
      await seedDemo(rt, log);
    } catch (e) {
      await standins.stop();
      await rt.close();
      throw e;
    }
    log(`seeded in ${Date.now() - t0} ms`);
  }
  // a state folder from before Drive had users: its files now belong to who made them; share the demo's again
  const demo = readDemoState(rt);
  if (demo && driveStore(rt.env).migratedFromShared) {
    for (const note of await reshareConvertedDemo(rt, demo)) log(note);
    await rt.env.flush();
  }
  const backends = createBackends(rt);
  const hub = new Hub(rt);
  const executions = recordExecutions(rt);
  const assets = join(rt.env.config.buildDir, 'local');

  const users = () => {
    const st = readDemoState(rt);
    return st?.users?.length ? st.users : DEMO_APP_USERS;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://localhost');
    const q = (k: string) => u.searchParams.get(k);
    const p = u.pathname;
    // Only this machine's own page may drive the runtime: no other host name (DNS rebinding), no cross-site POST
    // (a JSON content type forces a CORS preflight this server never grants).
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) throw new HttpError(403, 'forbidden host');
    // A deployed web app's URL takes any request (Xendit's callbacks, form posts): it is public by design.
    if (await webAppRoute(rt, req, res, u)) return;
    if (req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) throw new HttpError(403, 'cross-origin request refused');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw new HttpError(415, 'POST bodies must be application/json');
    }
    if (req.method === 'GET' && (p === '/' || p === '/index.html')) return sendBytes(res, 'text/html; charset=utf-8', PAGE_HTML);
    if (req.method === 'GET' && (p === '/assets/page.js' || p === '/assets/page.css')) {
      const f = join(assets, p.endsWith('.js') ? 'workbench-page.js' : 'workbench-page.css');
      if (!existsSync(f)) throw new HttpError(404, `${f} is missing; run npm run build`);
      return sendBytes(res, p.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', readFileSync(f));
    }
    if (req.method === 'GET' && p === '/api/events') return hub.attach(str(q('client'), 'client'), res);
    if (req.method === 'GET' && p === '/api/state') {
      const docs = await backends.sheets.listDocuments();
      const st = readDemoState(rt);
      return sendJson(res, 200, {
        users: users(),
        documentId: rt.defaultDocumentId(),
        documents: docs,
        now: rt.env.clock.now().toISOString(),
        seeders: st?.seeders ?? {},
        features: { drive: !!backends.drive, mail: !!backends.mail, calendar: true, xendit: !!standins.xendit },
      });
    }
    if (req.method === 'GET' && p === '/api/doc') return sendJson(res, 200, await backends.sheets.describe(str(q('id'), 'id')));
    if (req.method === 'GET' && p === '/api/window') {
      const win = await backends.sheets.window(
        str(q('id'), 'id'),
        str(q('sheet'), 'sheet'),
        int(q('r0'), 'r0'),
        int(q('c0'), 'c0'),
        int(q('nr'), 'nr', 1, WINDOW_MAX),
        int(q('nc'), 'nc', 1, WINDOW_MAX),
      );
      return sendJson(res, 200, win);
    }
    if (req.method === 'POST' && p === '/api/select') {
      const b = await readJson<{ id: string; user: string; sheet: string; r0: number; c0: number; nr: number; nc: number }>(req);
      const ok = [b.r0, b.c0, b.nr, b.nc].every((n) => Number.isInteger(n) && n >= 0) && b.nr > 0 && b.nc > 0;
      if (!ok) throw new HttpError(400, 'r0, c0 must be integers ≥ 0 and nr, nc ≥ 1');
      await backends.sheets.select?.(str(b.id, 'id'), str(b.user, 'user'), str(b.sheet, 'sheet'), b.r0, b.c0, b.nr, b.nc);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && p === '/api/edit') {
      const b = await readJson<{ id: string; sheet: string; row: number; col: number; value: string; user: string }>(req);
      if (!Number.isInteger(b.row) || !Number.isInteger(b.col) || b.row < 1 || b.col < 1)
        throw new HttpError(400, 'row and col must be 1-based integers');
      await backends.sheets.edit(
        str(b.id, 'id'),
        str(b.sheet, 'sheet'),
        b.row,
        b.col,
        String(b.value ?? ''),
        str(b.user, 'user'),
      );
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && p === '/api/exec') {
      const b = await readJson<{
        client?: string;
        fn: string;
        args?: unknown[];
        kind: ExecKind;
        user: string;
        documentId?: string | null;
      }>(req);
      if (!PAGE_KINDS.includes(b.kind)) throw new HttpError(400, `kind must be one of ${PAGE_KINDS.join(', ')}`);
      if (!/^[A-Za-z_$][\w$]*$/.test(b.fn ?? '')) throw new HttpError(400, 'fn must be a function name');
      if (b.args !== undefined && !Array.isArray(b.args)) throw new HttpError(400, 'args must be an array');
      const user = str(b.user, 'user');
      const simple = b.kind === 'simpleTrigger';
      const documentId = b.documentId === undefined ? rt.defaultDocumentId() : b.documentId;
      const r = await hub.execute(b.client ?? null, {
        fn: b.fn,
        args: simple ? [] : (b.args ?? []),
        user,
        kind: b.kind,
        documentId,
        event: simple ? () => ({ authMode: 'LIMITED', user, source: null }) : undefined,
      });
      return sendJson(res, 200, {
        ok: r.ok,
        value: r.ok ? (r.value ?? null) : null,
        error: r.error ? { name: r.error.name, message: r.error.message } : null,
        ui: r.ui,
        durationMs: r.durationMs,
        logs: r.logs,
      });
    }
    if (req.method === 'POST' && p === '/api/answer') {
      const b = await readJson<{ id: string; button: string; text?: string }>(req);
      return sendJson(res, 200, { ok: hub.answer(str(b.id, 'id'), b) });
    }
    if (req.method === 'GET' && p === '/api/drive') {
      if (!backends.drive) throw new HttpError(501, 'Drive is not emulated yet');
      return sendJson(res, 200, await backends.drive.list(str(q('user'), 'user'), q('folder') || null));
    }
    if (req.method === 'GET' && p === '/api/drive/trash') {
      if (!backends.drive) throw new HttpError(501, 'Drive is not emulated yet');
      return sendJson(res, 200, { items: await backends.drive.trash(str(q('user'), 'user')) });
    }
    if (req.method === 'GET' && p === '/api/drive/file') {
      if (!backends.drive) throw new HttpError(501, 'Drive is not emulated yet');
      const f = await backends.drive.file(str(q('user'), 'user'), str(q('id'), 'id'));
      const download = q('download') === '1';
      // Opening a text file shows it (Chromium would download text/csv); downloading keeps its real type.
      const type =
        !download && /^(text\/|application\/(json|xml|csv))/.test(f.mimeType)
          ? 'text/plain; charset=utf-8'
          : f.mimeType || 'application/octet-stream';
      return sendBytes(res, type, f.bytes, {
        'content-disposition': attachment(f.name, !download),
        'x-content-type-options': 'nosniff',
        // A file the add-on wrote is untrusted: never let an HTML or SVG file run script on the workbench's origin.
        'content-security-policy': "sandbox; default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'",
      });
    }
    if (req.method === 'GET' && p === '/api/outbox') {
      if (!backends.mail) throw new HttpError(501, 'MailApp is not emulated yet');
      return sendJson(res, 200, { items: await backends.mail.outbox() });
    }
    if (req.method === 'GET' && p === '/api/webhooks') {
      return sendJson(res, 200, {
        items: standins.webhooks().map((w) => ({
          format: w.format,
          path: w.path.replace(/([?&](key|token)=)[^&]*/g, '$1…'),
          body: w.body,
          at: new Date(w.at).toISOString(),
        })),
      });
    }
    if (req.method === 'GET' && p === '/api/drive/view') {
      if (!backends.drive) throw new HttpError(501, 'Drive is not emulated yet');
      const id = str(q('id'), 'id');
      const user = str(q('user'), 'user');
      const f = await backends.drive.file(user, id);
      const raw = `/api/drive/file?id=${encodeURIComponent(id)}&user=${encodeURIComponent(user)}`;
      const html = await previewHtml(f.name, f.mimeType, f.bytes, raw);
      if (html === null) {
        res.writeHead(302, { location: raw });
        return void res.end();
      }
      return sendBytes(res, 'text/html; charset=utf-8', html, {
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
      });
    }
    if (req.method === 'GET' && p === '/api/outbox/attachment') {
      if (!backends.mail) throw new HttpError(501, 'MailApp is not emulated yet');
      const a = await backends.mail.attachment(str(q('id'), 'id'), int(q('i'), 'i', 0, 1000));
      return sendBytes(res, a.mimeType, a.bytes, {
        'content-disposition': attachment(a.name, false),
        'x-content-type-options': 'nosniff',
      });
    }
    if (req.method === 'GET' && p === '/api/executions') return sendJson(res, 200, { items: executions() });
    if (req.method === 'GET' && p === '/api/triggers') {
      return sendJson(res, 200, { now: rt.env.clock.now().toISOString(), triggers: await backends.triggers.list() });
    }
    if (req.method === 'POST' && p === '/api/clock') {
      const b = await readJson<{ to: string }>(req);
      const to = new Date(str(b.to, 'to'));
      if (Number.isNaN(to.getTime())) throw new HttpError(400, `not a time: ${b.to}`);
      if (to.getTime() < rt.env.clock.now().getTime() - 1000) throw new HttpError(400, 'the clock only moves forward');
      const runs = await backends.triggers.tick(to);
      return sendJson(res, 200, { now: rt.env.clock.now().toISOString(), runs });
    }
    if (await capabilityRoute(rt, standins, req, res, u)) return;
    throw new HttpError(404, `no route ${req.method} ${p}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : ((e as { status?: number })?.status ?? 500);
      if (status === 500) log(`workbench: ${req.method} ${req.url} failed: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent) sendJson(res, status, { error: (e as Error)?.message ?? String(e) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  standins.setWorkbenchUrl(`http://127.0.0.1:${port}/`);
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    rt,
    async stop() {
      if (stopped) return;
      stopped = true;
      hub.close();
      server.closeAllConnections?.();
      await new Promise<void>((ok) => server.close(() => ok()));
      await standins.stop();
      await rt.close();
    },
  };
}
