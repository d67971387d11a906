// Segments sidebar: builds a request, previews its counts, runs it, and manages saved and scheduled requests.
import { msg, pick, t, TextKey } from '../../server/core/text';
import { formatNumber } from '../../server/core/format';
import { call } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { userError } from '../core/errors';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import type { SegmentRequest, DropReason } from '../../server/segments/request';
import type { SegmentPreview, SegmentRun, SavedView } from '../../server/segments/rpc';
import { SEGMENT_FIELDS } from './fields';
import { mountHelp } from '../core/help';

const REASONS: DropReason[] = [
  'opted_out',
  'same_campaign',
  'other_campaign',
  'missing_id',
  'missing_name',
  'missing_email',
  'invalid_email',
  'missing_phone',
  'invalid_phone',
  'over_cap',
];

const form = bindForm(SEGMENT_FIELDS);
const f = form.fields;
const fmt = (n: number) => formatNumber(n);
/** What the result box shows, redrawn in the other language after a switch. */
let shown: (() => void) | null = null;

/** Every action of the sidebar: disabled together while one runs, with the progress bar shown. */
const ACTIONS = ['preview', 'run', 'save', 'rerun', 'load', 'copy', 'share', 'del', 'fromForm'];

/** Runs a user action with the sidebar's buttons disabled and the progress bar shown. */
function act(id: string, busyText: () => string, fn: () => Promise<void>): void {
  onClick(id, busyText, fn, { buttons: ACTIONS.map((b) => byId(b, HTMLButtonElement)), progress: byId('progress') });
}

/** Reads the form into a request document (the server validates it). */
function readForm(): SegmentRequest {
  const v = form.read();
  const kind = v.periodKind;
  return {
    version: 1,
    name: v.name,
    campaign: v.campaign,
    brands: v.brands,
    channel: v.channel,
    period: {
      kind,
      months: kind === 'LAST_MONTHS' ? v.months : null,
      from: kind === 'RANGE' ? v.from || null : null,
      to: kind === 'RANGE' ? v.to || null : null,
      offline: v.offline,
      online: v.online,
    },
    contactFrom: v.contactFrom || null,
    contactDays: v.contactDays ?? 7,
    criteria: {
      stores: v.stores,
      preferredSites: v.sites,
      cities: v.cities,
      provinces: v.provinces,
      tiers: v.tiers,
      minCoinsAbove: v.coins,
      genders: v.genders,
      activated: v.activated,
      fullRegistration: v.fullReg,
      whatsappReachable: v.waValid,
      childAge: v.ageMin !== null || v.ageMax !== null ? { min: v.ageMin ?? 0, max: v.ageMax ?? 30 } : null,
      affinity: v.affinity.length ? { categories: v.affinity, minScore: v.affinityScore ?? 0.5 } : null,
      payment: v.payMethods.length ? { methods: v.payMethods, areas: v.payAreas } : null,
      voucherNotRedeemed: v.vFrom || v.vTo || v.voucher.trim() ? { program: v.voucher.trim(), from: v.vFrom, to: v.vTo } : null,
    },
    splitByGender: v.split,
    cap: v.cap,
    priority: v.priority,
    openWindowMonths: 3,
    delivery: { folderId: v.folder.trim(), format: v.format, mailSummary: v.mail },
  };
}

/** Puts a request into the form. */
function fillForm(r: SegmentRequest): void {
  const k = r.criteria;
  form.fill({
    name: r.name,
    campaign: r.campaign,
    brands: r.brands,
    channel: r.channel,
    periodKind: r.period.kind,
    months: r.period.months,
    from: r.period.from ?? '',
    to: r.period.to ?? '',
    offline: r.period.offline,
    online: r.period.online,
    contactFrom: r.contactFrom ?? '',
    contactDays: r.contactDays,
    cities: k.cities,
    provinces: k.provinces,
    stores: k.stores,
    sites: k.preferredSites,
    tiers: k.tiers,
    genders: k.genders,
    coins: k.minCoinsAbove,
    activated: k.activated,
    fullReg: k.fullRegistration,
    waValid: k.whatsappReachable,
    ageMin: k.childAge ? k.childAge.min : null,
    ageMax: k.childAge ? k.childAge.max : null,
    affinity: k.affinity ? k.affinity.categories : [],
    affinityScore: k.affinity ? k.affinity.minScore : 0.5,
    payMethods: k.payment ? k.payment.methods : [],
    payAreas: k.payment ? k.payment.areas : [],
    voucher: k.voucherNotRedeemed?.program ?? '',
    vFrom: k.voucherNotRedeemed?.from ?? '',
    vTo: k.voucherNotRedeemed?.to ?? '',
    split: r.splitByGender,
    cap: r.cap,
    priority: r.priority,
    folder: r.delivery.folderId,
    format: r.delivery.format,
    mail: r.delivery.mailSummary,
  });
  periodFields();
}

