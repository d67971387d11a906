// DOM helpers shared by the sidebars: typed element lookup, element creation that never interprets text as HTML,
// the status line, amount inputs that accept what people type and echo it formatted.
import { formatNumber, parseAmount } from '../../server/core/format';
import { currentLang } from '../../server/core/text';

/** The element with that id, checked to be of the expected class (a wrong or missing id fails loudly, at once). */
export function byId<T extends HTMLElement = HTMLElement>(id: string, type?: new () => T): T {
  const n = document.getElementById(id);
  if (!n) throw new Error(`missing element #${id}`);
  if (type && !(n instanceof type)) throw new Error(`#${id} is a <${n.tagName.toLowerCase()}>, not a ${type.name}`);
  return n as T;
}

/**
 * A new element with attributes (on… are listeners, and only functions; false, null and undefined are left out) and
 * text-node children. The add-on's pages make links and file views with core/links.ts (scripts/check-fence.ts).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k) && typeof v !== 'function') throw new Error(`el(): "${k}" must be a listener, not text`);
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Shows a message in the sidebar's status line (#status); kind decides its colour. */
export function status(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const s = document.getElementById('status');
  if (!s) return;
  s.textContent = text;
  s.className = `status ${kind}`;
}

/** An amount as typed ("1.500.000", "1,5 jt", "Rp 2.000.000"), or null when empty or unreadable. */
export function amountOf(input: HTMLInputElement): number | null {
  return input.value.trim() === '' ? null : parseAmount(input.value);
}

/**
 * Makes `input` an amount field: it accepts what people type and, on leaving it, shows the amount formatted
 * ("1,5 jt" → "1.500.000"); something unreadable stays as typed for the server to name the problem.
 */
export function asAmountInput(input: HTMLInputElement): HTMLInputElement {
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  input.classList.add('amount');
  input.addEventListener('blur', () => {
    const n = amountOf(input);
    if (n !== null && Number.isInteger(n)) input.value = formatNumber(n);
  });
  return input;
}

/** A message from the server (both languages) in the page's language, as a status-coloured block with its id. */
export function notice(m: { id: string; en: string }, kind: 'info' | 'ok' | 'error', id: string): HTMLElement {
  return el('div', { class: `status ${kind}`, id }, m[currentLang()]);
}
