// Segments sidebar: builds a request, previews its counts, runs it, and manages saved and scheduled requests.
import { call, RpcError } from '../core/rpc';
import { $, el, status, bilingual } from '../core/dom';
import type {
  SegmentRequest,
  Channel,
  GenderChoice,
  Priority,
  PeriodKind,
  Tier,
  DropReason,
} from '../../server/segments/request';
import type { SegmentPreview, SegmentRun, SavedView, SegmentReference } from '../../server/segments/rpc';
import type { Every } from '../../server/segments/schedule';

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

const input = (id: string) => $(`#${id}`) as HTMLInputElement;
const select = (id: string) => $(`#${id}`) as HTMLSelectElement;
const list = (id: string) =>
  input(id)
    .value.split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
const num = (id: string): number | null => (input(id).value.trim() === '' ? null : Number(input(id).value));
const tri = (id: string): boolean | null => (select(id).value === '' ? null : select(id).value === 'true');
const checked = (name: string) =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)).map((x) => x.value);
const fmt = (n: number) => n.toLocaleString('id-ID');

function showError(e: unknown): void {
  const err = e as RpcError;
  status(`${err.message}${err.messageEn ? ` — ${err.messageEn}` : ''}`, 'error');
}

function busy(on: boolean, text = ''): void {
  for (const id of ['preview', 'run', 'save', 'rerun', 'load', 'copy', 'del', 'fromForm'])
    ($(`#${id}`) as HTMLButtonElement).disabled = on;
  $('#progress').hidden = !on;
  if (on) status(text, 'info');
}

/** Reads the form into a request document (the server validates it). */
function readForm(): SegmentRequest {
  const ageMin = num('ageMin');
  const ageMax = num('ageMax');
  const aff = list('affinity');
  const pay = list('payMethods');
  const vFrom = input('vFrom').value;
  const vTo = input('vTo').value;
  const kind = select('periodKind').value as PeriodKind;
  return {
    version: 1,
    name: input('name').value,
    campaign: input('campaign').value,
    brands: checked('brand'),
    channel: select('channel').value as Channel,
    period: {
      kind,
      months: kind === 'LAST_MONTHS' ? num('months') : null,
      from: kind === 'RANGE' ? input('from').value || null : null,
      to: kind === 'RANGE' ? input('to').value || null : null,
      offline: input('offline').checked,
      online: input('online').checked,
    },
    contactFrom: input('contactFrom').value || null,
    contactDays: num('contactDays') ?? 7,
    criteria: {
      stores: list('stores'),
      preferredSites: list('sites'),
      cities: list('cities'),
      provinces: list('provinces'),
      tiers: checked('tier') as Tier[],
      minCoinsAbove: num('coins'),
      genders: checked('gender') as GenderChoice[],
      activated: tri('activated'),
      fullRegistration: tri('fullReg'),
      whatsappReachable: input('waValid').checked,
      childAge: ageMin !== null || ageMax !== null ? { min: ageMin ?? 0, max: ageMax ?? 30 } : null,
      affinity: aff.length ? { categories: aff, minScore: num('affinityScore') ?? 0.5 } : null,
      payment: pay.length ? { methods: pay, areas: list('payAreas') } : null,
      voucherNotRedeemed:
        vFrom || vTo || input('voucher').value.trim() ? { program: input('voucher').value.trim(), from: vFrom, to: vTo } : null,
    },
    splitByGender: input('split').checked,
    cap: num('cap'),
    priority: select('priority').value as Priority,
    openWindowMonths: 3,
    delivery: {
      folderId: input('folder').value.trim(),
      format: select('format').value as 'CSV' | 'XLSX',
      mailSummary: input('mail').checked,
    },
  };
}

