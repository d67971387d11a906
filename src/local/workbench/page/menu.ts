// The Sheets menu bar; Extensions ▸ DataDesk shows exactly the menu the add-on's onOpen built.
import { h, byId } from './dom';

export interface MenuEntry {
  caption: string;
  fn: string | null;
  items: MenuEntry[] | null;
  separator: boolean;
}

/** Reads the menu an execution built (Ui.createAddonMenu … addToUi), whatever shape the emulation reports. */
export function parseMenu(payload: unknown): { title: string; items: MenuEntry[] } {
  const o = (payload ?? {}) as Record<string, unknown>;
  const conv = (x: unknown): MenuEntry => {
    if (x === null || x === undefined) return { caption: '', fn: null, items: null, separator: true };
    const e = x as Record<string, unknown>;
    if (e.separator === true || e.type === 'separator' || e.kind === 'separator')
      return { caption: '', fn: null, items: null, separator: true };
    const sub = (e.items ?? e.subMenu ?? e.submenu ?? (e.menu as Record<string, unknown> | undefined)?.items) as
      | unknown[]
      | undefined;
    return {
      caption: String(e.caption ?? e.name ?? e.title ?? ''),
      fn: (e.fn ?? e.functionName ?? e.function ?? null) as string | null,
      items: Array.isArray(sub) ? sub.map(conv) : null,
      separator: false,
    };
  };
  const items = (Array.isArray(payload) ? payload : (o.items ?? o.entries ?? [])) as unknown[];
  return { title: String(o.title ?? o.name ?? 'DataDesk'), items: items.map(conv) };
}

const TOP = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];

export class MenuBar {
  readonly root: HTMLElement;
  private menu: { title: string; items: MenuEntry[] } | null = null;
  private status = '';

  constructor(private onItem: (fn: string, caption: string) => void) {
    this.root = h(
      'div',
      { class: 'menubar', role: 'menubar' },
      ...TOP.map((t) =>
        h(
          'button',
          {
            class: 'top',
            id: `menu-${t.toLowerCase()}`,
            disabled: t !== 'Extensions',
            onclick: (e: Event) => {
              e.stopPropagation();
              this.toggle();
            },
          },
          t,
        ),
      ),
    );
    document.addEventListener('click', () => this.close());
    document.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && this.close());
  }

  /** The add-on menu for the current identity; `status` explains an empty one (e.g. onOpen failed). */
  setAddonMenu(menu: { title: string; items: MenuEntry[] } | null, status = ''): void {
    this.menu = menu;
    this.status = status;
    this.close();
  }

  close(): void {
    document.getElementById('menu-popup')?.remove();
  }

  private toggle(): void {
    if (document.getElementById('menu-popup')) return this.close();
    const anchor = byId('menu-extensions').getBoundingClientRect();
    const addon = h(
      'div',
      { class: 'menu-item has-sub', 'data-submenu': 'addon', tabindex: 0 },
      this.menu?.title || 'DataDesk',
      h('span', { class: 'arrow' }, '▸'),
    );
    const pop = h(
      'div',
      { id: 'menu-popup', class: 'menu', role: 'menu', style: `left:${anchor.left}px;top:${anchor.bottom}px` },
      h('div', { class: 'menu-item disabled' }, 'Add-ons', h('span', { class: 'arrow' }, '▸')),
      h('div', { class: 'menu-item disabled' }, 'Macros', h('span', { class: 'arrow' }, '▸')),
      h('div', { class: 'menu-sep' }),
      addon,
      h('div', { class: 'menu-sep' }),
      h('div', { class: 'menu-item disabled' }, 'Apps Script'),
    );
    pop.addEventListener('click', (e) => e.stopPropagation());
    const open = () => this.openSub(addon, this.menu?.items ?? [], 'addon-menu');
    addon.addEventListener('mouseenter', open);
    addon.addEventListener('click', open);
    document.body.append(pop);
  }

  private openSub(anchor: HTMLElement, all: MenuEntry[], id: string): void {
    document.getElementById(id)?.remove();
    // Sheets draws one line for adjacent separators and none at either end.
    const items = all.filter(
      (it, i) => !it.separator || (i > 0 && !all[i - 1].separator && all.slice(i + 1).some((x) => !x.separator)),
    );
    const r = anchor.getBoundingClientRect();
    const entries = items.map((it) => {
      if (it.separator) return h('div', { class: 'menu-sep' });
      if (it.items) {
        const sub = h('div', { class: 'menu-item has-sub', tabindex: 0 }, it.caption, h('span', { class: 'arrow' }, '▸'));
        sub.addEventListener('mouseenter', () => this.openSub(sub, it.items!, `${id}-sub`));
        return sub;
      }
      return h(
        'div',
        {
          class: 'menu-item',
          role: 'menuitem',
          tabindex: 0,
          'data-fn': it.fn ?? '',
          onclick: () => {
            this.close();
            if (it.fn) this.onItem(it.fn, it.caption);
          },
        },
        it.caption,
      );
    });
    if (!entries.length) entries.push(h('div', { class: 'menu-item disabled' }, this.status || 'The add-on built no menu items'));
    const sub = h('div', { id, class: 'menu', role: 'menu', style: `left:${r.right - 2}px;top:${r.top - 6}px` }, ...entries);
    (document.getElementById('menu-popup') ?? document.body).append(sub);
  }
}
