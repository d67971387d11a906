// DOM helpers shared by the sidebars: typed element lookup, element creation that never interprets text as HTML,
// the status line, Rupiah.

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

/** A message in Bahasa Indonesia with its English beneath, as DataDesk's explanations read (status colours). */
export function bilingual(m: { id: string; en: string }, kind: 'info' | 'ok' | 'error', id: string): HTMLElement {
  return el('div', { class: `status ${kind}`, id }, el('div', {}, m.id), el('div', { class: 'muted' }, m.en));
}

/** 28488600 → "Rp 28.488.600". */
export function rupiah(n: number): string {
  const v = Math.round(n);
  return (
    (v < 0 ? '-Rp ' : 'Rp ') +
    Math.abs(v)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  );
}