/** Puts a request into the form. */
function fillForm(r: SegmentRequest): void {
  input('name').value = r.name;
  input('campaign').value = r.campaign;
  document.querySelectorAll<HTMLInputElement>('input[name="brand"]').forEach((b) => (b.checked = r.brands.includes(b.value)));
  select('channel').value = r.channel;
  select('periodKind').value = r.period.kind;
  input('months').value = r.period.months === null ? '' : String(r.period.months);
  input('from').value = r.period.from ?? '';
  input('to').value = r.period.to ?? '';
  input('offline').checked = r.period.offline;
  input('online').checked = r.period.online;
  input('contactFrom').value = r.contactFrom ?? '';
  input('contactDays').value = String(r.contactDays);
  const k = r.criteria;
  input('cities').value = k.cities.join(', ');
  input('provinces').value = k.provinces.join(', ');
  input('stores').value = k.stores.join(', ');
  input('sites').value = k.preferredSites.join(', ');
  document
    .querySelectorAll<HTMLInputElement>('input[name="tier"]')
    .forEach((b) => (b.checked = (k.tiers as string[]).includes(b.value)));
  document
    .querySelectorAll<HTMLInputElement>('input[name="gender"]')
    .forEach((b) => (b.checked = (k.genders as string[]).includes(b.value)));
  input('coins').value = k.minCoinsAbove === null ? '' : String(k.minCoinsAbove);
  select('activated').value = k.activated === null ? '' : String(k.activated);
  select('fullReg').value = k.fullRegistration === null ? '' : String(k.fullRegistration);
  input('waValid').checked = k.whatsappReachable;
  input('ageMin').value = k.childAge ? String(k.childAge.min) : '';
  input('ageMax').value = k.childAge ? String(k.childAge.max) : '';
  input('affinity').value = k.affinity ? k.affinity.categories.join(', ') : '';
  input('affinityScore').value = k.affinity ? String(k.affinity.minScore) : '0.5';
  input('payMethods').value = k.payment ? k.payment.methods.join(', ') : '';
  input('payAreas').value = k.payment ? k.payment.areas.join(', ') : '';
  input('voucher').value = k.voucherNotRedeemed?.program ?? '';
  input('vFrom').value = k.voucherNotRedeemed?.from ?? '';
  input('vTo').value = k.voucherNotRedeemed?.to ?? '';
  input('split').checked = r.splitByGender;
  input('cap').value = r.cap === null ? '' : String(r.cap);
  select('priority').value = r.priority;
  input('folder').value = r.delivery.folderId;
  select('format').value = r.delivery.format;
  input('mail').checked = r.delivery.mailSummary;
  periodFields();
}

function periodFields(): void {
  const k = select('periodKind').value;
  $('#monthsRow').hidden = k !== 'LAST_MONTHS';
  $('#rangeRow').hidden = k !== 'RANGE';
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
  const box = $('#result');
  box.replaceChildren(
    countsTable(r),
    el('p', {}, 'Sheet: ', el('b', { id: 'resultSheet' }, r.sheet)),
    el('p', {}, 'File: ', el('a', { href: r.file.url, target: '_blank', id: 'resultFile' }, r.file.name)),
    el('p', {}, 'Metadata: ', el('a', { href: r.metadata.url, target: '_blank' }, r.metadata.name)),
    el(
      'p',
      { class: 'muted' },
      `${(r.durationMs / 1000).toFixed(1)} s${r.mailed ? ' · ringkasan dikirim ke email Anda / summary mailed' : ''}`,
    ),
    ...r.warnings.map((w) => el('p', { class: 'muted' }, `⚠ ${w}`)),
  );
  status(`Selesai: ${fmt(r.counts.delivered)} member dikirim ke sheet "${r.sheet}". Done.`, 'ok');
  $('#status').scrollIntoView({ block: 'start' });
}

let saved: SavedView[] = [];
function renderSaved(list: SavedView[]): void {
  saved = list;
  const sel = select('saved');
  const keep = sel.value;
  sel.replaceChildren(
    el('option', { value: '' }, '— pilih / choose —'),
    ...list.map((s) => el('option', { value: s.name }, `${s.name} (${s.channel})`)),
  );
  if (list.some((s) => s.name === keep)) sel.value = keep;
  savedInfo();
}

function savedInfo(): void {
  const s = saved.find((x) => x.name === select('saved').value);
  const every: Record<Every, string> = {
    NONE: 'tanpa jadwal / no schedule',
    WEEKLY: 'mingguan / weekly',
    MONTHLY: 'bulanan / monthly',
  };
  const box = $('#savedInfo');
  box.replaceChildren();
  if (!s) return;
  box.append(
    el(
      'div',
      {},
      `${s.campaign} · ${every[s.schedule.every]}${s.schedule.every !== 'NONE' ? ` · pemilik / owner ${s.owner}` : ''}${s.nextRunAt ? ` · berikutnya / next ${new Date(s.nextRunAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })}` : ''}${s.lastOutcome ? ` · terakhir / last: ${s.lastOutcome}` : ''}`,
    ),
  );
  const problem = s.ownerStatus?.problem;
  if (problem) {
    box.append(
      bilingual(problem, 'error', 'ownerProblem'),
      el(
        'button',
        {
          id: 'takeOver',
          onclick: () =>
            void guarded('Mengambil alih… / Taking over…', async () => {
              renderSaved(await call('segments_takeOver', s.name));
              status('Jadwal ini kini dijalankan pemicu Anda. Your trigger now runs this schedule.', 'ok');
            }),
        },
        'Ambil alih (admin) / Take over',
      ),
    );
  }
}

