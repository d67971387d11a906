// The rest of the embedded-chart builder the add-on does not call yet (reference/spreadsheet/embedded-chart-builder:
// as…Chart, getChartType, getContainer, removeRange, clearRanges, setNumHeaders, setMergeStrategy,
// setHiddenDimensionStrategy, setTransposeRowsAndColumns; …/embedded-chart: their getters).
import { setup } from './fixture';

describe('EmbeddedChartBuilder and EmbeddedChart: types, ranges and data options', () => {
  it('switches types, edits its ranges, keeps the data options on the built chart', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C3').setValues([['W', 'Koin', 'Trx'], ['W1', 1, 2], ['W2', 3, 4]]);
      var b = sh.newChart();
      // Each as…Chart() switches the one builder: read the type right after each.
      var types = [];
      types.push(String(b.asAreaChart().getChartType()));
      types.push(String(b.asBarChart().getChartType()));
      types.push(String(b.asComboChart().getChartType()));
      types.push(String(b.asPieChart().getChartType()));
      types.push(String(b.asScatterChart().getChartType()));
      types.push(String(b.asTableChart().getChartType()));
      types.push(String(b.asLineChart().getChartType()));
      b.addRange(sh.getRange('A1:B3')).addRange(sh.getRange('C1:C3')).removeRange(sh.getRange('C1:C3'));
      var afterRemove = b.getRanges().length;
      b.clearRanges().addRange(sh.getRange('A1:C3'));
      b.setNumHeaders(1).setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
        .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH).setTransposeRowsAndColumns(true);
      var c = b.build();
      return JSON.stringify({ types: types, afterRemove: afterRemove, ranges: b.getRanges().length,
        container: b.getContainer().getAnchorRow() > 0,
        chart: [c.getNumHeaders(), String(c.getMergeStrategy()), String(c.getHiddenDimensionStrategy()), c.getTransposeRowsAndColumns()] });
    }`);
    expect(JSON.parse(value)).toEqual({
      types: ['AREA', 'BAR', 'COMBO', 'PIE', 'SCATTER', 'TABLE', 'LINE'],
      afterRemove: 1,
      ranges: 1,
      container: true,
      chart: [1, 'MERGE_ROWS', 'SHOW_BOTH', true],
    });
  });
});
