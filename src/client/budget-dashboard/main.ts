// Budget dashboard dialog: a node and a month — allocation, realisation, pending, % used, point types against the
// recommendation, a 12-month trend, the month's days, drill-down to the levels beneath, and "write to sheet".
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { showError } from '../core/errors';
import { onClick } from '../core/actions';
import { byId, el, rupiah, status } from '../core/dom';
import { groupedBars, legend, Series } from './charts';

type Dash = RpcResult<'budget_dashboard'>;
let lang: 'id' | 'en' = 'id';
const t = (id: string, en: string) => (lang === 'id' ? id : en);
const crumbs: Array<{ id: string | null; name: string }> = [];
let current: Dash | null = null;
const monthInput = byId('month') as HTMLInputElement;

const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1).replace('.', lang === 'id' ? ',' : '.')}%`);
/** The drawing width a chart gets: its section's inner width. */
const widthOf = (id: string) => (byId(id).parentElement?.clientWidth ?? 440) - 20;
type Figure = 'allocation' | 'recommendation' | 'approved' | 'pending';
const FIGURES: Record<Figure, { id: string; en: string; color: string }> = {
  allocation: { id: 'Alokasi', en: 'Allocation', color: '#c6dafc' },
  recommendation: { id: 'Rekomendasi', en: 'Recommendation', color: '#a8dab5' },
  approved: { id: 'Realisasi', en: 'Approved', color: '#1a73e8' },
  pending: { id: 'Menunggu', en: 'Pending', color: '#fbbc04' },
};

/** One series per figure of the rows, labelled in the current language. */
function seriesOf<K extends Figure>(rows: Array<Record<K, number>>, figures: K[]): Series[] {
  return figures.map((f) => ({ label: t(FIGURES[f].id, FIGURES[f].en), color: FIGURES[f].color, values: rows.map((r) => r[f]) }));
}

/** Grouped bars of `series` over `labels` (Rupiah), their legend, and anything after them, into the section #id. */
function chartInto(id: string, labels: string[], series: Series[], ...after: Node[]): void {
  byId(id).replaceChildren(groupedBars(labels, series, rupiah, widthOf(id)), legend(series), ...after);
}

function render(d: Dash): void {
  byId('title').textContent = `${t('Dasbor anggaran', 'Budget dashboard')} · ${d.node.name}`;
  byId('toSheet', HTMLButtonElement).textContent = t('Tulis ke sheet', 'Write to sheet');
  byId('lang').textContent = lang === 'id' ? 'EN' : 'ID';
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
    tile(t('Alokasi', 'Allocation'), rupiah(d.totals.allocation), 'allocation'),
    tile(t('Realisasi (disetujui)', 'Realisation (approved)'), rupiah(d.totals.approved), 'approved'),
    tile(t('Menunggu', 'Pending'), rupiah(d.totals.pending), 'pending'),
    tile(t('% terpakai', '% used'), pct(d.totals.pctUsed), 'pct'),
  );
  byId('hChildren').textContent = d.childLevel ? t(`Di bawah ${d.node.name}`, `Beneath ${d.node.name}`) : 'Cluster';
  const table = el(
    'table',
    {},
    el(
      'tr',
      {},
      el('th', {}, t('Nama', 'Name')),
      el('th', { class: 'num' }, t('Alokasi', 'Allocation')),
      el('th', { class: 'num' }, t('Realisasi', 'Approved')),
      el('th', { class: 'num' }, t('Menunggu', 'Pending')),
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
        el('td', {}, c.name),
        el('td', { class: 'num' }, rupiah(c.allocation)),
        el('td', { class: 'num' }, rupiah(c.approved)),
        el('td', { class: 'num' }, rupiah(c.pending)),
        el('td', { class: 'num' }, pct(c.pctUsed)),
      ),
    );
  }
  byId('children').replaceChildren(table);

  byId('hPoints').textContent = t('Per jenis poin vs rekomendasi', 'Per point type vs recommendation');
  const ptTable = el(
    'table',
    {},
    ...d.pointTypes.map((p) =>
      el(
        'tr',
        {},
        el('td', {}, p.code),
        el('td', { class: 'num' }, rupiah(p.approved)),
        el('td', { class: 'num' }, `/ ${rupiah(p.recommendation)}`),
      ),
    ),
  );
  chartInto(
    'points',
    d.pointTypes.map((p) => p.code),
    seriesOf(d.pointTypes, ['recommendation', 'approved', 'pending']),
    ptTable,
  );

  byId('hTrend').textContent = t('Tren 12 bulan', '12-month trend');
  chartInto(
    'trend',
    d.trend.map((m) => m.month.slice(2)),
    seriesOf(d.trend, ['allocation', 'approved', 'pending']),
  );

  byId('hDaily').textContent = t(`Harian ${d.month}`, `Daily ${d.month}`);
  chartInto(
    'daily',
    d.daily.map((x) => x.date.slice(8)),
    seriesOf(d.daily, ['approved', 'pending']),
  );
}

let seq = 0;
async function load(): Promise<void> {
  status(t('Memuat…', 'Loading…'));
  const mine = ++seq;
  try {
    const top = crumbs[crumbs.length - 1];
    const d = await call('budget_dashboard', top?.id ?? null, monthInput.value);
    if (mine !== seq) return; // a newer drill-down or month answers instead
    current = d;
    if (!crumbs.length) crumbs.push({ id: current.node.id, name: current.node.name });
    monthInput.value = current.month;
    render(current);
    document.body.dataset.node = current.node.id;
    status('');
  } catch (e) {
    showError(e, lang);
  }
}

monthInput.addEventListener('change', () => void load());
byId('lang').addEventListener('click', () => {
  lang = lang === 'id' ? 'en' : 'id';
  if (current) render(current);
});
onClick(
  'toSheet',
  '',
  async () => {
    const top = crumbs[crumbs.length - 1];
    const r = await call('budget_dashboardToSheet', top?.id ?? null, monthInput.value);
    status(
      t(`Ditulis ke sheet "${r.sheetName}" (${r.rows} baris).`, `Written to sheet "${r.sheetName}" (${r.rows} rows).`),
      'ok',
    );
  },
  { only: 'self', lang: () => lang },
);
const now = new Date(Date.now() + 7 * 3600_000);
monthInput.value = now.toISOString().slice(0, 7);
void load();
