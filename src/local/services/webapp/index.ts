// Web apps (guides/web): deployments of the project and the HTTP request path that runs doGet(e)/doPost(e) as the
// deploying user ("Execute as: me"), with Apps Script's event object (guides/web#request_parameters: parameter,
// parameters, queryString, contextPath, contentLength, pathInfo, postData {contents, length, type, name}); request
// headers are not given to the script. Deployments are kept in <state>/webapp.json.
//
// Host API for the workbench and tests:
//   deployWebApp(rt, {deployer, description?, executeAs?, access?})  → Deployment (defaults from the manifest's webapp)
//   deployments(env)                                                 → Deployment[] (newest last)
//   webAppUrl(d)   'https://script.google.com/macros/s/<id>/exec'   (what ScriptApp.getService().getUrl() answers)
//   handleWebApp(rt, id, {method, pathInfo, queryString, body, contentType}, opts?) → WebAppReply
//   echo(env, key) the content a redirect points at (GET /echo?user_content_key=…; kept ten minutes)
// ContentService output is answered as Apps Script does: a 302 to a one-off URL that serves the content
// (developers.google.com/apps-script/guides/content#redirects); HtmlService output is the page itself.
import { randomBytes } from 'node:crypto';
import type { Runtime } from '../../runtime/runtime';
import type { RuntimeEnv, Store } from '../../runtime/env';
import type { ExecResult } from '../../runtime/types';
import { CONTENT_TYPES, type TextOutputWire } from '../content/index';
import type { HtmlWire } from '../../runtime/wire';

export interface Deployment {
  id: string;
  deployer: string;
  executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  access: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
  description: string;
  createdAt: string;
}

export interface WebAppRequest {
  method: 'GET' | 'POST';
  /** Path after /exec/, without a leading slash ('' for none). */
  pathInfo: string;
  /** The raw query string without '?'. */
  queryString: string;
  body: Uint8Array | null;
  /** The request's Content-Type header (parameters such as charset are dropped for postData.type). */
  contentType: string | null;
}

export interface WebAppReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The execution behind the reply (null when no script ran). */
  result: ExecResult | null;
}

/** Google's page for a script URL that does not exist (as users quote it). */
export const NO_SUCH_APP = 'Sorry, unable to open the file at this time.';
/** What a web app shows when doGet/doPost returns nothing (guides/web; the text users report). */
export const NOTHING_RETURNED = 'The script completed but did not return anything.';

class DeploymentStore implements Store {
  private items: Deployment[];
  private dirty = false;
  readonly echoes = new Map<string, { output: TextOutputWire; at: number }>();
  constructor(private env: RuntimeEnv) {
    this.items = env.readJson<Deployment[]>('webapp.json', []);
  }
  list(): Deployment[] {
    return [...this.items];
  }
  add(d: Deployment): void {
    this.items.push(d);
    this.dirty = true;
    this.env.emitEvent({ type: 'change', scope: 'webapp', id: d.id });
  }
  save(): void {
    if (!this.dirty) return;
    this.env.writeJson('webapp.json', this.items);
    this.dirty = false;
  }
}

const store = (env: RuntimeEnv) => env.store('webapp', () => new DeploymentStore(env));

export function deployments(env: RuntimeEnv): Deployment[] {
  return store(env).list();
}

export function webAppUrl(d: Deployment): string {
  return `https://script.google.com/macros/s/${d.id}/exec`;
}

/** A new versioned deployment; its settings come from appsscript.json's "webapp" unless given (a manifest without
 * one cannot be deployed as a web app). */
export function deployWebApp(
  rt: Runtime,
  opts: { deployer: string; description?: string; executeAs?: Deployment['executeAs']; access?: Deployment['access'] },
): Deployment {
  const w = rt.env.manifest().webapp;
  const executeAs = opts.executeAs ?? w?.executeAs;
  const access = opts.access ?? w?.access;
  if (!executeAs || !access) throw new Error('deployWebApp: appsscript.json has no "webapp" section (executeAs, access)');
  if (executeAs !== 'USER_DEPLOYING')
    throw new Error('deployWebApp: only "execute as the deploying user" is emulated (no signed-in visitors offline)');
  const d: Deployment = {
    id: `AKfycb${randomBytes(60).toString('base64url').slice(0, 66)}`,
    deployer: opts.deployer,
    executeAs,
    access,
    description: opts.description ?? '',
    createdAt: rt.env.clock.now().toISOString(),
  };
  store(rt.env).add(d);
  return d;
}

