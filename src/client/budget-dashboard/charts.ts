// Plain SVG charts (no CDN, no library): grouped bars and a daily bar strip; axis amounts compact ("46,8 jt").
import { formatCompact } from '../../server/core/format';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
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
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const plotH = height - top - bottom;
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    root.append(svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#eee' }));
    root.append(svg('text', { x: 2, y: y + 3 }, formatCompact((max * i) / 4)));
  }
  const groupW = (width - left) / Math.max(1, categories.length);
  const barW = Math.max(1.5, Math.min(14, (groupW - 3) / series.length));
  categories.forEach((c, ci) => {
    series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const h = (plotH * v) / max;
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
