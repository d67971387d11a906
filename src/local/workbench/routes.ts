// The workbench server's routes as a table ("METHOD /path" → handler): the page, the sheet grid, executions, Drive,
// the outbox, chat webhooks, triggers and the clock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../runtime/runtime';
import type { ExecKind } from '../runtime/types';
import { readDemoState } from '../demo/index';
import type { Backends } from './backend';
import type { Hub } from './hub';
import { attachment, HttpError, int, readJson, sendBytes, sendJson, str } from './http';
import { previewHtml } from './preview';
import { FAVICON_SVG, PAGE_HTML } from './page/html';
import type { SeedingInfo } from './seeding';

export type Route = (req: IncomingMessage, res: ServerResponse, q: (key: string) => string | null) => Promise<void>;

export interface RouteContext {
  rt: Runtime;
  backends: Backends;
  hub: Hub;
  /** The folder of the built page (build/local). */
  assets: string;
  users(): unknown[];
  webhooks(): Array<{ format: string; path: string; body: unknown; at: number }>;
  /** True when the Xendit stand-in runs here (the page then shows its panel). */
  xendit(): boolean;
  /** The executions recorded since the workbench started (the Executions panel). */
  executions(): unknown[];
  /** The first start's seeding (the page shows it while it runs). */
  seeding(): SeedingInfo;
}

const PAGE_KINDS: ExecKind[] = ['rpc', 'menu', 'simpleTrigger'];
const WINDOW_MAX = 500;

