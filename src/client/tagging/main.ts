// Tagging sidebar: starts a job on the active sheet, drives it chunk by chunk while open, shows progress, cancels.
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status, rupiah } from '../core/dom';
import { ownerNotice } from '../core/owner';
import { showError } from '../core/errors';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import { TAGGING_FIELDS } from './fields';
import type { Progress } from '../../server/tagging/job';

type Settings = RpcResult<'tagging_getSettings'>;

const form = bindForm(TAGGING_FIELDS);
const f = form.fields;
let current: Progress | null = null;
let driving = false;
let stopped = false;

function duration(s: number | null): string {
  if (s === null) return '–';
  if (s < 60) return `${s} dtk`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} mnt ${s % 60} dtk` : `${Math.floor(m / 60)} j ${m % 60} mnt`;
}

const STATUS_TEXT: Record<Progress['status'], string> = {
  running: 'berjalan (running)',
  done: 'selesai (done)',
  cancelled: 'dibatalkan (cancelled)',
  failed: 'berhenti karena error (failed)',
  budget: 'anggaran harian habis (daily budget reached)',
};

function render(p: Progress | null): void {
  current = p;
  byId('setup').hidden = !!p && (p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  byId('job').hidden = !p;
  if (!p) return;
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  byId('bar').style.width = `${pct}%`;
  byId('jobTitle').replaceChildren(`Sheet "${p.sheet}" · ${STATUS_TEXT[p.status]}`);
  const rows: Array<[string, string]> = [
    ['Selesai / total (done)', `${p.done} / ${p.total} (${pct}%)`],
    ['Kecepatan (rate)', `${p.rate.toFixed(1)} SKU/dtk`],
    ['Perkiraan sisa (ETA)', p.status === 'running' ? duration(p.etaSeconds) : '–'],
    ['Tanpa gambar (no image)', String(p.noImage)],
    ['Diblokir model (blocked)', String(p.blocked)],
    ['Error', String(p.errors)],
    ['Diubah orang, dilewati (edited)', String(p.edited)],
    ['Token', p.tokens.toLocaleString('id-ID')],
    ['Perkiraan biaya (est. cost)', rupiah(p.costRp)],
    ['Permintaan / ulang (requests / retries)', `${p.requests} / ${p.retries}`],
    ['Dari cache', String(p.cacheHits)],
  ];
  byId('figures').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, v))));
  byId('note').replaceChildren(
    p.lastError
      ? `Catatan: ${p.lastError}`
      : p.status === 'running' && !driving
        ? 'Dilanjutkan oleh pemicu per jam saat sidebar ditutup. Continued hourly when the sidebar is closed.'
        : '',
  );
  byId('cancel').hidden = !(p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  byId('resume').hidden = !(p.status === 'failed' || p.status === 'budget');
  byId('again').hidden = !(p.status === 'done' || p.status === 'cancelled');
}

/** Drives chunks one after another while the sidebar is open and the job runs. */
async function drive(): Promise<void> {
  if (driving || !current) return;
  driving = true;
  try {
    while (!stopped && current && current.status === 'running') {
      const r = await call('tagging_runChunk', current.id);
      if (r.progress) render(r.progress);
      if (r.busy) await new Promise((res) => setTimeout(res, 3000));
    }
    if (current?.status === 'done') status(`Selesai: ${current.tagged + current.noImage} SKU diberi kata kunci. Done.`, 'ok');
    else if (current?.status === 'failed') status(current.lastError, 'error');
  } catch (e) {
    showError(e);
  } finally {
    driving = false;
  }
}

onClick(
  'start',
  'Memeriksa sheet, katalog dan daftar kata… Checking…',
  async () => {
    render(await call('tagging_start', f.sheet.get().trim()));
    status('Berjalan. Running.', 'info');
    void drive();
  },
  { only: 'self' },
);

onClick(
  'cancel',
  '',
  async () => {
    if (!current) return;
    stopped = true;
    try {
      render(await call('tagging_cancel', current.id));
      status('Dibatalkan. Baris yang sudah ditulis tetap ada. Cancelled.', 'info');
    } finally {
      stopped = false;
    }
  },
  { only: 'self' },
);

onClick(
  'resume',
  '',
  async () => {
    if (!current) return;
    render(await call('tagging_resume', current.id));
    void drive();
  },
  { only: 'self' },
);

byId('again', HTMLButtonElement).addEventListener('click', () => {
  render(null);
  byId('setup').hidden = false;
});

let loadedSettings: Settings | null = null;

function fillSettings(s: Settings): void {
  loadedSettings = s;
  form.fill({
    model: s.model,
    source: s.catalogue.source,
    catSheet: s.catalogue.sheet,
    catTable: s.catalogue.table,
    wordSheet: s.wordListSheet,
    topSheet: s.topSearchSheet,
    rpm: s.rpm,
    budget: s.dailyBudgetRp,
    chunk: s.chunkSize,
    batch: s.batchSize,
  });
}

function showConfig(st: RpcResult<'tagging_status'>): void {
  byId('config').replaceChildren(
    `Model: ${st.model || '(belum diatur / not set)'} · Kunci API: ${st.hasKey ? 'ada (set)' : 'belum ada (missing)'}`,
  );
}

onClick(
  'saveSettings',
  '',
  async () => {
    if (!loadedSettings) return;
    const v = form.read();
    const next: Settings = {
      ...loadedSettings,
      model: v.model.trim(),
      catalogue: { source: v.source === 'db' ? 'db' : 'sheet', sheet: v.catSheet.trim(), table: v.catTable.trim() },
      wordListSheet: v.wordSheet.trim(),
      topSearchSheet: v.topSheet.trim(),
      rpm: Number(v.rpm),
      dailyBudgetRp: Number(v.budget),
      chunkSize: Number(v.chunk),
      batchSize: Number(v.batch),
    };
    fillSettings(await call('tagging_saveSettings', next, v.apiKey.trim()));
    form.fill({ apiKey: '' });
    status('Pengaturan tersimpan. Settings saved.', 'ok');
    showConfig(await call('tagging_status'));
  },
  { only: 'self' },
);

/** A job nobody's trigger carries any more: say so, and let an admin take it over. */
function renderOwner(st: RpcResult<'tagging_status'>): void {
  const box = byId('owner');
  const job = st.job;
  box.replaceChildren();
  if (!st.ownerStatus || !job) return;
  box.append(
    ...ownerNotice(st.ownerStatus, {
      takeOver: st.admin
        ? async () => {
            render(await call('tagging_takeOver', job.id));
            box.replaceChildren();
            status('Pekerjaan ini kini dilanjutkan pemicu Anda. Your trigger now carries this job.', 'ok');
          }
        : null,
    }),
  );
}

async function load(): Promise<void> {
  const me = await call('app_whoami');
  if (me.roles.includes('admin')) {
    fillSettings(await call('tagging_getSettings'));
    byId('settingsSection').hidden = false;
  }
  const st = await call('tagging_status');
  // Never overwrite what the user typed while the sidebar was loading.
  if (!f.sheet.get().trim()) f.sheet.set(st.job && st.job.status === 'running' ? st.job.sheet : st.activeSheet);
  showConfig(st);
  render(st.job);
  renderOwner(st);
  if (st.job && st.job.status === 'running') void drive();
}

// Loading leaves the buttons usable: the user may type a sheet name and start while it loads.
void guarded('', load, { buttons: [] });
