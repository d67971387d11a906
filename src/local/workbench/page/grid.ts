// The virtualised grid: renders only the visible cells (plus frozen header rows), fetching display values and styles
// in blocks as the user scrolls; selecting (with Shift for a range) and typing edit cells as in Sheets.
import { getJson, postJson, SheetInfo } from './api';
import { CellCache, Style } from './cells';
import { h, colName } from './dom';
import { placeCharts } from './charts';
import { Columns, DEFAULT_COL_W } from './columns';
import { textWidthPx } from '../../services/spreadsheet/text-width';

const ROW_H = 21;
const HEAD_W = 46;
const HEAD_H = 24;

/** Time spent in render (read by the benchmark as window.__ddGrid). */
export const RENDER_STATS = { renders: 0, ms: 0 };
(globalThis as unknown as { __ddGrid: typeof RENDER_STATS }).__ddGrid = RENDER_STATS;

export interface Selection {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export interface GridHost {
  user(): string;
  documentId(): string;
  onSelect(cell: string, value: string, sel: Selection): void;
  onError(message: string): void;
}

type CellEl = HTMLElement & { _v?: string; _k?: string; _s?: string; _r?: string; _c?: number; _sp?: string };

/** Horizontal padding of a cell's text (style.css .cell). */
const CELL_PAD_PX = 6;

/** Text that runs on to the right when wider than its cell: left-aligned (or unaligned) text that is not a number. */
function spills(el: CellEl, st: Style): boolean {
  const al = String(st?.horizontalAlignment ?? '').toLowerCase();
  return el._k === 'cell' && (al === '' || al === 'left' || al === 'general');
}

/** The text's width as drawn: the grid's font (Arimo) has Arial's metrics, so Sheets' own estimate holds; bold glyphs
 * run about a tenth wider. */
function shownWidthPx(text: string, st: Style): number {
  return textWidthPx(text) * (st?.fontWeight === 'bold' ? 1.1 : 1);
}

function cellStyle(st: Style): string {
  if (!st) return '';
  let css = '';
  if (st.fontWeight === 'bold') css += 'font-weight:bold;';
  if (typeof st.background === 'string' && /^#[0-9a-f]{3,8}$|^[a-z]+$/i.test(st.background))
    css += `background:${st.background};`;
  if (typeof st.fontColor === 'string' && /^#[0-9a-f]{3,8}$|^[a-z]+$/i.test(st.fontColor)) css += `color:${st.fontColor};`;
  if (typeof st.fontSize === 'number') css += `font-size:${Math.min(Math.max(st.fontSize, 6), 14)}px;`;
  const al = String(st.horizontalAlignment ?? '').toLowerCase();
  if (al === 'center' || al === 'right' || al === 'left') css += `text-align:${al};`;
  return css;
}

export class Grid {
  readonly root: HTMLElement;
  private scroller: HTMLElement;
  private spacer: HTMLElement;
  private cells: HTMLElement;
  private chartLayer = h('div', { class: 'grid-charts', id: 'grid-charts' });
  private frozen: HTMLElement;
  private cols = new Columns(0);
  private frozenCells = h('div', { class: 'grid-cells' });
  private colInner = h('div', { class: 'head-strip' });
  private rowInner = h('div', { class: 'head-strip' });
  private rowFrozen = h('div', { class: 'head-strip' });
  private colPool = new Map<number, HTMLElement>();
  private rowPool = new Map<number, HTMLElement>();
  private rowFrozenPool = new Map<number, HTMLElement>();
  private frozenPool = new Map<number, HTMLElement>();
  private cellPool = new Map<number, HTMLElement>();
  private colHead: HTMLElement;
  private rowHead: HTMLElement;
  private selBox: HTMLElement;
  private editor: HTMLInputElement;
  private sheet: SheetInfo | null = null;
  private cache: CellCache;
  private raf = 0;
  private anchor = { r: 0, c: 0 };
  private focusCell = { r: 0, c: 0 };
  private editing = false;
  private lastSelKey = '';

  constructor(private host: GridHost) {
    this.cache = new CellCache(
      (r0, c0, nr, nc) => {
        const q = new URLSearchParams({
          id: host.documentId(),
          sheet: this.sheet!.name,
          r0: String(r0),
          c0: String(c0),
          nr: String(nr),
          nc: String(nc),
        });
        return getJson(`/api/window?${q}`);
      },
      () => this.schedule(),
      (m) => host.onError(m),
    );
    this.spacer = h('div', { class: 'grid-spacer' });
    this.cells = h('div', { class: 'grid-cells' });
    this.scroller = h('div', { class: 'grid-scroller', tabindex: 0 }, this.spacer, this.cells, this.chartLayer);
    this.frozen = h('div', { class: 'grid-frozen' });
    this.selBox = h('div', { class: 'grid-sel' });
    this.editor = h('input', { class: 'grid-editor', id: 'cell-editor', spellcheck: 'false' });
    this.colHead = h('div', { class: 'grid-colhead' }, this.colInner);
    this.rowHead = h('div', { class: 'grid-rowhead' }, this.rowInner, this.rowFrozen);
    this.root = h(
      'div',
      { id: 'grid', class: 'grid', 'data-testid': 'grid' },
      h('div', { class: 'grid-corner' }),
      this.colHead,
      this.rowHead,
      this.frozen,
      this.scroller,
      this.selBox,
      this.editor,
    );
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.scroller.addEventListener('mousedown', (e) => this.onMouseDown(e, false));
    this.frozen.addEventListener('mousedown', (e) => this.onMouseDown(e, true));
    this.frozen.addEventListener(
      'wheel',
      (e) => {
        this.scroller.scrollLeft += e.deltaX;
        this.scroller.scrollTop += e.deltaY;
      },
      { passive: true },
    );
    this.root.addEventListener('dblclick', (e) => e.target !== this.editor && this.startEdit(null));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.editor.addEventListener('keydown', (e) => this.onEditorKey(e));
    this.editor.addEventListener('blur', () => {
      if (this.editing) void this.commit();
    });
  }

  private get frozenRows(): number {
    return Math.min(this.sheet?.frozenRows ?? 0, Math.max(0, (this.sheet?.rows ?? 1) - 1), 10);
  }

  /** Shows a sheet from the top (or keeps the scroll position and selection when it is the same sheet). */
  show(sheet: SheetInfo, keepPosition = false): void {
    const same = keepPosition && this.sheet?.name === sheet.name;
    const widthsChanged = JSON.stringify(sheet.colWidths ?? {}) !== JSON.stringify(this.sheet?.colWidths ?? {});
    if (!same || sheet.frozenRows !== this.sheet?.frozenRows || widthsChanged) {
      // Another sheet (or other frozen rows or column widths): every keyed element is placed afresh.
      for (const [pool, parent] of [
        [this.colPool, this.colInner],
        [this.rowPool, this.rowInner],
        [this.rowFrozenPool, this.rowFrozen],
        [this.frozenPool, this.frozenCells],
        [this.cellPool, this.cells],
      ] as const) {
        pool.clear();
        parent.replaceChildren();
      }
    }
    if (!same) {
      // Cached blocks belong to the previous sheet; the grid is not ready until this one's cells arrive.
      this.cache.clear();
      delete this.root.dataset.ready;
    }
    this.sheet = sheet;
    this.cols = new Columns(sheet.cols, sheet.colWidths);
    this.invalidate();
    const f = this.frozenRows;
    this.spacer.style.width = `${this.cols.x(sheet.cols)}px`;
    this.spacer.style.height = `${(sheet.rows - f) * ROW_H}px`;
    this.scroller.style.top = `${HEAD_H + f * ROW_H}px`;
    this.frozen.style.height = `${f * ROW_H}px`;
    this.frozen.hidden = f === 0;
    if (!same) {
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
      this.anchor = { r: 0, c: 0 };
      this.focusCell = { r: 0, c: 0 };
    }
    placeCharts(this.chartLayer, this.host.documentId(), sheet, f, (c) => this.cols.x(c), ROW_H);
    this.root.dataset.sheet = sheet.name;
    this.root.dataset.rows = String(sheet.rows);
    this.root.dataset.cols = String(sheet.cols);
    this.render();
  }

  /** Drops every cached block (the sheet changed); visible cells are fetched again (old values show meanwhile). */
  invalidate(): void {
    this.cache.invalidate();
    this.schedule();
  }

  get selection(): Selection {
    const r = Math.min(this.anchor.r, this.focusCell.r);
    const c = Math.min(this.anchor.c, this.focusCell.c);
    return { r, c, nr: Math.abs(this.anchor.r - this.focusCell.r) + 1, nc: Math.abs(this.anchor.c - this.focusCell.c) + 1 };
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
    const f = this.frozenRows;
    const r0 = Math.min(f + Math.floor(this.scroller.scrollTop / ROW_H), s.rows - 1);
    const c0 = Math.min(this.cols.at(this.scroller.scrollLeft), s.cols - 1);
    const nr = Math.max(0, Math.min(Math.ceil(this.scroller.clientHeight / ROW_H) + 1, s.rows - r0));
    const right = this.scroller.scrollLeft + this.scroller.clientWidth;
    const nc = Math.max(0, Math.min(this.cols.at(right) - c0 + 2, s.cols - c0));
    return { r0, c0, nr, nc, f };
  }

  private cell(r: number, c: number): { v: string | null; st: Style } {
    return this.cache.cell(r, c);
  }

  /** Fills a pooled row element with cells c0..c0+nc of row r; DOM writes only where something changed. */
  private fillRow(row: HTMLElement, r: number, c0: number, nc: number): boolean {
    let loaded = true;
    while (row.childElementCount < nc) row.append(h('div', { class: 'cell' }));
    while (row.childElementCount > nc) row.lastElementChild!.remove();
    const x = `${this.cols.x(c0)}px`;
    if (row.style.left !== x) row.style.left = x;
    const rs = String(r);
    for (let j = 0; j < nc; j++) {
      const el = row.children[j] as CellEl;
      const c = c0 + j;
      const { v, st } = this.cell(r, c);
      if (v === null) loaded = false;
      const text = v ?? '';
      if (el._v !== text) {
        el.textContent = text;
        el._v = text;
        const t = text.trim();
        const number = t !== '' && /^[-(]?(Rp\s?)?[\d.,]+%?\)?$/.test(t) && st?.valueType !== 'text';
        const k = number ? 'cell num' : 'cell';
        if (el._k !== k) {
          el.className = el._k = k;
          el._sp = '';
        }
      }
      const w = this.cols.width(c);
      const css = (w === DEFAULT_COL_W ? '' : `width:${w}px;`) + cellStyle(st);
      if ((el._s ?? '') !== css) el.style.cssText = el._s = css;
      if (el._r !== rs) el.dataset.r = el._r = rs;
      if (el._c !== c) {
        el.dataset.c = String(c);
        el._c = c;
      }
    }
    this.spill(row, r, c0, nc);
    return loaded;
  }

  /** As in Sheets, text wider than its column runs on over the empty cells to its right (their grid lines hidden under
   * it) and is cut at the first cell that holds something. */
  private spill(row: HTMLElement, r: number, c0: number, nc: number): void {
    let over = 0; // pixels of text still to place to the right
    for (let j = 0; j < nc; j++) {
      const el = row.children[j] as CellEl;
      const c = c0 + j;
      const { v, st } = this.cell(r, c);
      const w = this.cols.width(c);
      let sp = '';
      if (!v) {
        if (over > 0) {
          over -= w;
          sp = over > 0 ? 'covered' : '';
        }
      } else {
        over = 0;
        // 12 px a character is wider than any glyph of the font: shorter texts fit and are not measured.
        if (v.length * 12 + CELL_PAD_PX > w && spills(el, st)) over = shownWidthPx(v, st) + CELL_PAD_PX - w;
        if (over > 0 && c + 1 < c0 + nc && !this.cell(r, c + 1).v) sp = 'spill';
        else over = 0;
      }
      if ((el._sp ?? '') !== sp) {
        el.classList.toggle('spill', sp === 'spill');
        el.classList.toggle('covered', sp === 'covered');
        el._sp = sp;
      }
    }
  }

  /** Shows exactly the keys `want` in `parent`, each in its own element: an element keeps its key while it stays in
   * view, so scrolling only refills the rows (or headers) that came into view. */
  private keyed(
    parent: HTMLElement,
    pool: Map<number, HTMLElement>,
    want: number[],
    make: () => HTMLElement,
    place: (el: HTMLElement, key: number) => void,
  ): HTMLElement[] {
    const keep = new Set(want);
    const free: HTMLElement[] = [];
    for (const [k, el] of pool) {
      if (!keep.has(k)) {
        pool.delete(k);
        free.push(el);
      }
    }
    const out = want.map((k) => {
      let el = pool.get(k);
      if (!el) {
        el = free.pop() ?? parent.appendChild(make());
        pool.set(k, el);
        place(el, k);
      }
      return el;
    });
    for (const el of free) el.remove();
    return out;
  }

  private render(): void {
    if (!this.sheet) return;
    const t0 = performance.now();
    const { r0, c0, nr, nc, f } = this.view();
    const sl = this.scroller.scrollLeft;
    const st = this.scroller.scrollTop;
    const sel = this.selection;
    const inSel = (r: number, c: number) =>
      (r < 0 || (r >= sel.r && r < sel.r + sel.nr)) && (c < 0 || (c >= sel.c && c < sel.c + sel.nc));
    const head = (cls: string) => () => h('div', { class: cls });
    const mark = (el: HTMLElement & { _on?: boolean }, on: boolean) => {
      if (el._on !== on) el.classList.toggle('on', (el._on = on));
    };
    // Column headers: keyed by column, inside a strip that follows scrollLeft.
    this.colInner.style.transform = `translateX(${-sl}px)`;
    const cols = Array.from({ length: nc }, (_, i) => c0 + i);
    this.keyed(this.colInner, this.colPool, cols, head('hcell'), (el, c) => {
      el.textContent = colName(c);
      el.style.left = `${this.cols.x(c)}px`;
      el.style.width = `${this.cols.width(c)}px`;
    }).forEach((el, i) => mark(el, inSel(-1, cols[i])));
    // Row headers: frozen ones fixed, the rest keyed by row inside a strip that follows scrollTop.
    this.rowInner.style.transform = `translateY(${-st}px)`;
    this.rowInner.style.top = `${f * ROW_H}px`;
    const frozenKeys = Array.from({ length: f }, (_, r) => r);
    this.keyed(this.rowFrozen, this.rowFrozenPool, frozenKeys, head('hcell frozen'), (el, r) => {
      el.textContent = String(r + 1);
      el.style.top = `${r * ROW_H}px`;
    }).forEach((el, r) => mark(el, inSel(r, -1)));
    const rowKeys = Array.from({ length: nr }, (_, i) => r0 + i);
    this.keyed(this.rowInner, this.rowPool, rowKeys, head('hcell'), (el, r) => {
      el.textContent = String(r + 1);
      el.style.top = `${(r - f) * ROW_H}px`;
    }).forEach((el, i) => mark(el, inSel(rowKeys[i], -1)));
    // Cells: rows keyed by row number; a row that stays in view is only checked, not rebuilt.
    let loaded = true;
    if (!this.frozenCells.isConnected) this.frozen.replaceChildren(this.frozenCells);
    this.frozenCells.style.transform = `translateX(${-sl}px)`;
    this.keyed(this.frozenCells, this.frozenPool, frozenKeys, head('grow'), (el, r) => (el.style.top = `${r * ROW_H}px`)).forEach(
      (row, r) => {
        loaded = this.fillRow(row, r, c0, nc) && loaded;
      },
    );
    this.keyed(this.cells, this.cellPool, rowKeys, head('grow'), (el, r) => (el.style.top = `${(r - f) * ROW_H}px`)).forEach(
      (row, i) => {
        loaded = this.fillRow(row, rowKeys[i], c0, nc) && loaded;
      },
    );
    this.placeSelection();
    if (loaded && nr > 0) this.root.dataset.ready = '1';
    this.root.dataset.first = String(r0);
    RENDER_STATS.renders++;
    RENDER_STATS.ms += performance.now() - t0;
  }

  /** Where cell (r, c)'s top-left corner is inside the grid element. */
  private at(r: number, c: number): { x: number; y: number } {
    const f = this.frozenRows;
    const y = r < f ? HEAD_H + r * ROW_H : HEAD_H + f * ROW_H + (r - f) * ROW_H - this.scroller.scrollTop;
    return { x: HEAD_W + this.cols.x(c) - this.scroller.scrollLeft, y };
  }

  private placeSelection(): void {
    const sel = this.selection;
    const p = this.at(sel.r, sel.c);
    const f = this.frozenRows;
    const minY = sel.r < f ? HEAD_H : HEAD_H + f * ROW_H - sel.nr * ROW_H;
    const selW = this.cols.x(sel.c + sel.nc) - this.cols.x(sel.c);
    this.selBox.hidden = p.y < minY || p.x < HEAD_W - selW;
    this.selBox.style.transform = `translate(${p.x}px, ${p.y}px)`;
    this.selBox.style.width = `${selW + 1}px`;
    this.selBox.style.height = `${sel.nr * ROW_H + 1}px`;
    if (this.editing) {
      const e = this.at(this.focusCell.r, this.focusCell.c);
      this.editor.style.transform = `translate(${e.x}px, ${e.y}px)`;
    }
    const v = this.cell(this.focusCell.r, this.focusCell.c).v ?? '';
    const key = `${sel.r},${sel.c},${sel.nr},${sel.nc}|${v}`;
    if (key === this.lastSelKey) return;
    this.lastSelKey = key;
    const name = `${colName(sel.c)}${sel.r + 1}${sel.nr > 1 || sel.nc > 1 ? `:${colName(sel.c + sel.nc - 1)}${sel.r + sel.nr}` : ''}`;
    this.host.onSelect(name, v, sel);
  }

  private onMouseDown(e: MouseEvent, inFrozen: boolean): void {
    if (!this.sheet) return;
    const box = (inFrozen ? this.frozen : this.scroller).getBoundingClientRect();
    const x = e.clientX - box.left + this.scroller.scrollLeft;
    const yIn = e.clientY - box.top;
    const r = inFrozen ? Math.floor(yIn / ROW_H) : this.frozenRows + Math.floor((yIn + this.scroller.scrollTop) / ROW_H);
    if (x >= this.cols.x(this.sheet.cols)) return;
    const c = this.cols.at(x);
    if (c >= this.sheet.cols || r >= this.sheet.rows) return;
    if (this.editing) void this.commit();
    this.select(r, c, e.shiftKey);
    e.preventDefault();
    this.scroller.focus();
  }

  /** Selects a cell (0-based), or extends the selection to it, and scrolls it into view. */
  select(r: number, c: number, extend = false): void {
    const s = this.sheet!;
    this.focusCell = { r: Math.max(0, Math.min(r, s.rows - 1)), c: Math.max(0, Math.min(c, s.cols - 1)) };
    if (!extend) this.anchor = { ...this.focusCell };
    const f = this.frozenRows;
    if (this.focusCell.r >= f) {
      const top = (this.focusCell.r - f) * ROW_H;
      if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
      else if (top + ROW_H > this.scroller.scrollTop + this.scroller.clientHeight)
        this.scroller.scrollTop = top + ROW_H - this.scroller.clientHeight;
    }
    const left = this.cols.x(this.focusCell.c);
    const colRight = this.cols.x(this.focusCell.c + 1);
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (colRight > this.scroller.scrollLeft + this.scroller.clientWidth)
      this.scroller.scrollLeft = colRight - this.scroller.clientWidth;
    this.schedule();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || !this.sheet) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_H) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, 1],
      PageDown: [page, 0],
      PageUp: [-page, 0],
    };
    const m = moves[e.key];
    const { r, c } = this.focusCell;
    if (m) {
      e.preventDefault();
      const far = e.ctrlKey || e.metaKey;
      const nr = far && m[0] ? (m[0] > 0 ? this.sheet.rows - 1 : 0) : r + m[0];
      const nc = far && m[1] ? (m[1] > 0 ? this.sheet.cols - 1 : 0) : c + m[1];
      this.select(nr, nc, e.shiftKey && e.key !== 'Tab');
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.write(r, c, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  private startEdit(initial: string | null): void {
    if (!this.sheet) return;
    this.anchor = { ...this.focusCell };
    this.editing = true;
    this.editor.value = initial ?? this.cell(this.focusCell.r, this.focusCell.c).v ?? '';
    this.editor.style.display = 'block';
    this.placeSelection();
    this.editor.focus();
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const { r, c } = this.focusCell;
      void this.commit().then(() => this.select(r + (e.key === 'Enter' ? 1 : 0), c + (e.key === 'Tab' ? 1 : 0)));
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
    const { r, c } = this.focusCell;
    this.stopEdit();
    if (value === (this.cell(r, c).v ?? '')) return;
    await this.write(r, c, value);
  }

  private async write(r: number, c: number, value: string): Promise<void> {
    this.cache.poke(r, c, value);
    this.schedule();
    try {
      await postJson('/api/edit', {
        id: this.host.documentId(),
        sheet: this.sheet!.name,
        row: r + 1,
        col: c + 1,
        value,
        user: this.host.user(),
      });
    } catch (e) {
      this.host.onError(`Edit failed: ${(e as Error).message}`);
    }
    this.invalidate();
  }
}
