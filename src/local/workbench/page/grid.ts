// The virtualised grid: renders only the visible cells, fetching display values in blocks as the user scrolls.
import { getJson, postJson, SheetInfo } from './api';
import { h, colName } from './dom';

const ROW_H = 21;
const COL_W = 100;
const HEAD_W = 46;
const HEAD_H = 24;
const BLOCK_R = 100;
const BLOCK_C = 26;
const MAX_BLOCKS = 400;

interface Block {
  values: string[][] | null;
  loading: Promise<void> | null;
  gen: number;
}

export interface GridHost {
  user(): string;
  documentId(): string;
  onSelect(cell: string, value: string): void;
  onError(message: string): void;
}

export class Grid {
  readonly root: HTMLElement;
  private scroller: HTMLElement;
  private spacer: HTMLElement;
  private cells: HTMLElement;
  private colHead: HTMLElement;
  private rowHead: HTMLElement;
  private selBox: HTMLElement;
  private editor: HTMLInputElement;
  private sheet: SheetInfo | null = null;
  private blocks = new Map<string, Block>();
  private gen = 0;
  private raf = 0;
  private sel = { r: 0, c: 0 };
  private editing = false;

  constructor(private host: GridHost) {
    this.spacer = h('div', { class: 'grid-spacer' });
    this.cells = h('div', { class: 'grid-cells' });
    this.selBox = h('div', { class: 'grid-sel' });
    this.editor = h('input', { class: 'grid-editor', id: 'cell-editor', spellcheck: 'false' });
    this.scroller = h('div', { class: 'grid-scroller', tabindex: 0 }, this.spacer, this.cells, this.selBox, this.editor);
    this.colHead = h('div', { class: 'grid-colhead' });
    this.rowHead = h('div', { class: 'grid-rowhead' });
    this.root = h('div', { id: 'grid', class: 'grid', 'data-testid': 'grid' }, h('div', { class: 'grid-corner' }), this.colHead, this.rowHead, this.scroller);
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.scroller.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.scroller.addEventListener('dblclick', () => this.startEdit(null));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.editor.addEventListener('keydown', (e) => this.onEditorKey(e));
    this.editor.addEventListener('blur', () => {
      if (this.editing) void this.commit();
    });
  }

  /** Shows a sheet from the top (or keeps the scroll position when it is the same sheet). */
  show(sheet: SheetInfo, keepPosition = false): void {
    const same = keepPosition && this.sheet?.name === sheet.name;
    this.sheet = sheet;
    this.invalidate();
    this.spacer.style.width = `${sheet.cols * COL_W}px`;
    this.spacer.style.height = `${sheet.rows * ROW_H}px`;
    if (!same) {
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
      this.sel = { r: 0, c: 0 };
    }
    this.root.dataset.sheet = sheet.name;
    this.root.dataset.rows = String(sheet.rows);
    this.render();
  }

  /** Drops every cached block (the sheet changed); visible cells are fetched again. */
  invalidate(): void {
    this.gen++;
    for (const b of this.blocks.values()) b.gen = -1;
    this.schedule();
  }

