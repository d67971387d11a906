// Embedded charts over the grid: each drawn by the server as SVG and shown as an image at its anchor cell plus offsets.
import type { SheetInfo } from './api';
import { h } from './dom';

/** Fills `layer` (inside the grid's scroll area, whose origin is the first row below the frozen ones). */
export function placeCharts(
  layer: HTMLElement,
  docId: string,
  sheet: SheetInfo,
  frozenRows: number,
  /** The left edge (px) of a 0-based column. */
  colX: (c: number) => number,
  rowH: number,
): void {
  const charts = sheet.charts ?? [];
  layer.replaceChildren(
    ...charts.map((c) => {
      const q = new URLSearchParams({ id: docId, sheet: sheet.name, chart: String(c.chartId), v: c.version });
      const top = Math.max(0, (c.row - 1 - frozenRows) * rowH + c.offsetY);
      return h('img', {
        class: 'grid-chart',
        src: `/api/chart.svg?${q}`,
        alt: 'Chart',
        'data-chart-id': String(c.chartId),
        width: c.width,
        height: c.height,
        style: `left:${colX(c.col - 1) + c.offsetX}px;top:${top}px;width:${c.width}px;height:${c.height}px`,
      });
    }),
  );
  layer.dataset.count = String(charts.length);
}