async function guarded(text: string, fn: () => Promise<void>): Promise<void> {
  busy(true, text);
  try {
    await fn();
  } catch (e) {
    showError(e);
    $('#status').scrollIntoView({ block: 'nearest' });
  } finally {
    busy(false);
  }
}

function wire(): void {
  select('periodKind').addEventListener('change', periodFields);
  select('saved').addEventListener('change', savedInfo);
  $('#preview').addEventListener('click', () =>
    guarded('Menghitung… / Counting…', async () => {
      const p = await call('segments_preview', readForm());
      $('#result').replaceChildren(
        countsTable(p),
        el('p', { class: 'muted' }, `Pratinjau: belum ada yang ditulis. Preview: nothing written. (${p.sqlMs} ms)`),
      );
      status(`Pratinjau: ${fmt(p.counts.delivered)} dari ${fmt(p.counts.found)} member akan dikirim. Preview ready.`, 'ok');
      $('#status').scrollIntoView({ block: 'start' });
    }),
  );
  $('#run').addEventListener('click', () =>
    guarded('Menarik data… / Pulling…', async () => {
      showRun(await call('segments_run', readForm()));
    }),
  );
  $('#save').addEventListener('click', () =>
    guarded('Menyimpan… / Saving…', async () => {
      const schedule = {
        every: select('every').value as Every,
        weekday: Number(select('weekday').value),
        monthDay: num('monthDay') ?? 1,
        hour: num('hour') ?? 7,
      };
      renderSaved(await call('segments_save', readForm(), schedule));
      select('saved').value = input('name').value.trim();
      savedInfo();
      status('Tersimpan. Saved.', 'ok');
    }),
  );
  $('#load').addEventListener('click', () =>
    guarded('Memuat… / Loading…', async () => {
      const name = select('saved').value;
      if (!name)
        throw new RpcError({
          code: 'INVALID',
          message: 'Pilih permintaan tersimpan dulu.',
          messageEn: 'Choose a saved request first.',
        });
      fillForm(await call('segments_load', name));
      const s = saved.find((x) => x.name === name);
      if (s) {
        select('every').value = s.schedule.every;
        select('weekday').value = String(s.schedule.weekday);
        input('monthDay').value = String(s.schedule.monthDay);
        input('hour').value = String(s.schedule.hour);
      }
      status(`Dimuat: ${name}. Loaded.`, 'ok');
    }),
  );
  $('#copy').addEventListener('click', () =>
    guarded('Menyalin… / Copying…', async () => {
      const name = select('saved').value;
      const to = window.prompt('Nama baru / New name', `${name} (salinan)`);
      if (!name || !to) return;
      renderSaved(await call('segments_copy', name, to));
      status(`Disalin ke "${to}". Copied.`, 'ok');
    }),
  );
  $('#del').addEventListener('click', () =>
    guarded('Menghapus… / Deleting…', async () => {
      const name = select('saved').value;
      if (!name || !window.confirm(`Hapus "${name}"? / Delete?`)) return;
      renderSaved(await call('segments_delete', name));
      status('Dihapus. Deleted.', 'ok');
    }),
  );
  $('#rerun').addEventListener('click', () =>
    guarded('Menjalankan ulang… / Rerunning…', async () => {
      const name = select('saved').value;
      if (!name)
        throw new RpcError({
          code: 'INVALID',
          message: 'Pilih permintaan tersimpan dulu.',
          messageEn: 'Choose a saved request first.',
        });
      showRun(await call('segments_rerun', name));
      renderSaved(await call('segments_list'));
    }),
  );
  $('#fromForm').addEventListener('click', () =>
    guarded('Membaca form… / Reading the form…', async () => {
      const r = await call('segments_fromFormRow', input('formSheet').value, num('formRow') ?? 2);
      fillForm(r.request);
      const notes = [...r.problems, ...(r.ignored.length ? [`Kolom diabaikan / ignored columns: ${r.ignored.join(', ')}`] : [])];
      status(
        notes.length ? notes.join(' · ') : 'Form terbaca; periksa lalu Pratinjau. Form read; check it, then Preview.',
        notes.length ? 'error' : 'ok',
      );
    }),
  );
}

async function init(): Promise<void> {
  wire();
  periodFields();
  try {
    const ref: SegmentReference = await call('segments_reference');
    $('#who').textContent = ref.user;
    $('#brands').replaceChildren(
      ...ref.brands.map((b) => el('label', {}, el('input', { type: 'checkbox', name: 'brand', value: b }), b)),
    );
    $('#cityList').replaceChildren(...ref.cities.map((c) => el('option', { value: c.city }, c.province)));
    input('folder').value = ref.defaultFolderId;
    renderSaved(await call('segments_list'));
  } catch (e) {
    showError(e);
  }
}

void init();
