// Connects browser pages to the runtime: runs executions on a page's behalf, routes each execution's UI calls
// (menus, sidebars, toasts) back to the page that started it, and asks that page to answer alerts and prompts.
import type { ServerResponse } from 'node:http';
import type { Runtime } from '../runtime/runtime';
import type { RuntimeEvent, UiRequest } from '../runtime/env';
import type { ExecOptions, ExecResult } from '../runtime/types';

/** What a page receives on its event stream. */
export type PageEvent =
  | { kind: 'hello'; client: string }
  | { kind: 'ui'; seq: number; execId: string; action: string; payload: unknown }
  | { kind: 'change'; scope: string; id: string }
  | { kind: 'ask'; id: string; request: UiRequest }
  | { kind: 'exec'; phase: 'start' | 'end'; fn: string; user: string; ok?: boolean; run?: string };

interface Client {
  id: string;
  res: ServerResponse | null;
}

interface Pending {
  resolve: (a: { button: string; text?: string }) => void;
  client: string;
}

/** The button an alert or prompt gets when no page can answer it. */
function defaultButton(buttons: string): string {
  return buttons.startsWith('YES') ? 'YES' : 'OK';
}

export class Hub {
  private clients = new Map<string, Client>();
  private execClient = new Map<string, string>();
  private execUi = new Map<string, PageEvent[]>();
  private asks = new Map<string, Pending>();
  private seq = 0;
  private askSeq = 0;
  private readonly onEvent = (e: RuntimeEvent) => this.route(e);

  constructor(private readonly rt: Runtime) {
    rt.env.on('event', this.onEvent);
    rt.env.uiResponder = (req) => this.ask(req);
  }

  /** Opens a page's event stream (server-sent events). */
  attach(clientId: string, res: ServerResponse): void {
    const old = this.clients.get(clientId);
    if (old?.res && old.res !== res) old.res.end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': open\n\n');
    this.clients.set(clientId, { id: clientId, res });
    res.on('close', () => {
      const c = this.clients.get(clientId);
      if (c?.res === res) this.clients.delete(clientId);
      // Questions that page was asked get the default answer, so the execution can finish.
      for (const [id, p] of this.asks) if (p.client === clientId) this.answer(id, { button: 'CLOSE' });
    });
    this.send(clientId, { kind: 'hello', client: clientId });
  }

  private send(clientId: string, e: PageEvent): void {
    const c = this.clients.get(clientId);
    if (c?.res) c.res.write(`data: ${JSON.stringify(e)}\n\n`);
  }

  private broadcast(e: PageEvent): void {
    for (const id of this.clients.keys()) this.send(id, e);
  }

  private route(e: RuntimeEvent): void {
    if (e.type === 'change') this.broadcast({ kind: 'change', scope: e.scope, id: e.id });
    else if (e.type === 'exec') this.broadcast({ kind: 'exec', phase: e.phase, fn: e.fn, user: e.user, ok: e.ok, run: e.kind });
    else if (e.type === 'ui') {
      const ev: PageEvent = { kind: 'ui', seq: ++this.seq, execId: e.execId, action: e.action, payload: e.payload };
      this.execUi.get(e.execId)?.push(ev);
      const client = this.execClient.get(e.execId);
      if (client) this.send(client, ev);
      // Triggers have no page; their toasts show on every open page.
      else if (e.action === 'toast') this.broadcast(ev);
    }
  }

  /** Runs one execution for a page; the result carries the UI calls it made (the page dedupes by seq). */
  async execute(clientId: string | null, opts: ExecOptions): Promise<ExecResult & { ui: PageEvent[] }> {
    let execId: string | null = null;
    const grab = (e: RuntimeEvent) => {
      if (!execId && e.type === 'exec' && e.phase === 'start') {
        execId = e.execId;
        if (clientId) this.execClient.set(execId, clientId);
        this.execUi.set(execId, []);
      }
    };
    // Runtime.execute emits its start event synchronously, before its first await: no other execution can interleave.
    this.rt.env.prependListener('event', grab);
    let p: Promise<ExecResult>;
    try {
      p = this.rt.execute(opts);
    } finally {
      this.rt.env.off('event', grab);
    }
    try {
      const r = await p;
      return { ...r, ui: (execId && this.execUi.get(execId)) || [] };
    } finally {
      if (execId) {
        this.execClient.delete(execId);
        this.execUi.delete(execId);
      }
    }
  }

  private ask(req: UiRequest): Promise<{ button: string; text?: string }> {
    const client = this.execClient.get(req.execId);
    if (!client || !this.clients.get(client)?.res) return Promise.resolve({ button: defaultButton(req.buttons) });
    const id = `ask-${++this.askSeq}`;
    return new Promise((resolve) => {
      this.asks.set(id, { resolve, client });
      this.send(client, { kind: 'ask', id, request: req });
    });
  }

  /** A page's answer to an alert or prompt; false when nothing waits for it. */
  answer(id: string, a: { button: string; text?: string }): boolean {
    const p = this.asks.get(id);
    if (!p) return false;
    this.asks.delete(id);
    p.resolve({ button: String(a.button || 'CLOSE').toUpperCase(), text: a.text ?? '' });
    return true;
  }

  close(): void {
    this.rt.env.off('event', this.onEvent);
    if (this.rt.env.uiResponder) this.rt.env.uiResponder = null;
    for (const id of [...this.asks.keys()]) this.answer(id, { button: 'CLOSE' });
    for (const c of this.clients.values()) c.res?.end();
    this.clients.clear();
  }
}
