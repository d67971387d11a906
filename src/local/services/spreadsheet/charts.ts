// Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → insertChart / updateChart / removeChart /
// getCharts, kept with the sheet (SheetModel.charts) and drawn by the workbench (chart-svg.ts).
// References: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder, …/embedded-chart,
// …/container-info, …/sheet#newChart(), #insertChart(chart), #updateChart(chart), #removeChart(chart), #getCharts().
// Texts for refused arguments are unconfirmed ("Invalid argument: …", Apps Script's usual form).
import { GasError } from '../../runtime/types';
import type { SheetsSession } from './session';
import type { ChartData } from './model';
import { RangeObj } from './range';
import type { Returning } from './types';
import { CHART_TYPES } from '../charts/index';

type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Sheets' size for a new embedded chart when no width/height option is set. */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;

const invalid = (what: string) => new GasError(`Invalid argument: ${what}`);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function nonNegInt(v: unknown, what: string, min = 0): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw invalid(what);
  return n;
}

export class ContainerInfoObj
  implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'>
{
  static readonly gasName = 'ContainerInfo';
  constructor(private c: ChartData) {}
  getAnchorColumn(): number {
    return this.c.anchorCol;
  }
  getAnchorRow(): number {
    return this.c.anchorRow;
  }
  getOffsetX(): number {
    return this.c.offsetX;
  }
  getOffsetY(): number {
    return this.c.offsetY;
  }
}

