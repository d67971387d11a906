// Busy and guarded actions: while an action runs its buttons are disabled and its text shows; a failure is shown, never
// swallowed. Every sidebar and dialog runs its server calls through these.
import { byId, el, status } from './dom';
import { showError } from './errors';

export interface GuardOptions {
  /** The buttons to disable while it runs (default: every button in the page). */
  buttons?: Iterable<HTMLButtonElement>;
  /** Shown while it runs (e.g. a progress bar); hidden again after. */
  progress?: HTMLElement | null;
}

/** Runs `fn` as one user action: busy text and disabled buttons while it runs, its failure shown in the status line. */
/** A text now, or how to make it when needed (so a language switch after wiring is honoured). */
export type Lazy = string | (() => string);

export async function guarded<T>(busyText: Lazy, fn: () => Promise<T>, opts: GuardOptions = {}): Promise<T | undefined> {
  const buttons = [...(opts.buttons ?? document.querySelectorAll('button'))];
  for (const b of buttons) b.disabled = true;
  if (opts.progress) opts.progress.hidden = false;
  const busy = typeof busyText === 'function' ? busyText() : busyText;
  if (busy) status(busy, 'info');
  try {
    return await fn();
  } catch (e) {
    showError(e);
    document.getElementById('status')?.scrollIntoView({ block: 'nearest' });
    return undefined;
  } finally {
    for (const b of buttons) b.disabled = false;
    if (opts.progress) opts.progress.hidden = true;
  }
}

/** Wires the button #id to a guarded action; `only: 'self'` disables just that button while it runs. */
export function onClick(
  id: string,
  busyText: Lazy,
  fn: () => Promise<unknown>,
  opts: GuardOptions & { only?: 'self' } = {},
): HTMLButtonElement {
  const b = byId(id, HTMLButtonElement);
  const o = opts.only === 'self' ? { ...opts, buttons: [b] } : opts;
  b.addEventListener('click', () => void guarded(busyText, fn, o));
  return b;
}

/** A new button whose action disables only itself while it runs. */
export function actionButton(
  label: string | Node,
  fn: () => Promise<unknown>,
  opts: { primary?: boolean } = {},
): HTMLButtonElement {
  const b = el('button', { class: opts.primary ? 'primary' : '' }, label);
  b.addEventListener('click', () => void guarded('', fn, { buttons: [b] }));
  return b;
}

/** Reloads a view in the background (a timer, a change of choice): a failure is shown, not swallowed. */
export function refreshing(fn: () => Promise<unknown>): () => void {
  return () => {
    fn().catch((e: unknown) => showError(e));
  };
}

/**
 * A loader whose newest call wins: `show` gets the answer of the latest call only, so a slow answer to an older choice
 * (a month, a filter, a page) never overwrites a newer one. Failures reach the caller.
 */
export function latestCall<T>(load: () => Promise<T>, show: (value: T) => void): () => Promise<void> {
  let seq = 0;
  return async () => {
    const mine = ++seq;
    const value = await load();
    if (mine === seq) show(value);
  };
}

/** Runs `load` now and again whenever one of `inputs` changes; a failure is shown, not swallowed. */
export function reloadOn(load: () => Promise<unknown>, inputs: HTMLElement[]): void {
  const run = () => {
    load().catch((e: unknown) => showError(e));
  };
  for (const i of inputs) i.addEventListener('change', run);
  run();
}
