// Segments sidebar: builds a request, previews its counts, runs it, and manages saved and scheduled requests.
import { call } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { userError } from '../core/errors';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import type { SegmentRequest, DropReason } from '../../server/segments/request';
import type { SegmentPreview, SegmentRun, SavedView } from '../../server/segments/rpc';
import type { Every } from '../../server/segments/schedule';
import { SEGMENT_FIELDS } from './fields';

const REASONS: Array<[DropReason, string]> = [
  ['opted_out', 'Opt-out'],
  ['same_campaign', 'Sudah di segmen lain kampanye ini / in another segment of this campaign'],
  ['other_campaign', 'Dihubungi kampanye lain / contacted by another campaign'],
  ['missing_id', 'ID kosong / IDs missing'],
  ['missing_name', 'Nama kosong / name missing'],
  ['missing_email', 'Email kosong / email missing'],
  ['invalid_email', 'Email tidak valid / invalid email'],
  ['missing_phone', 'HP kosong / phone missing'],
  ['invalid_phone', 'HP/WA tidak valid / invalid phone'],
  ['over_cap', 'Melebihi batas / over the cap'],
];

const form = bindForm(SEGMENT_FIELDS);
const f = form.fields;
const fmt = (n: number) => n.toLocaleString('id-ID');

/** Every action of the sidebar: disabled together while one runs, with the progress bar shown. */
const ACTIONS = ['preview', 'run', 'save', 'rerun', 'load', 'copy', 'share', 'del', 'fromForm'];

/** Runs a user action with the sidebar's buttons disabled and the progress bar shown. */
function act(id: string, busyText: string, fn: () => Promise<void>): void {
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
  const rows = [el('tr', {}, el('td', {}, 'Ditemukan / Found'), el('td', { class: 'num' }, fmt(c.found)))];
  for (const [r, label] of REASONS) {
    if (c.dropped[r])
      rows.push(el('tr', {}, el('td', {}, `− ${label}`), el('td', { class: 'num', 'data-reason': r }, fmt(c.dropped[r]))));
  }
  rows.push(
    el(
      'tr',
      { class: 'total' },
      el('td', {}, 'Dikirim / Delivered'),
      el('td', { class: 'num', id: 'delivered' }, fmt(c.delivered)),
    ),
  );
  for (const [g, n] of Object.entries(c.groups))
    rows.push(el('tr', {}, el('td', {}, g === 'M' ? '  Pria / Male' : '  Wanita / Female'), el('td', { class: 'num' }, fmt(n))));
  return el('table', { id: 'counts' }, ...rows);
}

function showRun(r: SegmentRun): void {
  const box = byId('result');
  box.replaceChildren(
    countsTable(r),
    el('p', {}, 'Sheet: ', el('b', { id: 'resultSheet' }, r.sheet)),
    el('p', {}, 'File: ', link(r.file.url, r.file.name, { id: 'resultFile' })),
    el('p', {}, 'Metadata: ', link(r.metadata.url, r.metadata.name)),
    el(
      'p',
      { class: 'muted' },
      `${(r.durationMs / 1000).toFixed(1)} s${r.mailed ? ' · ringkasan dikirim ke email Anda / summary mailed' : ''}`,
    ),
    ...r.warnings.map((w) => el('p', { class: 'muted' }, `⚠ ${w}`)),
  );
  status(`Selesai: ${fmt(r.counts.delivered)} member dikirim ke sheet "${r.sheet}". Done.`, 'ok');
  byId('status').scrollIntoView({ block: 'start' });
}

let saved: SavedView[] = [];
function renderSaved(list: SavedView[]): void {
  saved = list;
  const sel = byId('saved', HTMLSelectElement);
  const keep = sel.value;
  sel.replaceChildren(
    el('option', { value: '' }, '— pilih / choose —'),
    ...list.map((s) => el('option', { value: s.name }, `${s.name} (${s.channel})`)),
  );
  if (list.some((s) => s.name === keep)) sel.value = keep;
  savedInfo();
}

function savedInfo(): void {
  const s = saved.find((x) => x.name === f.saved.get());
  const every: Record<Every, string> = {
    NONE: 'tanpa jadwal / no schedule',
    WEEKLY: 'mingguan / weekly',
    MONTHLY: 'bulanan / monthly',
  };
  const box = byId('savedInfo');
  box.replaceChildren();
  if (!s) return;
  box.append(
    el(
      'div',
      {},
      `${s.campaign} · ${every[s.schedule.every]} · pemilik / owner ${s.owner}${s.editors.length ? ` · editor ${s.editors.join(', ')}` : ''}${s.canEdit ? '' : ' · hanya baca / read-only'}${s.nextRunAt ? ` · berikutnya / next ${new Date(s.nextRunAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })}` : ''}${s.lastOutcome ? ` · terakhir / last: ${s.lastOutcome}` : ''}`,
    ),
  );
  // the owner's trigger is gone: say so; an admin may take the schedule over (the server checks who calls)
  if (s.ownerStatus)
    box.append(
      ...ownerNotice(s.ownerStatus, {
        takeOver: async () => {
          status('Mengambil alih… / Taking over…', 'info');
          renderSaved(await call('segments_takeOver', s.name));
          status('Jadwal ini kini dijalankan pemicu Anda. Your trigger now runs this schedule.', 'ok');
        },
        label: 'Ambil alih (admin) / Take over',
      }),
    );
}