function periodFields(): void {
  const k = f.periodKind.get();
  byId('monthsRow').hidden = k !== 'LAST_MONTHS';
  byId('rangeRow').hidden = k !== 'RANGE';
}

function countsTable(p: SegmentPreview): HTMLElement {
  const c = p.counts;
  const rows = [el('tr', {}, el('td', {}, t('segments.ui.found')), el('td', { class: 'num' }, fmt(c.found)))];
  for (const r of REASONS) {
    if (c.dropped[r])
      rows.push(
        el(
          'tr',
          {},
          el('td', {}, `− ${t(`segments.drop.${r}` as TextKey)}`),
          el('td', { class: 'num', 'data-reason': r }, fmt(c.dropped[r])),
        ),
      );
  }
  rows.push(
    el(
      'tr',
      { class: 'total' },
      el('td', {}, t('segments.ui.delivered')),
      el('td', { class: 'num', id: 'delivered' }, fmt(c.delivered)),
    ),
  );
  for (const [g, n] of Object.entries(c.groups))
    rows.push(
      el(
        'tr',
        {},
        el('td', {}, `  ${t(g === 'M' ? 'segments.group.M' : 'segments.group.F')}`),
        el('td', { class: 'num' }, fmt(n)),
      ),
    );
  return el('table', { id: 'counts' }, ...rows);
}

/** An earlier preview's or run's figures go as a new one starts: an error is never shown beside a list it did not make. */
function clearResult(): void {
  shown = null;
  byId('result').replaceChildren();
}

function showRun(r: SegmentRun): void {
  const draw = () => {
    const took = t('segments.ui.took', { seconds: Math.round(r.durationMs / 100) / 10 });
    byId('result').replaceChildren(
      countsTable(r),
      el('p', {}, `${t('segments.ui.resultSheet')} `, el('b', { id: 'resultSheet', translate: 'no' }, r.sheet)),
      el('p', {}, `${t('segments.ui.resultFile')} `, link(r.file.url, r.file.name, { id: 'resultFile', translate: 'no' })),
      el('p', {}, `${t('segments.ui.resultMeta')} `, link(r.metadata.url, r.metadata.name, { translate: 'no' })),
      el('p', { class: 'muted' }, r.mailed ? t('segments.ui.mailed', { took }) : took),
      ...r.warnings.map((w) => el('p', { class: 'muted' }, `⚠ ${w}`)),
    );
    status(t('segments.ui.done', { count: r.counts.delivered, sheet: r.sheet }), 'ok');
  };
  shown = draw;
  draw();
  byId('status').scrollIntoView({ block: 'start' });
}

let saved: SavedView[] = [];
function renderSaved(list: SavedView[]): void {
  saved = list;
  const sel = byId('saved', HTMLSelectElement);
  const keep = sel.value;
  sel.replaceChildren(
    el('option', { value: '', 'data-t': 'segments.ui.choose' }, t('segments.ui.choose')),
    ...list.map((s) => el('option', { value: s.name, translate: 'no' }, `${s.name} (${s.channel})`)),
  );
  if (list.some((s) => s.name === keep)) sel.value = keep;
  savedInfo();
}

function savedInfo(): void {
  const s = saved.find((x) => x.name === f.saved.get());
  const box = byId('savedInfo');
  box.replaceChildren();
  if (!s) return;
  const parts = [
    t('segments.ui.savedInfo', { campaign: s.campaign, every: msg(`segments.ui.every.${s.schedule.every}` as TextKey) }),
    t('segments.ui.owner', { owner: s.owner }),
    s.editors.length ? t('segments.ui.editors', { editors: s.editors.join(', ') }) : '',
    s.canEdit ? '' : t('segments.ui.readOnly'),
    s.nextRunAt ? t('segments.ui.nextRun', { at: s.nextRunAt }) : '',
    s.lastOutcome ? t('segments.ui.lastOutcome', { outcome: pick(s.lastOutcome) }) : '',
  ];
  box.append(el('div', {}, parts.filter(Boolean).join(' · ')));
  // the owner's trigger is gone: say so; an admin may take the schedule over (the server checks who calls)
  if (s.ownerStatus)
    box.append(
      ...ownerNotice(s.ownerStatus, {
        takeOver: async () => {
          status(t('common.owner.takingOver'), 'info');
          renderSaved(await call('segments_takeOver', s.name));
          status(t('segments.ui.takenOver'), 'ok');
        },
      }),
    );
}

