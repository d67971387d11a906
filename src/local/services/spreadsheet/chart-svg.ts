// Draws an embedded chart as SVG for the workbench: the data table Sheets builds from the chart's ranges (first column
// the domain, the others series; a first row of text is the header unless numHeaders says otherwise) and a simple
// line, area, column, bar, pie or scatter picture with the title, axes and legend. Every text is escaped.
import type { BookModel, ChartData } from './model';
import { computedCell, readDisplay } from './cells';
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './charts';

export interface ChartTable {
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** Sheets' default series colours. */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72', '#fcd04f', '#71c287'];

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Cell {
  v: unknown;
  d: string;
}

/** The chart's data as a table of cells: ranges merged by columns (or rows), transposed when asked. */
function grid(book: BookModel, c: ChartData): Cell[][] {
  const blocks = c.ranges.map((r) => {
    const sheet = book.sheets.find((s) => s.sheetId === r.sheetId);
    if (!sheet) return [] as Cell[][];
    const shown = readDisplay(book, sheet, r.row - 1, r.col - 1, r.numRows, r.numCols);
    return shown.map((row, i) => row.map((d, j) => ({ v: computedCell(book, sheet, r.row - 1 + i, r.col - 1 + j), d })));
  });
  let out: Cell[][] = [];
  if (c.mergeStrategy === 'MERGE_ROWS') out = blocks.flat();
  else {
    const rows = Math.max(0, ...blocks.map((b) => b.length));
    for (let i = 0; i < rows; i++) out.push(blocks.flatMap((b) => b[i] ?? new Array(b[0]?.length ?? 0).fill({ v: null, d: '' })));
  }
  if (c.transpose && out.length) out = out[0].map((_, j) => out.map((row) => row[j]));
  return out;
}

export function chartTable(book: BookModel, c: ChartData): ChartTable {
  const g = grid(book, c);
  if (!g.length || !g[0].length) return { labels: [], series: [] };
  const width = g[0].length;
  const domain = width > 1;
  const first = domain ? 1 : 0;
  const headerRows =
    c.numHeaders >= 0 ? c.numHeaders : g[0].slice(first).some((x) => typeof x.v === 'string' && x.v !== '') ? 1 : 0;
  const body = g.slice(headerRows);
  const labels = body.map((row, i) => (domain ? row[0].d : String(i + 1)));
  const series = [];
  for (let j = first; j < width; j++) {
    const name = headerRows ? g[0][j].d : `Series ${j - first + 1}`;
    series.push({ name, values: body.map((row) => (typeof row[j]?.v === 'number' ? (row[j].v as number) : null)) });
  }
  return { labels, series };
}

/** A round step giving at most `n` intervals up to `v` (1, 2, 2.5 or 5 times a power of ten). */
function niceStep(v: number, n = 5): number {
  if (v <= 0) return 1;
  const raw = v / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });

