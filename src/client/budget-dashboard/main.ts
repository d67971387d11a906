// Budget dashboard dialog: a node and a month — allocation, realisation, pending, % used, point types against the
// recommendation, a 12-month trend or a calendar year (month by month), the month's days, drill-down to the levels
// beneath, and "write to sheet" (the month's table, or the year's in the year view).
import { msg, t, TextKey } from '../../server/core/text';
import { formatMonth, formatMonthShort, formatPercent, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { showError } from '../core/errors';
import { onClick } from '../core/actions';
import { byId, el, status } from '../core/dom';
import { initLanguage } from '../core/i18n';
import { groupedBars, legend, Series } from './charts';

type Dash = RpcResult<'budget_dashboard'>;
type Year = RpcResult<'budget_yearView'>;
const crumbs: Array<{ id: string | null; name: string }> = [];
let current: Dash | null = null;
/** The calendar year shown instead of the 12-month trend (null: the trend). */
let currentYear: Year | null = null;
const monthInput = byId('month') as HTMLInputElement;
const viewSelect = byId('view') as HTMLSelectElement;
const yearInput = byId('year') as HTMLInputElement;
const yearMode = () => viewSelect.value === 'year';

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));
/** The drawing width a chart gets: its section's inner width. */
const widthOf = (id: string) => (byId(id).parentElement?.clientWidth ?? 440) - 20;
type Figure = 'allocation' | 'recommendation' | 'approved' | 'pending';
const FIGURES: Record<Figure, { label: TextKey; color: string }> = {
  allocation: { label: 'budget.dash.allocation', color: '#c6dafc' },
  recommendation: { label: 'budget.dash.recommendation', color: '#a8dab5' },
  approved: { label: 'budget.dash.approved', color: '#1a73e8' },
  pending: { label: 'budget.dash.pending', color: '#fbbc04' },
};

/** One series per figure of the rows, labelled in the current language. */
function seriesOf<K extends Figure>(rows: Array<Record<K, number>>, figures: K[]): Series[] {
  return figures.map((f) => ({ label: t(FIGURES[f].label), color: FIGURES[f].color, values: rows.map((r) => r[f]) }));
}

/** Grouped bars of `series` over `labels` (Rupiah), their legend, and anything after them, into the section #id. */
function chartInto(id: string, labels: string[], series: Series[], ...after: Node[]): void {
  byId(id).replaceChildren(
    groupedBars(labels, series, (n) => formatRupiah(n), widthOf(id)),
    legend(series),
    ...after,
  );
}

/** The line under the figures naming the months with budget requests awaiting the Area (marked • in the trend). */
const requestsLine = el('div', { id: 'pendingRequests', class: 'reqline', hidden: true });
byId('kpis').after(requestsLine);
let waiting = new Set<string>();

function showPendingRequests(d: Dash): void {
  waiting = new Set(d.pendingRequests.map((p) => p.month));
  requestsLine.hidden = !d.pendingRequests.length;
  requestsLine.textContent = d.pendingRequests.length
    ? t('budget.ui.request.pendingMonths', {
        months: d.pendingRequests.map((p) => msg('budget.ui.request.pendingMonth', p)),
      })
    : '';
}

function render(d: Dash): void {
  byId('title').textContent = t('budget.dash.title', { node: d.node.name });
  const cr = byId('crumbs');
  cr.textContent = '';
  crumbs.forEach((c, i) => {
    if (i) cr.append(' › ');
    cr.append(
      i < crumbs.length - 1
        ? el(
            'a',
            {
              onclick: () => {
                crumbs.splice(i + 1);
                void load();
              },
            },
            c.name,
          )
        : el('b', {}, c.name),
    );
  });
  const k = byId('kpis');
  k.textContent = '';
  const tile = (l: string, v: string, key: string) =>
    el('div', { class: 'kpi', 'data-kpi': key }, el('div', { class: 'v' }, v), el('div', { class: 'l' }, l));
  k.append(
    tile(t('budget.dash.allocation'), formatRupiah(d.totals.allocation), 'allocation'),
    tile(t('budget.dash.approvedLong'), formatRupiah(d.totals.approved), 'approved'),
    tile(t('budget.dash.pending'), formatRupiah(d.totals.pending), 'pending'),
    tile(t('budget.dash.pctUsed'), pct(d.totals.pctUsed), 'pct'),
  );
  showPendingRequests(d);
  byId('hChildren').textContent = d.childLevel ? t('budget.dash.beneath', { node: d.node.name }) : t('budget.dash.clusters');
  const table = el(
    'table',
    {},
    el(
      'tr',
      {},
      el('th', {}, t('budget.dash.name')),
      el('th', { class: 'num' }, t('budget.dash.allocation')),
      el('th', { class: 'num' }, t('budget.dash.approved')),
      el('th', { class: 'num' }, t('budget.dash.pending')),
      el('th', { class: 'num' }, '%'),
    ),
  );
  for (const c of d.children) {
    const drill = d.childLevel !== null;
    table.append(
      el(
        'tr',
        {
          class: drill ? 'drill' : '',
          'data-node': c.id,
          onclick: () => {
            if (drill) {
              crumbs.push({ id: c.id, name: c.name });
              void load();
            }
          },
        },
        el('td', { translate: 'no' }, c.name),
        el('td', { class: 'num' }, formatRupiah(c.allocation)),
        el('td', { class: 'num' }, formatRupiah(c.approved)),
        el('td', { class: 'num' }, formatRupiah(c.pending)),
        el('td', { class: 'num' }, pct(c.pctUsed)),
      ),
    );
  }
  byId('children').replaceChildren(table);

  const ptTable = el(
    'table',
    {},
    ...d.pointTypes.map((p) =>
      el(
        'tr',
        {},
        el('td', { translate: 'no' }, p.code),
        el('td', { class: 'num' }, formatRupiah(p.approved)),
        el('td', { class: 'num' }, `/ ${formatRupiah(p.recommendation)}`),
      ),
    ),
  );
  chartInto(
    'points',
    d.pointTypes.map((p) => p.code),
    seriesOf(d.pointTypes, ['recommendation', 'approved', 'pending']),
    ptTable,
  );

  if (currentYear) renderYear(currentYear);
  else {
    byId('hTrend').textContent = t('budget.dash.trend');
    byId('secTrend').classList.remove('wide');
    chartInto(
      'trend',
      d.trend.map((m) => formatMonthShort(m.month) + (waiting.has(m.month) ? ' •' : '')),
      seriesOf(d.trend, ['allocation', 'approved', 'pending']),
    );
  }

  byId('hDaily').textContent = t('budget.dash.daily', { month: d.month });
  chartInto(
    'daily',
    d.daily.map((x) => String(Number(x.date.slice(8)))),
    seriesOf(d.daily, ['approved', 'pending']),
  );
}