function wire(): void {
  byId('periodKind').addEventListener('change', periodFields);
  byId('saved').addEventListener('change', savedInfo);
  act(
    'preview',
    () => t('segments.ui.counting'),
    async () => {
      clearResult();
      const p = await call('segments_preview', readForm());
      shown = () => {
        byId('result').replaceChildren(
          countsTable(p),
          el('p', { class: 'muted' }, t('segments.ui.previewNote', { ms: p.sqlMs })),
        );
        status(t('segments.ui.previewReady', { delivered: p.counts.delivered, found: p.counts.found }), 'ok');
      };
      shown();
      byId('status').scrollIntoView({ block: 'start' });
    },
  );
  act(
    'run',
    () => t('segments.ui.pulling'),
    async () => {
      clearResult();
      showRun(await call('segments_run', readForm()));
    },
  );
  act(
    'save',
    () => t('common.saving'),
    async () => {
      const v = form.read();
      const schedule = { every: v.every, weekday: v.weekday ?? 1, monthDay: v.monthDay ?? 1, hour: v.hour ?? 7 };
      renderSaved(await call('segments_save', readForm(), schedule));
      f.saved.set(v.name.trim());
      savedInfo();
      status(t('segments.ui.savedOk'), 'ok');
    },
  );
  act(
    'load',
    () => t('common.loading'),
    async () => {
      const name = chosen();
      fillForm(await call('segments_load', name));
      const s = saved.find((x) => x.name === name);
      if (s)
        form.fill({ every: s.schedule.every, weekday: s.schedule.weekday, monthDay: s.schedule.monthDay, hour: s.schedule.hour });
      status(t('segments.ui.loaded', { name }), 'ok');
    },
  );
  act(
    'copy',
    () => t('segments.ui.copying'),
    async () => {
      const name = chosen();
      const to = window.prompt(t('segments.ui.newName'), t('segments.ui.copyName', { name }));
      if (!to) return;
      renderSaved(await call('segments_copy', name, to));
      status(t('segments.ui.copied', { name: to }), 'ok');
    },
  );
  act(
    'share',
    () => t('segments.ui.sharing'),
    async () => {
      const s = saved.find((x) => x.name === chosen());
      const to = window.prompt(t('segments.ui.editorsPrompt'), s?.editors.join(', ') ?? '');
      if (!s || to === null) return;
      renderSaved(await call('segments_share', s.name, to.split(',')));
      status(t('segments.ui.shared', { name: s.name }), 'ok');
    },
  );
  act(
    'del',
    () => t('segments.ui.deleting'),
    async () => {
      const name = chosen();
      if (!window.confirm(t('segments.ui.confirmDelete', { name }))) return;
      renderSaved(await call('segments_delete', name));
      status(t('segments.ui.deleted'), 'ok');
    },
  );
  act(
    'rerun',
    () => t('segments.ui.rerunning'),
    async () => {
      showRun(await call('segments_rerun', chosen()));
      renderSaved(await call('segments_list'));
    },
  );
  act(
    'fromForm',
    () => t('segments.ui.readingForm'),
    async () => {
      const r = await call('segments_fromFormRow', f.formSheet.get(), f.formRow.get() ?? 2);
      fillForm(r.request);
      const notes = [
        ...r.problems.map((p) => pick(p)),
        ...(r.ignored.length ? [t('segments.ui.ignored', { columns: r.ignored.join(', ') })] : []),
      ];
      status(notes.length ? notes.join(' · ') : t('segments.ui.formRead'), notes.length ? 'error' : 'ok');
    },
  );
}

/** The saved request chosen in the list; a clear error when none is. */
function chosen(): string {
  const name = f.saved.get();
  if (!name) throw userError(msg('segments.ui.chooseSaved'));
  return name;
}

async function init(): Promise<void> {
  const ref = await call('segments_reference');
  byId('who').textContent = ref.user;
  byId('brands').replaceChildren(
    ...ref.brands.map((b) => el('label', {}, el('input', { type: 'checkbox', name: 'brand', value: b }), b)),
  );
  byId('cityList').replaceChildren(...ref.cities.map((c) => el('option', { value: c.city, translate: 'no' }, c.province)));
  f.folder.set(ref.defaultFolderId);
  byId('folderList').replaceChildren(
    ...(await call('segments_deliveryFolders')).map((d) => el('option', { value: d.id, translate: 'no' }, d.name ?? d.id)),
  );
  renderSaved(await call('segments_list'));
}

initLanguage('segments', () => {
  savedInfo();
  shown?.();
});
wire();
periodFields();
void guarded('', init, { buttons: [] });

mountHelp();
