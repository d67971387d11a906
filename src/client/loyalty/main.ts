// Weekly loyalty reports sidebar: an analyst picks a brand and week, previews the headline figures, builds the
// spreadsheet into a folder, schedules a brand weekly, and sees the run history.
import { msg, pick, t, TextKey } from '../../server/core/text';
import { formatNumber, formatPercent, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcArgs, RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { guarded, onClick, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { mountHelp } from '../core/help';
import { userError } from '../core/errors';
import { link as linkTo } from '../core/links';
import { ownerNotice } from '../core/owner';
import { LOYALTY_FIELDS } from './fields';

type Request = RpcArgs<'loyalty_build'>[0];
type Summary = RpcResult<'loyalty_preview'>['reports'][number];
type Schedules = RpcResult<'loyalty_schedules'>;
type History = RpcResult<'loyalty_history'>;

const form = bindForm(LOYALTY_FIELDS);
const KEYS = ['payWithKoin', 'membersChoice', 'koinInOut', 'koinBeredar', 'hargaSpesialKoin'] as const;

function request(): Request {
  const v = form.read();
  return {
    brand: v.brand,
    week: v.week.trim(),
    reports: KEYS.filter((k) => v[k]),
    folderId: v.folderId.trim(),
    excluded: v.excluded
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x),
    allowEmpty: v.allowEmpty,
  };
}

function value(h: Summary['headlines'][number]): string {
  if (h.value === null) return '–';
  if (typeof h.value === 'string') return h.value;
  if (h.kind === 'rp') return formatRupiah(h.value);
  if (h.kind === 'pct') return formatPercent(h.value * 100);
  return formatNumber(h.value, h.kind === 'dec' ? 2 : undefined);
}

function showReports(reports: Summary[], link: { url: string; name: string } | null): void {
  const box = byId('result');
  box.replaceChildren();
  if (link) box.append(el('p', {}, linkTo(link.url, t('loyalty.ui.open'), { id: 'openLink', translate: 'no' })));
  for (const r of reports) {
    box.append(
      el('h3', {}, r.empty ? `${r.title} (${t('loyalty.ui.empty')})` : r.title),
      el(
        'table',
        { class: 'headlines' },
        ...r.headlines.map((h) => el('tr', {}, el('td', {}, h.label), el('td', { class: 'num', translate: 'no' }, value(h)))),
      ),
    );
  }
}

let lastPreview: { reports: Summary[]; link: { url: string; name: string } | null } | null = null;

onClick(
  'preview',
  () => t('loyalty.ui.previewing'),
  async () => {
    const r = await call('loyalty_preview', checked(request()));
    form.fill({ week: r.week });
    lastPreview = { reports: r.reports, link: null };
    showReports(r.reports, null);
    status('');
  },
);

onClick(
  'build',
  () => t('loyalty.ui.building'),
  async () => {
    const r = await call('loyalty_build', checked(request()));
    form.fill({ week: r.week });
    lastPreview = { reports: r.reports, link: { url: r.url, name: r.name } };
    showReports(r.reports, lastPreview.link);
    status(t('loyalty.ui.built', { name: r.name }), 'ok');
    await loadHistory();
  },
);

onClick(
  'saveSchedule',
  () => t('common.saving'),
  async () => {
    const v = form.read();
    showSchedules(await call('loyalty_schedule', checked(request()), v.weekday ?? 1, v.hour ?? 7));
    status(t('common.saved'), 'ok');
  },
);

/** Refuses before calling what the server would refuse anyway (no report ticked). */
function checked(r: Request): Request {
  if (!r.reports.length) throw userError(msg('loyalty.error.noReports'));
  return r;
}

let schedules: Schedules = [];
/** The caller may take a schedule over (from loyalty_reference). */
let admin = false;
function showSchedules(list: Schedules): void {
  schedules = list;
  const box = byId('schedules');
  box.replaceChildren();
  if (!list.length) {
    box.append(t('loyalty.ui.noSchedules'));
    return;
  }
  for (const s of list) {
    const line = t('loyalty.ui.scheduled', {
      brand: s.brand,
      day: t(`loyalty.ui.day${s.weekday}` as TextKey),
      hour: String(s.hour).padStart(2, '0'),
      next: s.nextAt,
    });
    const remove = el('button', { class: 'small' }, t('loyalty.ui.unschedule'));
    remove.addEventListener('click', () =>
      guarded(t('common.saving'), async () => showSchedules(await call('loyalty_unschedule', s.brand))),
    );
    // whose hourly trigger builds it; when that trigger is gone, an admin takes it over (the server checks who calls)
    const key = s.brand.replace(/[^\w-]/g, '_');
    const owner = ownerNotice(s.ownerStatus, {
      key,
      line: { id: `owner-${key}` },
      takeOver: admin
        ? async () => {
            status(t('common.owner.takingOver'), 'info');
            showSchedules(await call('loyalty_takeOver', s.brand));
            status(t('loyalty.ui.takenOver', { brand: s.brand }), 'ok');
          }
        : null,
    });
    box.append(
      el('div', { class: 'schedule' }, el('span', { translate: 'no' }, line), ' ', remove),
      ...owner,
      ...(s.lastOutcome ? [el('div', { class: 'muted' }, `${s.lastWeek ?? ''} ${pick(s.lastOutcome)}`)] : []),
    );
  }
}

let history: History = [];
async function loadHistory(): Promise<void> {
  showHistory(await call('loyalty_history'));
}
function showHistory(list: History): void {
  history = list;
  const box = byId('history');
  box.replaceChildren();
  if (!list.length) {
    box.append(t('loyalty.ui.noHistory'));
    return;
  }
  for (const e of list.slice(0, 20)) {
    const head = t('loyalty.ui.historyLine', {
      at: e.at,
      brand: e.brand,
      week: e.week,
      how: t(e.how === 'manual' ? 'loyalty.ui.manual' : 'loyalty.ui.scheduledRun'),
      by: e.by,
    });
    const outcome = e.url ? linkTo(e.url, pick(e.outcome), { translate: 'no' }) : pick(e.outcome);
    box.append(el('div', { class: 'entry' }, el('div', {}, head), el('div', { class: 'muted' }, outcome)));
  }
}

async function load(): Promise<void> {
  const ref = await call('loyalty_reference');
  admin = ref.admin;
  const brand = byId('brand', HTMLSelectElement);
  brand.replaceChildren(...ref.brands.map((b) => el('option', { value: b }, b)));
  if (ref.brands.includes('AZKO')) brand.value = 'AZKO';
  form.fill({ week: ref.week, folderId: ref.folderId, excluded: ref.excluded.join(', ') });
  showSchedules(await call('loyalty_schedules'));
  await loadHistory();
}

initLanguage('loyalty', () => {
  if (lastPreview) showReports(lastPreview.reports, lastPreview.link);
  showSchedules(schedules);
  showHistory(history);
});
mountHelp();
void guarded('', load);

/** A scheduled run adds to the history while the sidebar is open: refresh when the user returns. */
const refresh = refreshing(async () => {
  showSchedules(await call('loyalty_schedules'));
  await loadHistory();
});
window.addEventListener('focus', refresh);
