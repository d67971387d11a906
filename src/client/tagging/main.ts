// Tagging sidebar: starts a job on the active sheet, drives it chunk by chunk while open, shows progress, cancels.
import { call, RpcError } from '../core/rpc';
import { $, el, status, rupiah, bilingual } from '../core/dom';
import type { Progress } from '../../server/tagging/job';

const sheetInput = $('#sheet') as HTMLInputElement;
let current: Progress | null = null;
let driving = false;
let stopped = false;

function showError(e: unknown): void {
  const err = e as RpcError;
  status(`${err.message}${err.messageEn ? ` — ${err.messageEn}` : ''}`, 'error');
}

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
  $('#setup').hidden = !!p && (p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  $('#job').hidden = !p;
  if (!p) return;
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  ($('#bar') as HTMLElement).style.width = `${pct}%`;
  $('#jobTitle').replaceChildren(`Sheet "${p.sheet}" · ${STATUS_TEXT[p.status]}`);
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
  $('#figures').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, v))));
  $('#note').replaceChildren(
    p.lastError
      ? `Catatan: ${p.lastError}`
      : p.status === 'running' && !driving
        ? 'Dilanjutkan oleh pemicu per jam saat sidebar ditutup. Continued hourly when the sidebar is closed.'
        : '',
  );
  ($('#cancel') as HTMLButtonElement).hidden = !(p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  ($('#resume') as HTMLButtonElement).hidden = !(p.status === 'failed' || p.status === 'budget');
  ($('#again') as HTMLButtonElement).hidden = !(p.status === 'done' || p.status === 'cancelled');
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

$('#start').addEventListener('click', async () => {
  status('Memeriksa sheet, katalog dan daftar kata… Checking…');
  try {
    render(await call('tagging_start', sheetInput.value.trim()));
    status('Berjalan. Running.', 'info');
    void drive();
  } catch (e) {
    showError(e);
  }
});

$('#cancel').addEventListener('click', async () => {
  if (!current) return;
  stopped = true;
  try {
    render(await call('tagging_cancel', current.id));
    status('Dibatalkan. Baris yang sudah ditulis tetap ada. Cancelled.', 'info');
  } catch (e) {
    showError(e);
  } finally {
    stopped = false;
  }
});

$('#resume').addEventListener('click', async () => {
  if (!current) return;
  try {
    render(await call('tagging_resume', current.id));
    void drive();
  } catch (e) {
    showError(e);
  }
});

$('#again').addEventListener('click', () => {
  render(null);
  $('#setup').hidden = false;
});

const input = (id: string) => $(`#${id}`) as HTMLInputElement;
type Settings = Awaited<ReturnType<typeof call<'tagging_getSettings'>>>;
let loadedSettings: Settings | null = null;

function fillSettings(s: Settings): void {
  loadedSettings = s;
  input('model').value = s.model;
  ($('#source') as HTMLSelectElement).value = s.catalogue.source;
  input('catSheet').value = s.catalogue.sheet;
  input('catTable').value = s.catalogue.table;
  input('wordSheet').value = s.wordListSheet;
  input('topSheet').value = s.topSearchSheet;
  input('rpm').value = String(s.rpm);
  input('budget').value = String(s.dailyBudgetRp);
  input('chunk').value = String(s.chunkSize);
  input('batch').value = String(s.batchSize);
}

$('#saveSettings').addEventListener('click', async () => {
  if (!loadedSettings) return;
  const next: Settings = {
    ...loadedSettings,
    model: input('model').value.trim(),
    catalogue: {
      source: ($('#source') as HTMLSelectElement).value === 'db' ? 'db' : 'sheet',
      sheet: input('catSheet').value.trim(),
      table: input('catTable').value.trim(),
    },
    wordListSheet: input('wordSheet').value.trim(),
    topSearchSheet: input('topSheet').value.trim(),
    rpm: Number(input('rpm').value),
    dailyBudgetRp: Number(input('budget').value),
    chunkSize: Number(input('chunk').value),
    batchSize: Number(input('batch').value),
  };
  try {
    fillSettings(await call('tagging_saveSettings', next, input('apiKey').value.trim()));
    input('apiKey').value = '';
    status('Pengaturan tersimpan. Settings saved.', 'ok');
    const st = await call('tagging_status');
    $('#config').replaceChildren(
      `Model: ${st.model || '(belum diatur / not set)'} · Kunci API: ${st.hasKey ? 'ada (set)' : 'belum ada (missing)'}`,
    );
  } catch (e) {
    showError(e);
  }
});

/** A job nobody's trigger carries any more: say so, and let an admin take it over. */
function renderOwner(st: Awaited<ReturnType<typeof call<'tagging_status'>>>): void {
  const box = $('#owner');
  box.replaceChildren();
  const problem = st.ownerStatus?.problem;
  if (!problem || !st.job) return;
  box.append(bilingual(problem, 'error', 'ownerProblem'));
  if (st.admin) {
    const job = st.job;
    box.append(
      el(
        'button',
        {
          id: 'takeOver',
          onclick: async () => {
            try {
              render(await call('tagging_takeOver', job.id));
              box.replaceChildren();
              status('Pekerjaan ini kini dilanjutkan pemicu Anda. Your trigger now carries this job.', 'ok');
            } catch (e) {
              showError(e);
            }
          },
        },
        'Ambil alih (Take over)',
      ),
    );
  }
}

async function load(): Promise<void> {
  try {
    const me = await call('app_whoami');
    if (me.roles.includes('admin')) {
      fillSettings(await call('tagging_getSettings'));
      $('#settingsSection').hidden = false;
    }
    const st = await call('tagging_status');
    // Never overwrite what the user typed while the sidebar was loading.
    if (!sheetInput.value.trim()) sheetInput.value = st.job && st.job.status === 'running' ? st.job.sheet : st.activeSheet;
    $('#config').replaceChildren(
      `Model: ${st.model || '(belum diatur / not set)'} · Kunci API: ${st.hasKey ? 'ada (set)' : 'belum ada (missing)'}`,
    );
    render(st.job);
    renderOwner(st);
    if (st.job && st.job.status === 'running') void drive();
  } catch (e) {
    showError(e);
  }
}

void load();
