// A report tab laid out as one rectangular block of values and number formats, with its charts' cell ranges.
import { RUPIAH_FORMAT } from '../core/format';
import { t } from '../core/text';
import type { Cell, ColumnKind, Headline, ReportTab, Section } from './model';

export const FORMATS: Record<ColumnKind, string> = {
  text: '@',
  int: '#,##0',
  rp: RUPIAH_FORMAT,
  pct: '0.0%',
  dec: '#,##0.00',
};

/** A chart over the laid-out block: 1-based rows and columns. */
export interface ChartPlacement {
  type: 'line' | 'column';
  title: string;
  /** Header row to last data row. */
  firstRow: number;
  lastRow: number;
  /** Column of the x values, then the series columns. */
  columns: number[];
  anchorRow: number;
  anchorCol: number;
}

export interface TabLayout {
  name: string;
  values: Cell[][];
  formats: string[][];
  charts: ChartPlacement[];
  /** Rows holding a title (shown bold). */
  titleRows: number[];
  /** Column widths in pixels, from the longest value shown in each column (titles and notes left out). */
  widths: number[];
}

const MIN_WIDTH = 60;
const MAX_WIDTH = 360;

/** About how many characters a cell shows: numbers with their separators (and "Rp "), text as it is. */
function shownLength(v: Cell | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Math.round(Math.abs(v)).toString().length * 1.35 + 4;
  return String(v).length;
}

class Grid {
  values: Cell[][] = [];
  formats: string[][] = [];
  titleRows: number[] = [];
  /** Rows whose text may run over the next columns (titles, notes): left out of the widths. */
  spanning = new Set<number>();
  add(cells: Cell[], kinds: ColumnKind[] | null = null, title = false): number {
    this.values.push(cells);
    this.formats.push(cells.map((_, i) => FORMATS[kinds?.[i] ?? 'text']));
    if (title) {
      this.titleRows.push(this.values.length);
      this.spanning.add(this.values.length);
    }
    return this.values.length;
  }
  blank(): void {
    this.add(['']);
  }
  headlines(hs: Headline[]): void {
    for (const h of hs) this.add([h.label, h.value], ['text', h.kind]);
  }
  /** Pads every row to the widest one. */
  done(name: string, charts: ChartPlacement[]): TabLayout {
    const width = Math.max(1, ...this.values.map((r) => r.length));
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...Array<T>(width - r.length).fill(fill)]);
    const widths = Array.from({ length: width }, (_, c) =>
      Math.min(
        MAX_WIDTH,
        Math.max(
          MIN_WIDTH,
          ...this.values.filter((_, r) => !this.spanning.has(r + 1)).map((row) => shownLength(row[c]) * 7 + 16),
        ),
      ),
    );
    return { name, values: pad(this.values, ''), formats: pad(this.formats, '@'), charts, titleRows: this.titleRows, widths };
  }
}

/** Lays a report out: its title, headline figures, then each section (title, note, header, rows), charts beside. */
export function layoutTab(tab: ReportTab, heading: string): TabLayout {
  const g = new Grid();
  g.add([heading], null, true);
  g.blank();
  g.headlines(tab.headlines);
  const width = Math.max(2, ...tab.sections.map((s) => s.headers.length));
  const charts: ChartPlacement[] = [];
  for (const s of tab.sections) {
    g.blank();
    placeSection(g, s, width, charts);
  }
  return g.done(tab.title, charts);
}

function placeSection(g: Grid, s: Section, width: number, charts: ChartPlacement[]): void {
  const titleRow = g.add([s.title], null, true);
  if (s.note) g.spanning.add(g.add([s.note]));
  const header = g.add(s.headers);
  for (const r of s.rows) g.add(r, s.kinds);
  if (!s.rows.length) g.add([t('loyalty.noRows')]);
  if (s.chart && s.rows.length) {
    charts.push({
      type: s.chart.type,
      title: s.chart.title,
      firstRow: header,
      lastRow: header + s.rows.length,
      columns: [s.chart.x, ...s.chart.series].map((c) => c + 1),
      anchorRow: titleRow,
      anchorCol: width + 2,
    });
  }
}

/** The cover: the period, who and when, what each measure means, what was checked, and every report's headlines. */
export function layoutCover(c: {
  heading: string;
  lines: Array<[string, string]>;
  definitions: Array<[string, string]>;
  checks: string[];
  tabs: ReportTab[];
}): TabLayout {
  const g = new Grid();
  g.add([c.heading], null, true);
  g.blank();
  for (const [k, v] of c.lines) g.add([k, v]);
  for (const tab of c.tabs) {
    g.blank();
    g.add([tab.empty ? `${tab.title} — ${t('loyalty.cover.empty')}` : tab.title], null, true);
    g.headlines(tab.headlines);
  }
  g.blank();
  g.add([t('loyalty.cover.definitions')], null, true);
  for (const [k, v] of c.definitions) g.add([k, v]);
  g.blank();
  g.add([t('loyalty.cover.checks')], null, true);
  for (const line of c.checks) g.add([line]);
  return g.done(t('loyalty.cover.tab'), []);
}