/** ChartOptions.get(option): an option set with setOption (reference/charts/chart-options). */
export class ChartOptionsObj {
  static readonly gasName = 'ChartOptions';
  constructor(private options: Record<string, unknown>) {}
  get(option: string): unknown {
    const v = this.options[String(option)];
    return v === undefined ? null : clone(v);
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class EmbeddedChartObj
  implements
    Pick<GChart, 'getChartId' | 'getNumHeaders' | 'getTransposeRowsAndColumns'>,
    Returning<GChart, 'getContainerInfo' | 'getRanges' | 'modify' | 'getOptions'>
{
  static readonly gasName = 'EmbeddedChart';
  /** `data.chartId` is 0 until the chart is inserted into a sheet. */
  constructor(
    private s: SheetsSession,
    readonly bookId: string,
    readonly data: ChartData,
  ) {}
  /** null for a chart built but not inserted (embedded-chart#getChartId). */
  getChartId(): number {
    return (this.data.chartId || null) as number;
  }
  getContainerInfo(): ContainerInfoObj {
    return new ContainerInfoObj(this.data);
  }
  getOptions(): ChartOptionsObj {
    return new ChartOptionsObj(this.data.options);
  }
  getRanges(): RangeObj[] {
    return this.data.ranges.map((r) => new RangeObj(this.s, this.bookId, r.sheetId, r.row, r.col, r.numRows, r.numCols));
  }
  getNumHeaders(): number {
    return this.data.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.data.transpose;
  }
  getMergeStrategy(): string {
    return this.data.mergeStrategy;
  }
  getHiddenDimensionStrategy(): string {
    return this.data.hiddenDimensionStrategy;
  }
  modify(): EmbeddedChartBuilderObj {
    return new EmbeddedChartBuilderObj(this.s, this.bookId, this.data.ranges[0]?.sheetId ?? 0, clone(this.data));
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

export class EmbeddedChartBuilderObj
  implements
    Returning<
      GBuilder,
      | 'addRange'
      | 'removeRange'
      | 'clearRanges'
      | 'getRanges'
      | 'setChartType'
      | 'setPosition'
      | 'getContainer'
      | 'setOption'
      | 'setNumHeaders'
      | 'setTransposeRowsAndColumns'
      | 'build'
      | 'asLineChart'
      | 'asColumnChart'
      | 'asBarChart'
      | 'asAreaChart'
      | 'asPieChart'
      | 'asScatterChart'
      | 'asTableChart'
      | 'asComboChart'
    >
{
  static readonly gasName = 'EmbeddedChartBuilder';
  private d: ChartData;
  constructor(
    private s: SheetsSession,
    readonly bookId: string,
    readonly sheetId: number,
    data?: ChartData,
  ) {
    this.d = data ?? {
      chartId: 0,
      type: '',
      ranges: [],
      anchorRow: 1,
      anchorCol: 1,
      offsetX: 0,
      offsetY: 0,
      options: {},
      numHeaders: -1,
      transpose: false,
      mergeStrategy: 'MERGE_COLUMNS',
      hiddenDimensionStrategy: 'IGNORE_BOTH',
    };
  }
  addRange(range: RangeObj): this {
    if (!(range instanceof RangeObj) || range.bookId !== this.bookId) throw invalid('range');
    this.d.ranges.push({ sheetId: range.sheetId, row: range.row, col: range.col, numRows: range.nr, numCols: range.nc });
    return this;
  }
  removeRange(range: RangeObj): this {
    if (!(range instanceof RangeObj)) throw invalid('range');
    this.d.ranges = this.d.ranges.filter(
      (r) =>
        !(
          r.sheetId === range.sheetId &&
          r.row === range.row &&
          r.col === range.col &&
          r.numRows === range.nr &&
          r.numCols === range.nc
        ),
    );
    return this;
  }
  clearRanges(): this {
    this.d.ranges = [];
    return this;
  }
  getRanges(): RangeObj[] {
    return this.d.ranges.map((r) => new RangeObj(this.s, this.bookId, r.sheetId, r.row, r.col, r.numRows, r.numCols));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    const t = String(type);
    if (!(CHART_TYPES as readonly string[]).includes(t)) throw invalid('type');
    this.d.type = t;
    return this;
  }
  getChartType(): string {
    return this.d.type || (null as unknown as string);
  }
  /** setPosition(anchorRowPos, anchorColPos, offsetX, offsetY): the top-left corner's cell and pixel offsets. */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.d.anchorRow = nonNegInt(anchorRowPos, 'anchorRowPos', 1);
    this.d.anchorCol = nonNegInt(anchorColPos, 'anchorColPos', 1);
    this.d.offsetX = nonNegInt(offsetX, 'offsetX');
    this.d.offsetY = nonNegInt(offsetY, 'offsetY');
    return this;
  }
  getContainer(): ContainerInfoObj {
    return new ContainerInfoObj(this.d);
  }
  /** Google Charts' configuration options by name, e.g. 'title', 'legend.position', 'width' (embedded-chart-builder#setOption). */
  setOption(option: string, value: unknown): this {
    if (typeof option !== 'string' || !option) throw invalid('option');
    this.d.options[option] = clone(value);
    return this;
  }
  setNumHeaders(headers: number): this {
    this.d.numHeaders = nonNegInt(headers, 'headers');
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.d.transpose = !!transpose;
    return this;
  }
  setMergeStrategy(mergeStrategy: string): this {
    const m = String(mergeStrategy);
    if (m !== 'MERGE_COLUMNS' && m !== 'MERGE_ROWS') throw invalid('mergeStrategy');
    this.d.mergeStrategy = m;
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): this {
    this.d.hiddenDimensionStrategy = String(strategy);
    return this;
  }
  // The typed builders' shorthands (EmbeddedLineChartBuilder, EmbeddedColumnChartBuilder, …) are options by name.
  setTitle(chartTitle: string): this {
    return this.setOption('title', String(chartTitle));
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', String(title));
  }
  setLegendPosition(position: string): this {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setColors(cssValues: string[]): this {
    if (!Array.isArray(cssValues)) throw invalid('cssValues');
    return this.setOption('colors', cssValues.map(String));
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  private as(type: string): this {
    this.d.type = type;
    return this;
  }
  asLineChart(): this {
    return this.as('LINE');
  }
  asColumnChart(): this {
    return this.as('COLUMN');
  }
  asBarChart(): this {
    return this.as('BAR');
  }
  asAreaChart(): this {
    return this.as('AREA');
  }
  asPieChart(): this {
    return this.as('PIE');
  }
  asScatterChart(): this {
    return this.as('SCATTER');
  }
  asTableChart(): this {
    return this.as('TABLE');
  }
  asComboChart(): this {
    return this.as('COMBO');
  }
  /** A chart needs its type and at least one range (strictest reading; Apps Script's text is unconfirmed). */
  build(): EmbeddedChartObj {
    if (!this.d.type) throw new GasError('The chart type must be set before building the chart.');
    if (!this.d.ranges.length) throw new GasError('The chart needs at least one data range.');
    return new EmbeddedChartObj(this.s, this.bookId, clone(this.d));
  }
}