/** The calendar year in the trend's place (spanning the page): its months charted, then a table with the total. */
function renderYear(y: Year): void {
  byId('hTrend').textContent = t('budget.dash.yearHeading', { year: y.year });
  byId('secTrend').classList.add('wide');
  const money = (n: number) => el('td', { class: 'num' }, formatRupiah(n));
  const row = (label: string, f: Year['totals'], cls = '') =>
    el(
      'tr',
      { class: cls },
      el('td', {}, label),
      money(f.allocation),
      money(f.recommendation),
      money(f.approved),
      money(f.pending),
      money(f.requested),
      money(f.granted),
      money(f.allocation - f.approved),
      el('td', { class: 'num' }, pct(f.allocation > 0 ? Math.round((f.approved / f.allocation) * 1000) / 10 : null)),
    );
  const table = el(
    'table',
    { class: 'year' },
    el(
      'tr',
      {},
      el('th', {}, t('budget.dash.month')),
      ...(
        [
          'budget.dash.allocation',
          'budget.dash.recommendation',
          'budget.dash.approved',
          'budget.dash.pending',
          'budget.sheet.requested',
          'budget.sheet.granted',
        ] as const
      ).map((k) => el('th', { class: 'num' }, t(k))),
      el('th', { class: 'num' }, t('budget.dash.remaining')),
      el('th', { class: 'num' }, '%'),
    ),
    ...y.months.map((m) => row(formatMonth(m.month), m)),
    row(t('budget.dash.yearTotals', { year: y.year }), y.totals, 'total'),
  );
  chartInto(
    'trend',
    y.months.map((m) => formatMonthShort(m.month)),
    seriesOf(y.months, ['allocation', 'recommendation', 'approved', 'pending']),
    table,
  );
}

let seq = 0;
async function load(): Promise<void> {
  status(t('common.loading'));
  const mine = ++seq;
  try {
    const top = crumbs[crumbs.length - 1];
    // the first load asks for the current month (and year) as the server's clock has it (WIB), then shows what came back
    const year = yearMode() ? yearInput.value || null : undefined;
    const [d, y] = await Promise.all([
      call('budget_dashboard', top?.id ?? null, monthInput.value || null),
      year === undefined ? Promise.resolve(null) : call('budget_yearView', top?.id ?? null, year),
    ]);
    if (mine !== seq) return; // a newer drill-down or month answers instead
    current = d;
    currentYear = y;
    if (y) yearInput.value = String(y.year);
    if (!crumbs.length) crumbs.push({ id: current.node.id, name: current.node.name });
    monthInput.value = current.month;
    render(current);
    document.body.dataset.node = current.node.id;
    status('');
  } catch (e) {
    showError(e);
  }
}

monthInput.addEventListener('change', () => void load());
yearInput.addEventListener('change', () => void load());
viewSelect.addEventListener('change', () => {
  yearInput.hidden = !yearMode();
  void load();
});
/** The year controls' tooltips, in the page's language. */
const labelControls = () => {
  viewSelect.title = t('budget.dash.view');
  yearInput.title = t('budget.dash.year');
};
initLanguage('budget-dashboard', () => {
  labelControls();
  if (current) render(current);
});
labelControls();
onClick(
  'toSheet',
  '',
  async () => {
    const top = crumbs[crumbs.length - 1];
    const r = yearMode()
      ? await call('budget_yearViewToSheet', top?.id ?? null, yearInput.value || null)
      : await call('budget_dashboardToSheet', top?.id ?? null, monthInput.value);
    status(t('budget.dash.written', { sheet: r.sheetName, rows: r.rows }), 'ok');
  },
  { only: 'self' },
);
void load();
