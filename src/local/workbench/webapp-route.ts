// The workbench's web-app front end: /exec/<deployment>[/<pathInfo>] runs doGet/doPost of that deployment, /echo serves
// the content a ContentService redirect points at (services/webapp). Any caller may use it, as a public web app's URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime/runtime';
import { echo, handleWebApp } from '../services/webapp/index';
import { HttpError, readBody } from './http';

/** Apps Script takes request bodies up to 50 MB (guides/services/quotas: URL Fetch POST size; web apps alike). */
const MAX_BODY = 50 * 1024 * 1024;

/** Answers /exec/… and /echo; false for any other path. */
export async function webAppRoute(rt: Runtime, req: IncomingMessage, res: ServerResponse, u: URL): Promise<boolean> {
  const m = /^\/exec\/([A-Za-z0-9_-]+)(?:\/(.*))?$/.exec(u.pathname);
  if (m && (req.method === 'GET' || req.method === 'POST')) {
    const body = req.method === 'POST' ? await readBody(req, MAX_BODY) : null;
    const r = await handleWebApp(rt, m[1], {
      method: req.method,
      pathInfo: m[2] ?? '',
      queryString: u.search.replace(/^\?/, ''),
      body,
      contentType: req.headers['content-type'] ?? null,
    });
    res.writeHead(r.status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...r.headers });
    res.end(r.body);
    return true;
  }
  if (req.method === 'GET' && u.pathname === '/echo') {
    const e = echo(rt.env, u.searchParams.get('user_content_key') ?? '');
    if (!e) throw new HttpError(404, 'no such content (it expires after ten minutes)');
    res.writeHead(200, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...e.headers });
    res.end(e.body);
    return true;
  }
  return false;
}
