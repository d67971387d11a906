// The page's link to the workbench server: JSON calls, the event stream, and executions on this page's behalf.

export type { DemoUser } from '../../demo/types';
export type { SheetInfo, DocInfo } from '../backend';

export interface UiEvent {
  kind: 'ui';
  seq: number;
  execId: string;
  action: string;
  payload: unknown;
}

export type PageEvent =
  | { kind: 'hello'; client: string }
  | UiEvent
  | { kind: 'change'; scope: string; id: string }
  | { kind: 'ask'; id: string; request: { action: 'alert' | 'prompt'; title: string; message: string; buttons: string } }
  /** `run`: the execution's kind at the end (rpc, menu, installableTrigger…). */
  | { kind: 'exec'; phase: 'start' | 'end'; fn: string; user: string; ok?: boolean; run?: string };

export interface ExecReply {
  ok: boolean;
  value: unknown;
  error: { name: string; message: string } | null;
  ui: UiEvent[];
  durationMs: number;
  logs: string[];
}

export const clientId = `page-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

async function parse<T>(r: Response): Promise<T> {
  const text = await r.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new Error(`${r.status}: ${text.slice(0, 200)}`);
  }
  if (!r.ok) throw new Error((body as { error?: string })?.error ?? `HTTP ${r.status}`);
  return body as T;
}

export async function getJson<T>(url: string): Promise<T> {
  return parse<T>(await fetch(url, { cache: 'no-store' }));
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

/** Opens the event stream; resolves once the server has greeted this page. */
export function connectEvents(onEvent: (e: PageEvent) => void): Promise<void> {
  return new Promise((resolve) => {
    const es = new EventSource(`/api/events?client=${encodeURIComponent(clientId)}`);
    es.onmessage = (m) => {
      const e = JSON.parse(m.data as string) as PageEvent;
      if (e.kind === 'hello') resolve();
      onEvent(e);
    };
  });
}

let busy = 0;
let done = 0;
function setBusy(delta: number, fn: string): void {
  busy += delta;
  document.body.dataset.busy = String(busy);
  const s = document.getElementById('exec-status');
  if (s) s.textContent = busy > 0 ? `Running ${fn}…` : '';
}

/** Counts a finished execution once the page has shown what it did (tests wait on body[data-done]). */
export function markDone(): void {
  document.body.dataset.done = String(++done);
}

/** Runs a server function on the runtime for this page (its UI calls come back to this page). */
export async function execute(
  fn: string,
  kind: 'rpc' | 'menu' | 'simpleTrigger',
  user: string,
  documentId: string | null,
  args: unknown[] = [],
): Promise<ExecReply> {
  setBusy(1, fn);
  try {
    return await postJson<ExecReply>('/api/exec', { client: clientId, fn, args, kind, user, documentId });
  } finally {
    setBusy(-1, fn);
  }
}