function addParams(into: { parameter: Record<string, string>; parameters: Record<string, string[]> }, text: string): void {
  for (const [k, v] of new URLSearchParams(text)) {
    (into.parameters[k] ??= []).push(v);
    if (!(k in into.parameter)) into.parameter[k] = v;
  }
}

/** The event object of one request (guides/web#request_parameters). A GET has contentLength -1 and no postData;
 * a form-encoded POST body also fills parameter(s), after the query string's values. */
export function webAppEvent(req: WebAppRequest): Record<string, unknown> {
  const e = { parameter: {} as Record<string, string>, parameters: {} as Record<string, string[]> };
  addParams(e, req.queryString);
  const out: Record<string, unknown> = {
    queryString: req.queryString,
    parameter: e.parameter,
    parameters: e.parameters,
    contextPath: '',
    contentLength: -1,
  };
  if (req.pathInfo) out.pathInfo = req.pathInfo;
  if (req.method === 'POST') {
    const contents = req.body ? new TextDecoder().decode(req.body) : '';
    const type = (req.contentType ?? '').split(';')[0].trim().toLowerCase();
    out.contentLength = req.body?.length ?? 0;
    out.postData = { contents, length: req.body?.length ?? 0, type, name: 'postData' };
    if (type === 'application/x-www-form-urlencoded') addParams(e, contents);
  }
  return out;
}

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div style="font-family:Arial,sans-serif;margin:20px">${text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')}</div></body></html>`;

const HTML = { 'content-type': 'text/html; charset=utf-8' };

/** Runs doGet/doPost of a deployment for one request and answers as Google's web-app front end would. */
export async function handleWebApp(
  rt: Runtime,
  deploymentId: string,
  req: WebAppRequest,
  opts: { script?: string; timeLimitMs?: number } = {},
): Promise<WebAppReply> {
  const d = store(rt.env)
    .list()
    .find((x) => x.id === deploymentId);
  if (!d) return { status: 404, headers: HTML, body: page('Error', NO_SUCH_APP), result: null };
  if (d.access !== 'ANYONE_ANONYMOUS')
    return { status: 401, headers: HTML, body: page('Sign in', 'Sign in to continue to Google Apps Script.'), result: null };
  const fn = req.method === 'POST' ? 'doPost' : 'doGet';
  const event = webAppEvent(req);
  const result = await rt.execute({
    fn,
    kind: 'webapp',
    user: d.deployer,
    authMode: 'FULL',
    // a web app has no open document: getActiveSpreadsheet() answers null there
    documentId: null,
    event: () => event,
    script: opts.script,
    timeLimitMs: opts.timeLimitMs,
  });
  if (!result.ok) {
    // Google answers script errors with a page naming the error (HTTP 200: the caller cannot tell it failed).
    return { status: 200, headers: HTML, body: page('Error', `${result.error!.name}: ${result.error!.message}`), result };
  }
  const v = result.value as Partial<TextOutputWire & HtmlWire> | undefined;
  if (v?.__textOutput) {
    const key = randomBytes(24).toString('base64url');
    const echoes = store(rt.env).echoes;
    echoes.set(key, { output: v as TextOutputWire, at: Date.now() });
    for (const [k, e] of echoes) if (Date.now() - e.at > 10 * 60_000) echoes.delete(k);
    return {
      status: 302,
      headers: { location: `/echo?user_content_key=${key}`, ...HTML },
      body: page('Moved', 'Moved Temporarily'),
      result,
    };
  }
  if (v?.__html) {
    return {
      status: 200,
      headers: {
        ...HTML,
        // the visitor's page runs scripts but never on the workbench's origin (Google serves it from a sandbox domain)
        'content-security-policy': 'sandbox allow-scripts allow-forms allow-popups',
      },
      body: String(v.content ?? ''),
      result,
    };
  }
  return { status: 200, headers: HTML, body: page('Apps Script', NOTHING_RETURNED), result };
}

/** The content a ContentService redirect points at, with its Content-Type (and a file name for downloadAsFile). */
export function echo(env: RuntimeEnv, key: string): { headers: Record<string, string>; body: string } | null {
  const e = store(env).echoes.get(key);
  if (!e) return null;
  const headers: Record<string, string> = { 'content-type': `${CONTENT_TYPES[e.output.mimeType]}; charset=utf-8` };
  if (e.output.fileName) headers['content-disposition'] = `attachment; filename="${e.output.fileName.replace(/"/g, '')}"`;
  return { headers, body: e.output.content };
}
