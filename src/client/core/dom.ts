// Tiny DOM helpers shared by the sidebars: element creation that never interprets text as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | ((ev: Event) => void)> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (typeof v === 'boolean') {
      if (v) node.setAttribute(k, '');
    } else node.setAttribute(k, String(v));
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function $(sel: string): HTMLElement {
  const n = document.querySelector(sel);
  if (!n) throw new Error(`missing element ${sel}`);
  return n as HTMLElement;
}

/** Shows a message in the sidebar's status line; kind decides its colour. */
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
