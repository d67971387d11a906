// Charts (reference/charts/charts), worker-side: the enums embedded spreadsheet charts use (ChartType, …); the
// standalone chart builders of the Charts service are not emulated.
import type { LocalEnv } from '../local';
import { strictService } from '../utilities/strict';

const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

/** Charts.ChartType (reference/charts/chart-type). */
export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;
export const ChartType = enumOf(CHART_TYPES);
export const ChartHiddenDimensionStrategy = enumOf(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const);
export const ChartMergeStrategy = enumOf(['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const Position = enumOf(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const CurveStyle = enumOf(['NORMAL', 'SMOOTH'] as const);

export function createCharts(env: LocalEnv): object {
  return strictService(
    { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, Position, CurveStyle, toString: () => 'Charts' },
    'Charts',
    (k) => env.count(k),
  );
}