/** The chart as an SVG document of its size (options width/height, else Sheets' 600 × 371). */
export function chartSvg(book: BookModel, c: ChartData): string {
  const W = Number(c.options.width) > 0 ? Number(c.options.width) : DEFAULT_CHART_WIDTH;
  const H = Number(c.options.height) > 0 ? Number(c.options.height) : DEFAULT_CHART_HEIGHT;
  const t = chartTable(book, c);
  const title = typeof c.options.title === 'string' ? c.options.title : '';
  const colors = Array.isArray(c.options.colors) ? (c.options.colors as unknown[]).map(String) : PALETTE;
  const color = (i: number) =>
    /^#[0-9a-f]{3,8}$|^[a-z]+$/i.test(colors[i % colors.length]) ? colors[i % colors.length] : PALETTE[i % 10];
  const legend = c.options['legend.position'] !== 'none' && (t.series.length > 1 || c.type === 'PIE');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Arial, sans-serif" font-size="11">`,
    `<rect x="0.5" y="0.5" width="${W - 1}" height="${H - 1}" fill="#fff" stroke="#dadce0"/>`,
  ];
  if (title)
    parts.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" fill="#202124">${esc(cut(title, 80))}</text>`);
  const L = 56;
  const T = title ? 36 : 16;
  const R = legend ? 150 : 16;
  const B = c.options['hAxis.title'] ? 54 : 38;
  const pw = Math.max(10, W - L - R);
  const ph = Math.max(10, H - T - B);
  if (legend) {
    const names = c.type === 'PIE' ? t.labels : t.series.map((s) => s.name);
    names.slice(0, 14).forEach((n, i) => {
      const y = T + 6 + i * 18;
      parts.push(`<rect x="${W - R + 12}" y="${y}" width="10" height="10" fill="${color(i)}"/>`);
      parts.push(`<text x="${W - R + 28}" y="${y + 9}" fill="#3c4043">${esc(cut(n, 20))}</text>`);
    });
  }
  const drawable = ['LINE', 'AREA', 'COLUMN', 'BAR', 'PIE', 'SCATTER', 'COMBO', 'STEPPED_AREA'];
  if (!t.series.length || !t.labels.length || !drawable.includes(c.type)) {
    const why = !drawable.includes(c.type)
      ? `${c.type} chart (the workbench draws line, area, column, bar, pie, scatter)`
      : 'No data';
    parts.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="#5f6368">${esc(why)}</text></svg>`);
    return parts.join('');
  }
  if (c.type === 'PIE') {
    const vals = t.series[0].values.map((v) => Math.max(0, v ?? 0));
    const sum = vals.reduce((a, b) => a + b, 0) || 1;
    const cx = L + pw / 2;
    const cy = T + ph / 2;
    const r = Math.min(pw, ph) / 2 - 4;
    let a0 = -Math.PI / 2;
    vals.forEach((v, i) => {
      const a1 = a0 + (v / sum) * 2 * Math.PI;
      const large = a1 - a0 > Math.PI ? 1 : 0;
      const p = (a: number) => `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
      if (v > 0)
        parts.push(
          v >= sum
            ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color(i)}"/>`
            : `<path d="M${cx},${cy} L${p(a0)} A${r},${r} 0 ${large} 1 ${p(a1)} Z" fill="${color(i)}" stroke="#fff"/>`,
        );
      a0 = a1;
    });
    parts.push('</svg>');
    return parts.join('');
  }
  const stacked = c.options.isStacked === true && (c.type === 'COLUMN' || c.type === 'BAR' || c.type === 'AREA');
  const n = t.labels.length;
  const totals = t.labels.map((_, i) => t.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const all = t.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = stacked ? Math.max(0, ...totals) : Math.max(0, ...all);
  const bottom = Math.min(0, ...all);
  const step = niceStep(top - bottom);
  const hi = Math.max(step, Math.ceil(top / step) * step);
  const lo = Math.floor(bottom / step) * step;
  const ticks = Math.round((hi - lo) / step);
  const horiz = c.type === 'BAR';
  const valueAt = (v: number) => (horiz ? L + ((v - lo) / (hi - lo)) * pw : T + ph - ((v - lo) / (hi - lo)) * ph);
  // gridlines and value axis
  for (let k = 0; k <= ticks; k++) {
    const v = lo + step * k;
    const z = valueAt(v).toFixed(1);
    parts.push(
      horiz
        ? `<line x1="${z}" y1="${T}" x2="${z}" y2="${T + ph}" stroke="#e8eaed"/><text x="${z}" y="${T + ph + 14}" text-anchor="middle" fill="#5f6368">${esc(compact.format(v))}</text>`
        : `<line x1="${L}" y1="${z}" x2="${L + pw}" y2="${z}" stroke="#e8eaed"/><text x="${L - 6}" y="${Number(z) + 4}" text-anchor="end" fill="#5f6368">${esc(compact.format(v))}</text>`,
    );
  }
  const band = (horiz ? ph : pw) / n;
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((horiz ? ph : pw) / 60))));
  t.labels.forEach((lab, i) => {
    if (i % every) return;
    const m = (horiz ? T : L) + band * (i + 0.5);
    parts.push(
      horiz
        ? `<text x="${L - 6}" y="${(m + 4).toFixed(1)}" text-anchor="end" fill="#5f6368">${esc(cut(lab, 10))}</text>`
        : `<text x="${m.toFixed(1)}" y="${T + ph + 16}" text-anchor="middle" fill="#5f6368">${esc(cut(lab, 12))}</text>`,
    );
  });
  if (typeof c.options['hAxis.title'] === 'string')
    parts.push(
      `<text x="${L + pw / 2}" y="${H - 8}" text-anchor="middle" fill="#3c4043">${esc(cut(c.options['hAxis.title'] as string, 60))}</text>`,
    );
  if (typeof c.options['vAxis.title'] === 'string')
    parts.push(
      `<text x="14" y="${T + ph / 2}" transform="rotate(-90 14 ${T + ph / 2})" text-anchor="middle" fill="#3c4043">${esc(cut(c.options['vAxis.title'] as string, 40))}</text>`,
    );
  const base = valueAt(0);
  if (c.type === 'COLUMN' || c.type === 'BAR') {
    const k = stacked ? 1 : t.series.length;
    const bw = (band * 0.7) / k;
    const acc = new Array(n).fill(0);
    t.series.forEach((s, j) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const from = stacked ? acc[i] : 0;
        const to = from + v;
        if (stacked) acc[i] = to;
        const a = valueAt(from);
        const b = valueAt(to);
        const off = (horiz ? T : L) + band * i + band * 0.15 + (stacked ? 0 : j * bw);
        parts.push(
          horiz
            ? `<rect x="${Math.min(a, b).toFixed(1)}" y="${off.toFixed(1)}" width="${Math.abs(b - a).toFixed(1)}" height="${bw.toFixed(1)}" fill="${color(j)}"/>`
            : `<rect x="${off.toFixed(1)}" y="${Math.min(a, b).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.abs(b - a).toFixed(1)}" fill="${color(j)}"/>`,
        );
      });
    });
  } else {
    t.series.forEach((s, j) => {
      const pts = s.values
        .map((v, i) => (v === null ? null : [L + band * (i + 0.5), valueAt(v)]))
        .filter((p): p is number[] => p !== null);
      if (!pts.length) return;
      const line = pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
      if (c.type === 'AREA' || c.type === 'STEPPED_AREA')
        parts.push(
          `<polygon points="${pts[0][0].toFixed(1)},${base.toFixed(1)} ${line} ${pts[pts.length - 1][0].toFixed(1)},${base.toFixed(1)}" fill="${color(j)}" fill-opacity="0.3"/>`,
        );
      if (c.type !== 'SCATTER') parts.push(`<polyline points="${line}" fill="none" stroke="${color(j)}" stroke-width="2"/>`);
      for (const p of pts)
        parts.push(
          `<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${c.type === 'SCATTER' ? 3.5 : 2.5}" fill="${color(j)}"/>`,
        );
    });
  }
  parts.push(`<line x1="${L}" y1="${T + ph}" x2="${L + pw}" y2="${T + ph}" stroke="#9aa0a6"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Where and how large a chart sits on its sheet (the workbench places it over the grid). */
export interface ChartBox {
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

export function chartBox(c: ChartData): ChartBox {
  return {
    row: c.anchorRow,
    col: c.anchorCol,
    offsetX: c.offsetX,
    offsetY: c.offsetY,
    width: Number(c.options.width) > 0 ? Number(c.options.width) : DEFAULT_CHART_WIDTH,
    height: Number(c.options.height) > 0 ? Number(c.options.height) : DEFAULT_CHART_HEIGHT,
  };
}