  private schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.render();
    });
  }

  private view() {
    const s = this.sheet!;
    const r0 = Math.min(Math.floor(this.scroller.scrollTop / ROW_H), Math.max(0, s.rows - 1));
    const c0 = Math.min(Math.floor(this.scroller.scrollLeft / COL_W), Math.max(0, s.cols - 1));
    const nr = Math.min(Math.ceil(this.scroller.clientHeight / ROW_H) + 1, s.rows - r0);
    const nc = Math.min(Math.ceil(this.scroller.clientWidth / COL_W) + 1, s.cols - c0);
    return { r0, c0, nr: Math.max(nr, 0), nc: Math.max(nc, 0) };
  }

  private block(br: number, bc: number): Block {
    const key = `${br}:${bc}`;
    let b = this.blocks.get(key);
    if (b && b.gen === this.gen) {
      this.blocks.delete(key);
      this.blocks.set(key, b); // most recently used last
      return b;
    }
    const stale = b?.values ?? null;
    b = { values: stale, loading: null, gen: this.gen };
    this.blocks.set(key, b);
    const sheet = this.sheet!;
    const gen = this.gen;
    const nb = b;
    const q = new URLSearchParams({
      id: this.host.documentId(),
      sheet: sheet.name,
      r0: String(br * BLOCK_R),
      c0: String(bc * BLOCK_C),
      nr: String(BLOCK_R),
      nc: String(BLOCK_C),
    });
    nb.loading = getJson<{ values: string[][] }>(`/api/window?${q}`)
      .then((r) => {
        if (nb.gen !== gen || this.sheet?.name !== sheet.name) return;
        nb.values = r.values;
        nb.loading = null;
        this.schedule();
      })
      .catch((e: Error) => {
        nb.loading = null;
        this.host.onError(`Could not load cells: ${e.message}`);
      });
    while (this.blocks.size > MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as string);
    return b;
  }

  private value(r: number, c: number): string | null {
    const b = this.block(Math.floor(r / BLOCK_R), Math.floor(c / BLOCK_C));
    if (!b.values) return null;
    const row = b.values[r % BLOCK_R];
    if (!row) return b.loading ? null : '';
    const v = row[c % BLOCK_C];
    return v === undefined || v === null ? '' : String(v);
  }

  private render(): void {
    if (!this.sheet) return;
    const { r0, c0, nr, nc } = this.view();
    // Column and row headers follow the scroll position.
    this.colHead.replaceChildren(
      ...Array.from({ length: nc }, (_, i) => h('div', { class: `hcell${c0 + i === this.sel.c ? ' on' : ''}`, style: `left:${(c0 + i) * COL_W - this.scroller.scrollLeft}px` }, colName(c0 + i))),
    );
    this.rowHead.replaceChildren(
      ...Array.from({ length: nr }, (_, i) => h('div', { class: `hcell${r0 + i === this.sel.r ? ' on' : ''}`, style: `top:${(r0 + i) * ROW_H - this.scroller.scrollTop}px` }, String(r0 + i + 1))),
    );
    let loaded = true;
    const rows: HTMLElement[] = [];
    for (let i = 0; i < nr; i++) {
      const r = r0 + i;
      const cells: HTMLElement[] = [];
      for (let j = 0; j < nc; j++) {
        const v = this.value(r, c0 + j);
        if (v === null) loaded = false;
        const num = v !== null && /^[-(]?(Rp\s?)?[\d.,]+%?\)?$/.test(v.trim()) && v.trim() !== '';
        cells.push(h('div', { class: num ? 'cell num' : 'cell', 'data-r': r, 'data-c': c0 + j }, v ?? ''));
      }
      rows.push(h('div', { class: 'grow' }, ...cells));
    }
    this.cells.style.transform = `translate(${c0 * COL_W}px, ${r0 * ROW_H}px)`;
    this.cells.replaceChildren(...rows);
    this.placeSelection();
    if (loaded && nr > 0) this.root.dataset.ready = '1';
    this.root.dataset.first = String(r0);
  }

  private placeSelection(): void {
    this.selBox.style.transform = `translate(${this.sel.c * COL_W}px, ${this.sel.r * ROW_H}px)`;
    const v = this.value(this.sel.r, this.sel.c) ?? '';
    this.host.onSelect(`${colName(this.sel.c)}${this.sel.r + 1}`, v);
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.target === this.editor) return;
    const rect = this.scroller.getBoundingClientRect();
    const x = e.clientX - rect.left + this.scroller.scrollLeft;
    const y = e.clientY - rect.top + this.scroller.scrollTop;
    if (x >= this.sheet!.cols * COL_W || y >= this.sheet!.rows * ROW_H) return;
    if (this.editing) void this.commit();
    this.select(Math.floor(y / ROW_H), Math.floor(x / COL_W));
  }

  /** Selects a cell (0-based) and scrolls it into view. */
  select(r: number, c: number): void {
    const s = this.sheet!;
    this.sel = { r: Math.max(0, Math.min(r, s.rows - 1)), c: Math.max(0, Math.min(c, s.cols - 1)) };
    const top = this.sel.r * ROW_H;
    const left = this.sel.c * COL_W;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_H > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + ROW_H - this.scroller.clientHeight;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (left + COL_W > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = left + COL_W - this.scroller.clientWidth;
    this.schedule();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || !this.sheet) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_H) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1], PageDown: [page, 0], PageUp: [-page, 0],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      const far = e.ctrlKey || e.metaKey;
      this.select(far && m[0] ? (m[0] > 0 ? this.sheet.rows - 1 : 0) : this.sel.r + m[0], far && m[1] ? (m[1] > 0 ? this.sheet.cols - 1 : 0) : this.sel.c + m[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.write(this.sel.r, this.sel.c, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  private startEdit(initial: string | null): void {
    if (!this.sheet) return;
    this.editing = true;
    this.editor.style.transform = `translate(${this.sel.c * COL_W}px, ${this.sel.r * ROW_H}px)`;
    this.editor.value = initial ?? this.value(this.sel.r, this.sel.c) ?? '';
    this.editor.style.display = 'block';
    this.editor.focus();
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      void this.commit().then(() => this.select(this.sel.r + (e.key === 'Enter' ? 1 : 0), this.sel.c + (e.key === 'Tab' ? 1 : 0)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.stopEdit();
    }
  }

  private stopEdit(): void {
    this.editing = false;
    this.editor.style.display = 'none';
    this.scroller.focus();
  }

  private async commit(): Promise<void> {
    const value = this.editor.value;
    const { r, c } = this.sel;
    this.stopEdit();
    if (value === (this.value(r, c) ?? '')) return;
    await this.write(r, c, value);
  }

  private async write(r: number, c: number, value: string): Promise<void> {
    const b = this.blocks.get(`${Math.floor(r / BLOCK_R)}:${Math.floor(c / BLOCK_C)}`);
    if (b?.values?.[r % BLOCK_R]) b.values[r % BLOCK_R][c % BLOCK_C] = value; // shows at once; the change event refreshes it
    this.schedule();
    try {
      await postJson('/api/edit', { id: this.host.documentId(), sheet: this.sheet!.name, row: r + 1, col: c + 1, value, user: this.host.user() });
    } catch (e) {
      this.host.onError(`Edit failed: ${(e as Error).message}`);
    }
    this.invalidate();
  }
}

export const GRID_METRICS = { ROW_H, COL_W, HEAD_W, HEAD_H };
