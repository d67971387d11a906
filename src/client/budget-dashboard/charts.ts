// Plain SVG charts (no CDN, no library): grouped bars and a daily bar strip; axis amounts compact ("46,8 jt").
import { formatCompact } from '../../server/core/format';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The value axis: a top at a round whole step (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) times four, so every grid
 * line reads exactly in one decimal (0, 12 jt, 24 jt…; never "1,3 jt" for 1.25 jt); with nothing above zero only the
 * zero line is labelled (no "1, 1, 1, 0, 0" from rounding a unit axis).
 */
export function valueAxis(values: number[], lines = 4): { top: number; ticks: number[] } {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 0) return { top: 1, ticks: [0] };
  const rough = max / lines;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * pow);
  const step = Math.max(1, nice.find((s) => s >= rough - 1e-9 * pow) as number);
  return { top: step * lines, ticks: Array.from({ length: lines + 1 }, (_, i) => step * i) };
}

export interface Series {
  label: string;
  color: string;
  values: number[];
}

/** Grouped vertical bars: one group per category, one bar per series; a title per bar gives the exact amount. */
export function groupedBars(
  categories: string[],
  series: Series[],
  format: (n: number) => string,
  width = 420,
  height = 180,
): SVGElement {
  width = Math.max(240, Math.floor(width));
  const top = 10;
  const bottom = 30;
  const left = 44;
  const axis = valueAxis(series.flatMap((s) => s.values));
  const max = axis.top;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const plotH = height - top - bottom;
  for (const tick of axis.ticks) {
    const y = top + plotH - (plotH * tick) / max;
    root.append(svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#eee' }));
    root.append(svg('text', { x: 2, y: y + 3 }, formatCompact(tick)));
  }
  const groupW = (width - left) / Math.max(1, categories.length);
  const barW = Math.max(1.5, Math.min(14, (groupW - 3) / series.length));
  categories.forEach((c, ci) => {
    series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const h = (plotH * Math.max(0, v)) / max;
      const rect = svg('rect', {
        x: left + ci * groupW + 1.5 + si * barW,
        y: top + plotH - h,
        width: barW - 1,
        height: h,
        fill: s.color,
      });
      rect.append(svg('title', {}, `${c} · ${s.label}: ${format(v)}`));
      root.append(rect);
    });
    if (ci % Math.max(1, Math.ceil((categories.length * 34) / (width - left))) === 0) {
      root.append(svg('text', { x: left + ci * groupW + 2, y: height - 16 }, c.length > 10 ? c.slice(0, 10) : c));
    }
  });
  return root;
}

export function legend(series: Series[]): HTMLElement {
  const d = document.createElement('div');
  d.className = 'legend';
  for (const s of series) {
    const sw = document.createElement('span');
    sw.style.background = s.color;
    d.append(sw, document.createTextNode(s.label));
  }
  return d;
}
