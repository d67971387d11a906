// Small form helpers of the budget sidebar: labelled fields, month/cluster pickers, action buttons (core/actions).
import { t } from '../../server/core/text';
import { el, status } from '../core/dom';
import { actionButton } from '../core/actions';
import type { Me } from './main';

export function field(label: string, input: HTMLElement): HTMLElement {
  return el('div', {}, el('label', {}, label), input);
}

/** Labelled fields, one per [label, input] pair, in order. */
export function fields(...pairs: Array<[string, HTMLElement]>): HTMLElement[] {
  return pairs.map(([label, input]) => field(label, input));
}

/** A month picker on the server's current month (WIB), or `ahead` months later (planning: allocations, splits). */
export function monthInput(me: Me, ahead = 0): HTMLInputElement {
  return el('input', { type: 'month', value: addMonths(me.month, ahead), required: true }) as HTMLInputElement;
}

/** "YYYY-MM" plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function clusterSelect(me: Me, withAll = false): HTMLSelectElement {
  const s = el('select', {}) as HTMLSelectElement;
  if (withAll) s.append(el('option', { value: '' }, t('budget.ui.allClusters')));
  for (const c of me.clusters) s.append(el('option', { value: c.id, translate: 'no' }, `${c.name} (${c.id})`));
  return s;
}

export function pointTypeSelect(me: Me): HTMLSelectElement {
  const s = el('select', {}) as HTMLSelectElement;
  for (const p of me.pointTypes) s.append(el('option', { value: p, translate: 'no' }, p));
  return s;
}

/** A button that disables itself while its action runs and shows its failure in the page's language. */
export function action(label: string | Node, run: () => Promise<void>, primary = false): HTMLButtonElement {
  return actionButton(label, run, { primary });
}

export function section(title: string, open: boolean, ...children: Array<Node | string>): HTMLElement {
  const d = el('details', {}, el('summary', {}, title), ...children) as HTMLDetailsElement;
  d.open = open;
  return d;
}

/** A success note in the status line. */
export function ok(text: string): void {
  status(text, 'ok');
}

/** Reads files chosen in a file input as {name, base64}. */
export function readFiles(input: HTMLInputElement): Promise<Array<{ name: string; data: string }>> {
  const files = Array.from(input.files ?? []);
  return Promise.all(
    files.map(
      (f) =>
        new Promise<{ name: string; data: string }>((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve({ name: f.name, data: String(r.result).replace(/^data:[^,]*,/, '') });
          r.onerror = () => reject(r.error);
          r.readAsDataURL(f);
        }),
    ),
  );
}
