// Toasts, alerts and prompts as Sheets shows them; alerts and prompts answer the runtime's blocking questions.
import { h, byId } from './dom';
import { postJson } from './api';

let toastTimer = 0;

export function toast(p: unknown): void {
  const o = (p ?? {}) as Record<string, unknown>;
  const message = String(o.message ?? o.msg ?? '');
  const title = o.title ? String(o.title) : '';
  const seconds = typeof o.seconds === 'number' ? o.seconds : typeof o.timeoutSeconds === 'number' ? o.timeoutSeconds : 5;
  const box = byId('toast');
  box.replaceChildren(
    h(
      'div',
      { class: 'toast-body' },
      title ? h('div', { class: 'toast-title' }, title) : null,
      h('div', { class: 'toast-message' }, message),
    ),
    h('button', { class: 'x', onclick: () => (box.hidden = true) }, '×'),
  );
  box.hidden = false;
  clearTimeout(toastTimer);
  if (seconds >= 0) toastTimer = window.setTimeout(() => (box.hidden = true), Math.max(seconds, 1) * 1000);
}

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};
const LABEL: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

/** Shows an alert or prompt and sends the pressed button (and prompt text) back to the waiting execution. */
export function ask(id: string, req: { action: 'alert' | 'prompt'; title: string; message: string; buttons: string }): void {
  const layer = byId('alert-layer');
  const input = req.action === 'prompt' ? h('input', { type: 'text', class: 'alert-input' }) : null;
  const done = (button: string) => {
    layer.hidden = true;
    layer.replaceChildren();
    void postJson('/api/answer', { id, button, text: input ? input.value : '' });
  };
  const buttons = (BUTTONS[req.buttons] ?? BUTTONS.OK).map((b) =>
    h('button', { 'data-button': b, class: b === 'OK' || b === 'YES' ? 'primary' : '', onclick: () => done(b) }, LABEL[b] ?? b),
  );
  const box = h(
    'div',
    { id: 'alert', class: 'alert', role: 'alertdialog' },
    h(
      'div',
      { class: 'dlg-head' },
      h('span', { class: 'alert-title' }, req.title || ''),
      h('button', { class: 'x', 'data-button': 'CLOSE', onclick: () => done('CLOSE') }, '×'),
    ),
    h('div', { class: 'alert-message' }, req.message),
    input,
    h('div', { class: 'alert-buttons' }, ...buttons),
  );
  if (input) input.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && done('OK'));
  layer.replaceChildren(h('div', { class: 'backdrop' }), box);
  layer.hidden = false;
  (input ?? buttons[buttons.length - 1]).focus();
}

/** A message in the status line at the bottom (workbench errors, not the add-on's). */
export function notice(text: string, kind: 'info' | 'error' = 'info'): void {
  const s = byId('notice');
  s.textContent = text;
  s.className = `notice ${kind}`;
  s.hidden = !text;
}