function wire(): void {
  byId('periodKind').addEventListener('change', periodFields);
  byId('saved').addEventListener('change', savedInfo);
  act('preview', 'Menghitung… / Counting…', async () => {
    const p = await call('segments_preview', readForm());
    byId('result').replaceChildren(
      countsTable(p),
      el('p', { class: 'muted' }, `Pratinjau: belum ada yang ditulis. Preview: nothing written. (${p.sqlMs} ms)`),
    );
    status(`Pratinjau: ${fmt(p.counts.delivered)} dari ${fmt(p.counts.found)} member akan dikirim. Preview ready.`, 'ok');
    byId('status').scrollIntoView({ block: 'start' });
  });
  act('run', 'Menarik data… / Pulling…', async () => {
    showRun(await call('segments_run', readForm()));
  });
  act('save', 'Menyimpan… / Saving…', async () => {
    const v = form.read();
    const schedule = { every: v.every, weekday: v.weekday ?? 1, monthDay: v.monthDay ?? 1, hour: v.hour ?? 7 };
    renderSaved(await call('segments_save', readForm(), schedule));
    f.saved.set(v.name.trim());
    savedInfo();
    status('Tersimpan. Saved.', 'ok');
  });
  act('load', 'Memuat… / Loading…', async () => {
    const name = chosen();
    fillForm(await call('segments_load', name));
    const s = saved.find((x) => x.name === name);
    if (s)
      form.fill({ every: s.schedule.every, weekday: s.schedule.weekday, monthDay: s.schedule.monthDay, hour: s.schedule.hour });
    status(`Dimuat: ${name}. Loaded.`, 'ok');
  });
  act('copy', 'Menyalin… / Copying…', async () => {
    const name = f.saved.get();
    const to = window.prompt('Nama baru / New name', `${name} (salinan)`);
    if (!name || !to) return;
    renderSaved(await call('segments_copy', name, to));
    status(`Disalin ke "${to}". Copied.`, 'ok');
  });
  act('share', 'Membagikan… / Sharing…', async () => {
    const s = saved.find((x) => x.name === chosen());
    const to = window.prompt('Email editor, dipisah koma / Editors’ emails, comma-separated', s?.editors.join(', ') ?? '');
    if (!s || to === null) return;
    renderSaved(await call('segments_share', s.name, to.split(',')));
    status(`Hak edit "${s.name}" diperbarui. Edit rights updated.`, 'ok');
  });
  act('del', 'Menghapus… / Deleting…', async () => {
    const name = f.saved.get();
    if (!name || !window.confirm(`Hapus "${name}"? / Delete?`)) return;
    renderSaved(await call('segments_delete', name));
    status('Dihapus. Deleted.', 'ok');
  });
  act('rerun', 'Menjalankan ulang… / Rerunning…', async () => {
    showRun(await call('segments_rerun', chosen()));
    renderSaved(await call('segments_list'));
  });
  act('fromForm', 'Membaca form… / Reading the form…', async () => {
    const r = await call('segments_fromFormRow', f.formSheet.get(), f.formRow.get() ?? 2);
    fillForm(r.request);
    const notes = [...r.problems, ...(r.ignored.length ? [`Kolom diabaikan / ignored columns: ${r.ignored.join(', ')}`] : [])];
    status(
      notes.length ? notes.join(' · ') : 'Form terbaca; periksa lalu Pratinjau. Form read; check it, then Preview.',
      notes.length ? 'error' : 'ok',
    );
  });
}

/** The saved request chosen in the list; a clear error when none is. */
function chosen(): string {
  const name = f.saved.get();
  if (!name) throw userError('Pilih permintaan tersimpan dulu.', 'Choose a saved request first.');
  return name;
}

async function init(): Promise<void> {
  const ref = await call('segments_reference');
  byId('who').textContent = ref.user;
  byId('brands').replaceChildren(
    ...ref.brands.map((b) => el('label', {}, el('input', { type: 'checkbox', name: 'brand', value: b }), b)),
  );
  byId('cityList').replaceChildren(...ref.cities.map((c) => el('option', { value: c.city }, c.province)));
  f.folder.set(ref.defaultFolderId);
  byId('folderList').replaceChildren(
    ...(await call('segments_deliveryFolders')).map((d) => el('option', { value: d.id }, d.name ?? d.id)),
  );
  renderSaved(await call('segments_list'));
}

wire();
periodFields();
void guarded('', init, { buttons: [] });
