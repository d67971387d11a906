// Embedded charts (reference/spreadsheet/embedded-chart-builder, …/embedded-chart, …/sheet#insertChart(chart)):
// built, inserted, read back, modified, removed and kept with the spreadsheet; the workbench's SVG drawing of them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../../src/local/services/spreadsheet/store';
import { chartSvg, chartTable } from '../../../../src/local/services/spreadsheet/chart-svg';

jest.setTimeout(60_000);

const S = `
function fill() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange(1, 1, 4, 3).setValues([['Minggu', 'Koin', 'Transaksi'], ['W1', 100, 5], ['W2', 150, 7], ['W3', 90, 4]]);
}
function make() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var chart = sh.newChart().setChartType(Charts.ChartType.LINE).addRange(sh.getRange('A1:C4'))
    .setPosition(6, 2, 10, 4).setOption('title', 'Koin <mingguan> & transaksi').build();
  var before = chart.getChartId();
  sh.insertChart(chart);
  var got = sh.getCharts()[0];
  var info = got.getContainerInfo();
  return { before: before, id: got.getChartId(), n: sh.getCharts().length, row: info.getAnchorRow(), col: info.getAnchorColumn(),
    x: info.getOffsetX(), y: info.getOffsetY(), title: got.getOptions().get('title'),
    ranges: got.getRanges().map(function (r) { return r.getA1Notation(); }) };
}
function change() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var c = sh.getCharts()[0];
  sh.updateChart(c.modify().setChartType(Charts.ChartType.COLUMN).setOption('title', 'Baru').setPosition(1, 5, 0, 0).build());
  var d = sh.getCharts()[0];
  return [sh.getCharts().length, d.getChartId() === c.getChartId(), d.getOptions().get('title'), d.getContainerInfo().getAnchorColumn()];
}
function twice() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; sh.insertChart(sh.getCharts()[0]); }
function noType() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; sh.newChart().addRange(sh.getRange('A1:B2')).build(); }
function badType() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].newChart().setChartType('DONUT'); }
function remove() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.removeChart(sh.getCharts()[0]);
  return sh.getCharts().length;
}
`;

describe('embedded charts', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'dd-charts-'));
  let rt: Runtime;
  let id: string;
  beforeAll(async () => {
    rt = new Runtime({ stateDir });
    id = getSpreadsheetStore(rt.env).create('Laporan').id;
    await rt.call('fill', [], { script: S, documentId: id });
  });
  afterAll(() => rt.close());

  it('builds, inserts and reads back a chart with its ranges, position and options', async () => {
    const r = await rt.call<Record<string, unknown>>('make', [], { script: S, documentId: id });
    expect(r).toMatchObject({
      before: null,
      n: 1,
      row: 6,
      col: 2,
      x: 10,
      y: 4,
      title: 'Koin <mingguan> & transaksi',
      ranges: ['A1:C4'],
    });
    expect(r.id).toEqual(expect.any(Number));
  });

  it('keeps charts with the spreadsheet across restarts', async () => {
    await rt.close();
    rt = new Runtime({ stateDir });
    const sheet = getSpreadsheetStore(rt.env).get(id)!.sheets[0];
    expect(sheet.charts.map((c) => [c.type, c.anchorRow, c.options.title])).toEqual([['LINE', 6, 'Koin <mingguan> & transaksi']]);
  });

  it('reads the data as Sheets does (header row, domain, series) and draws it as escaped SVG', () => {
    const book = getSpreadsheetStore(rt.env).get(id)!;
    const c = book.sheets[0].charts[0];
    expect(chartTable(book, c)).toEqual({
      labels: ['W1', 'W2', 'W3'],
      series: [
        { name: 'Koin', values: [100, 150, 90] },
        { name: 'Transaksi', values: [5, 7, 4] },
      ],
    });
    const svg = chartSvg(book, c);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="371"/);
    expect(svg).toContain('Koin &lt;mingguan&gt; &amp; transaksi');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).not.toContain('<mingguan>');
  });

  it('saves a modified chart only through updateChart; refuses what Apps Script refuses', async () => {
    expect(await rt.call('change', [], { script: S, documentId: id })).toEqual([1, true, 'Baru', 5]);
    const errors = await Promise.all(['twice', 'noType', 'badType'].map((fn) => rt.execute({ fn, script: S, documentId: id })));
    expect(errors.map((e) => e.error?.message)).toEqual([
      'This chart is already in the spreadsheet. Use Sheet.updateChart to change it.',
      'The chart type must be set before building the chart.',
      'Invalid argument: type',
    ]);
    const book = getSpreadsheetStore(rt.env).get(id)!;
    // a column chart: one bar per week and series (the bars' sizes are fractional pixels, the frame's and legend's whole)
    expect(
      chartSvg(book, book.sheets[0].charts[0]).match(/<rect x="[\d.]+" y="[\d.]+" width="\d+\.\d" height="\d+\.\d"/g),
    ).toHaveLength(6);
    expect(await rt.call('remove', [], { script: S, documentId: id })).toBe(0);
  });
});
