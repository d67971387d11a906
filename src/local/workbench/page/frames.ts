// Sidebars and modal dialogs: the add-on's HtmlService output in sandboxed iframes, bridged to the runtime.
import { h, byId } from './dom';
import { withShim } from './shim';
import { openGoogleUrl } from './links';

export const SANDBOX = 'allow-scripts allow-forms allow-popups allow-modals allow-downloads';

export interface HtmlPayload {
  html: string;
  title: string;
  width: number | null;
  height: number | null;
}

/** Reads what Ui.showSidebar / showModalDialog sent, whatever field names the emulation used. */
export function htmlPayload(p: unknown): HtmlPayload {
  const o = (p ?? {}) as Record<string, unknown>;
  const out = (o.output ?? o.html ?? o.userInterface ?? o) as Record<string, unknown> | string;
  const src = typeof out === 'string' ? out : String(out.content ?? out.html ?? out.source ?? '');
  const num = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);
  const inner = typeof out === 'object' ? out : {};
  return {
    html: src,
    title: String(o.title ?? inner.title ?? ''),
    width: num(o.width) ?? num(inner.width),
    height: num(o.height) ?? num(inner.height),
  };
}

export type RunRpc = (
  fn: string,
  args: unknown[],
) => Promise<{ ok: boolean; value: unknown; error: { name: string; message: string } | null }>;

/** The frames that are open, so messages are answered only for them. */
const frames = new Map<Window, { kind: 'sidebar' | 'dialog'; el: HTMLIFrameElement }>();

const STORAGE_KEY = 'datadesk.addonStorage';

/** The add-on frames' shared localStorage, kept in the workbench page's own storage. */
function addonStorage(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function storageOp(m: { op?: string; key?: string; value?: string }): void {
  const d = addonStorage();
  if (m.op === 'set' && typeof m.key === 'string') d[m.key] = String(m.value ?? '');
  else if (m.op === 'remove' && typeof m.key === 'string') delete d[m.key];
  else if (m.op === 'clear') for (const k of Object.keys(d)) delete d[k];
  localStorage.setItem(STORAGE_KEY, JSON.stringify(d));
}

function frame(html: string, title: string): HTMLIFrameElement {
  const f = h('iframe', { sandbox: SANDBOX, title }) as HTMLIFrameElement;
  f.srcdoc = withShim(html, addonStorage());
  return f;
}

export function openSidebar(p: HtmlPayload): void {
  closeSidebar();
  const f = frame(p.html, p.title);
  const box = byId('sidebar');
  box.replaceChildren(
    h(
      'div',
      { class: 'side-head' },
      h('span', { id: 'sidebar-title' }, p.title || 'DataDesk'),
      h('button', { id: 'sidebar-close', class: 'x', title: 'Close', onclick: () => closeSidebar() }, '×'),
    ),
    f,
  );
  box.hidden = false;
  frames.set(f.contentWindow!, { kind: 'sidebar', el: f });
}

export function closeSidebar(): void {
  const box = byId('sidebar');
  for (const [w, v] of frames) if (v.kind === 'sidebar') frames.delete(w);
  box.replaceChildren();
  box.hidden = true;
}

export function openDialog(p: HtmlPayload): void {
  closeDialog();
  const f = frame(p.html, p.title);
  const w = Math.min(p.width ?? 600, window.innerWidth - 40);
  const ht = Math.min(p.height ?? 400, window.innerHeight - 100);
  const dlg = h(
    'div',
    { id: 'dialog', class: 'dialog', role: 'dialog', 'aria-label': p.title },
    h(
      'div',
      { class: 'dlg-head' },
      h('span', { id: 'dialog-title' }, p.title),
      h('button', { class: 'x', id: 'dialog-close', title: 'Close', onclick: () => closeDialog() }, '×'),
    ),
    f,
  );
  f.style.width = `${w}px`;
  f.style.height = `${ht}px`;
  byId('dialog-layer').replaceChildren(h('div', { class: 'backdrop' }), dlg);
  byId('dialog-layer').hidden = false;
  frames.set(f.contentWindow!, { kind: 'dialog', el: f });
}

export function closeDialog(): void {
  for (const [w, v] of frames) if (v.kind === 'dialog') frames.delete(w);
  const layer = byId('dialog-layer');
  layer.replaceChildren();
  layer.hidden = true;
}

/** Answers google.script.run and google.script.host messages from the open frames. */
export function listenToFrames(run: RunRpc): void {
  window.addEventListener('message', (ev: MessageEvent) => {
    const src = ev.source as Window | null;
    const f = src ? frames.get(src) : undefined;
    const m = ev.data as { __dd?: string; id?: number; fn?: string; args?: unknown[]; op?: string; value?: number };
    if (!f || !m || typeof m !== 'object') return;
    if (m.__dd === 'run' && typeof m.fn === 'string') {
      run(m.fn, Array.isArray(m.args) ? m.args : []).then(
        (r) =>
          src!.postMessage(
            r.ok
              ? { __dd: 'result', id: m.id, ok: true, value: r.value }
              : { __dd: 'result', id: m.id, ok: false, name: r.error?.name, message: r.error?.message },
            '*',
          ),
        (e: Error) => src!.postMessage({ __dd: 'result', id: m.id, ok: false, name: 'NetworkError', message: e.message }, '*'),
      );
    } else if (m.__dd === 'open' && typeof (m as { url?: unknown }).url === 'string') {
      openGoogleUrl((m as { url: string }).url);
    } else if (m.__dd === 'storage') {
      storageOp(m as { op?: string; key?: string; value?: string });
    } else if (m.__dd === 'host') {
      if (m.op === 'close') (f.kind === 'sidebar' ? closeSidebar : closeDialog)();
      else if (m.op === 'setHeight' && f.kind === 'dialog' && m.value! > 0)
        f.el.style.height = `${Math.min(m.value!, window.innerHeight - 100)}px`;
      else if (m.op === 'setWidth' && f.kind === 'dialog' && m.value! > 0)
        f.el.style.width = `${Math.min(m.value!, window.innerWidth - 40)}px`;
      else if (m.op === 'focus') byId('grid').querySelector<HTMLElement>('.grid-scroller')?.focus();
    }
  });
}