export function workbenchRoutes(c: RouteContext): Record<string, Route> {
  const { rt, backends, hub } = c;
  const asset =
    (file: string, type: string): Route =>
    async (_req, res) => {
      const f = join(c.assets, file);
      if (!existsSync(f)) throw new HttpError(404, `${f} is missing; run npm run build`);
      sendBytes(res, type, readFileSync(f));
    };
  const page: Route = async (_req, res) => sendBytes(res, 'text/html; charset=utf-8', PAGE_HTML);
  return {
    'GET /': page,
    'GET /index.html': page,
    'GET /assets/page.js': asset('workbench-page.js', 'text/javascript; charset=utf-8'),
    'GET /assets/page.css': asset('workbench-page.css', 'text/css; charset=utf-8'),
    // the page names its icon inline; this answers tools that ask for the conventional file anyway
    'GET /favicon.ico': async (_req, res) => sendBytes(res, 'image/svg+xml', FAVICON_SVG),
    'GET /api/seeding': async (_req, res) => sendJson(res, 200, c.seeding()),
    'GET /api/events': async (_req, res, q) => hub.attach(str(q('client'), 'client'), res),
    'GET /api/state': async (_req, res) => {
      const st = readDemoState(rt);
      sendJson(res, 200, {
        users: c.users(),
        documentId: rt.defaultDocumentId(),
        documents: await backends.sheets.listDocuments(),
        now: rt.env.clock.now().toISOString(),
        seeders: st?.seeders ?? {},
        features: { xendit: c.xendit() },
      });
    },
    'GET /api/doc': async (_req, res, q) =>
      sendJson(res, 200, await backends.sheets.describe(str(q('id'), 'id'), q('user') ?? '')),
    'GET /api/window': async (_req, res, q) => {
      const win = await backends.sheets.window(
        str(q('id'), 'id'),
        str(q('sheet'), 'sheet'),
        int(q('r0'), 'r0'),
        int(q('c0'), 'c0'),
        int(q('nr'), 'nr', 1, WINDOW_MAX),
        int(q('nc'), 'nc', 1, WINDOW_MAX),
      );
      sendJson(res, 200, win);
    },
    'POST /api/select': async (req, res) => {
      const b = await readJson<{ id: string; user: string; sheet: string; r0: number; c0: number; nr: number; nc: number }>(req);
      const ok = [b.r0, b.c0, b.nr, b.nc].every((n) => Number.isInteger(n) && n >= 0) && b.nr > 0 && b.nc > 0;
      if (!ok) throw new HttpError(400, 'r0, c0 must be integers ≥ 0 and nr, nc ≥ 1');
      await backends.sheets.select(str(b.id, 'id'), str(b.user, 'user'), str(b.sheet, 'sheet'), b.r0, b.c0, b.nr, b.nc);
      sendJson(res, 200, { ok: true });
    },
    'POST /api/edit': async (req, res) => {
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
      sendJson(res, 200, { ok: true });
    },
    'POST /api/exec': async (req, res) => {
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
      const r = await hub.execute(b.client ?? null, {
        fn: b.fn,
        args: simple ? [] : (b.args ?? []),
        user,
        kind: b.kind,
        documentId: b.documentId === undefined ? rt.defaultDocumentId() : b.documentId,
        event: simple ? () => ({ authMode: 'LIMITED', user, source: null }) : undefined,
      });
      sendJson(res, 200, {
        ok: r.ok,
        value: r.ok ? (r.value ?? null) : null,
        error: r.error ? { name: r.error.name, message: r.error.message } : null,
        ui: r.ui,
        durationMs: r.durationMs,
        logs: r.logs,
      });
    },
    'POST /api/answer': async (req, res) => {
      const b = await readJson<{ id: string; button: string; text?: string }>(req);
      sendJson(res, 200, { ok: hub.answer(str(b.id, 'id'), b) });
    },
    // Drive as one identity sees it (`user`): the workbench never shows a file Drive would refuse them.
    'GET /api/drive': async (_req, res, q) =>
      sendJson(res, 200, await backends.drive.list(str(q('user'), 'user'), q('folder') || null)),
    'GET /api/drive/trash': async (_req, res, q) =>
      sendJson(res, 200, { items: await backends.drive.trash(str(q('user'), 'user')) }),
    'POST /api/drive/upload': async (req, res) => {
      const b = await readJson<{ folder: string; name: string; user: string; base64: string }>(req);
      const name = str(b.name, 'name');
      if (/[/\\]/.test(name) || name.length > 250) throw new HttpError(400, 'name must be a file name');
      const bytes = Buffer.from(str(b.base64, 'base64'), 'base64');
      sendJson(res, 200, await backends.drive.upload(str(b.user, 'user'), str(b.folder, 'folder'), name, new Uint8Array(bytes)));
    },
    'GET /api/drive/file': async (_req, res, q) => {
      const f = await backends.drive.file(str(q('user'), 'user'), str(q('id'), 'id'));
      const download = q('download') === '1';
      // Opening a text file shows it (Chromium would download text/csv); downloading keeps its real type.
      const type =
        !download && /^(text\/|application\/(json|xml|csv))/.test(f.mimeType)
          ? 'text/plain; charset=utf-8'
          : f.mimeType || 'application/octet-stream';
      sendBytes(res, type, f.bytes, {
        'content-disposition': attachment(f.name, !download),
        'x-content-type-options': 'nosniff',
        // A file the add-on wrote is untrusted: never let an HTML or SVG file run script on the workbench's origin.
        'content-security-policy': "sandbox; default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'",
      });
    },
    'GET /api/drive/view': async (_req, res, q) => {
      const id = str(q('id'), 'id');
      const user = str(q('user'), 'user');
      const f = await backends.drive.file(user, id);
      const raw = `/api/drive/file?id=${encodeURIComponent(id)}&user=${encodeURIComponent(user)}`;
      const html = await previewHtml(f.name, f.mimeType, f.bytes, raw);
      if (html === null) {
        res.writeHead(302, { location: raw });
        return void res.end();
      }
      sendBytes(res, 'text/html; charset=utf-8', html, {
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
      });
    },
    'GET /api/outbox': async (_req, res) => sendJson(res, 200, { items: await backends.mail.outbox() }),
    'GET /api/outbox/attachment': async (_req, res, q) => {
      const a = await backends.mail.attachment(str(q('id'), 'id'), int(q('i'), 'i', 0, 1000));
      sendBytes(res, a.mimeType, a.bytes, {
        'content-disposition': attachment(a.name, false),
        'x-content-type-options': 'nosniff',
      });
    },
    'GET /api/webhooks': async (_req, res) =>
      sendJson(res, 200, {
        items: c.webhooks().map((w) => ({
          format: w.format,
          path: w.path.replace(/([?&](key|token)=)[^&]*/g, '$1…'),
          body: w.body,
          at: new Date(w.at).toISOString(),
        })),
      }),
    'GET /api/executions': async (_req, res) => sendJson(res, 200, { items: c.executions() }),
    'GET /api/triggers': async (_req, res) =>
      sendJson(res, 200, { now: rt.env.clock.now().toISOString(), triggers: await backends.triggers.list() }),
    'POST /api/clock': async (req, res) => {
      const b = await readJson<{ to: string }>(req);
      const to = new Date(str(b.to, 'to'));
      if (Number.isNaN(to.getTime())) throw new HttpError(400, `not a time: ${b.to}`);
      if (to.getTime() < rt.env.clock.now().getTime() - 1000) throw new HttpError(400, 'the clock only moves forward');
      sendJson(res, 200, { runs: await backends.triggers.tick(to), now: rt.env.clock.now().toISOString() });
    },
  };
}
