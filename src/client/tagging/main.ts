// Tagging sidebar: starts a job on the active sheet, drives it chunk by chunk while open, shows progress, cancels.
import { pick, t, TextKey } from '../../server/core/text';
import { formatDuration, formatNumber, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { ownerNotice } from '../core/owner';
import { showError } from '../core/errors';
import { guarded, onClick } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { TAGGING_FIELDS } from './fields';
import type { Progress } from '../../server/tagging/job';
import { mountHelp } from '../core/help';

type Settings = RpcResult<'tagging_getSettings'>;

const form = bindForm(TAGGING_FIELDS);
const f = form.fields;
let current: Progress | null = null;
let driving = false;
let stopped = false;

const duration = (s: number | null): string => (s === null ? '–' : formatDuration(s));

function render(p: Progress | null): void {
  current = p;
  byId('setup').hidden = !!p && (p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  byId('job').hidden = !p;
  if (!p) return;
  const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
  byId('bar').style.width = `${pct}%`;
  byId('jobTitle').replaceChildren(
    t('tagging.ui.jobTitle', { sheet: p.sheet, status: t(`tagging.ui.jobStatus.${p.status}` as TextKey) }),
  );
  const rows: Array<[TextKey, string]> = [
    [
      'tagging.ui.fig.done',
      t('tagging.ui.fig.doneValue', {
        done: p.done,
        total: p.total,
        pct: p.total ? Math.round((p.done / p.total) * 1000) / 10 : 0,
      }),
    ],
    ['tagging.ui.fig.rate', t('tagging.ui.fig.rateValue', { rate: Math.round(p.rate * 10) / 10 })],
    ['tagging.ui.fig.eta', p.status === 'running' ? duration(p.etaSeconds) : '–'],
    ['tagging.ui.fig.noImage', formatNumber(p.noImage)],
    ['tagging.ui.fig.blocked', formatNumber(p.blocked)],
    ['tagging.ui.fig.errors', formatNumber(p.errors)],
    ['tagging.ui.fig.edited', formatNumber(p.edited)],
    ['tagging.ui.fig.tokens', formatNumber(p.tokens)],
    ['tagging.ui.fig.cost', formatRupiah(p.costRp)],
    ['tagging.ui.fig.requests', `${formatNumber(p.requests)} / ${formatNumber(p.retries)}`],
    ['tagging.ui.fig.cache', formatNumber(p.cacheHits)],
  ];
  byId('figures').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('td', {}, t(k)), el('td', { class: 'num' }, v))));
  byId('note').replaceChildren(
    p.lastError
      ? t('tagging.ui.note', { note: pick(p.lastError) })
      : p.status === 'running' && !driving
        ? t('tagging.ui.continuedHourly')
        : '',
  );
  byId('cancel').hidden = !(p.status === 'running' || p.status === 'budget' || p.status === 'failed');
  byId('resume').hidden = !(p.status === 'failed' || p.status === 'budget');
  byId('again').hidden = !(p.status === 'done' || p.status === 'cancelled');
  renderUndo();
}

/** "Batalkan proses terakhir": offered when the last run wrote something and no run is in progress. */
let undoInfo: RpcResult<'tagging_status'>['undo'] = null;

function renderUndo(): void {
  const busy = !!current && (current.status === 'running' || current.status === 'budget');
  byId('undoBox').hidden = !undoInfo || busy;
  byId('undoHint').replaceChildren(undoInfo ? t('tagging.ui.undoHint', { skus: undoInfo.skus, sheet: undoInfo.sheet }) : '');
}

onClick(
  'undo',
  '',
  async () => {
    const u = undoInfo;
    if (!u || !confirm(t('tagging.ui.undoConfirm', { skus: u.skus, sheet: u.sheet }))) return;
    const r = await call('tagging_undo', u.jobId);
    undoInfo = (await call('tagging_status')).undo;
    // The run's figures no longer describe the sheet: back to the start, on the sheet whose rows came back.
    render(null);
    renderUndo();
    byId('setup').hidden = false;
    f.sheet.set(r.sheet);
    status(pick(r.text), r.kept ? 'info' : 'ok');
  },
  { only: 'self' },
);

/** Drives the job while the sidebar is open: as many chunks at once as the job has workers, each its own call
 * (google.script.run runs them as separate executions), then the outcome. */
async function drive(): Promise<void> {
  if (driving || !current) return;
  driving = true;
  try {
    const lanes = Math.max(1, current.workers);
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i)));
    if (current && current.status !== 'running') {
      undoInfo = (await call('tagging_status')).undo;
      renderUndo();
    }
    if (current?.status === 'done') status(t('tagging.ui.doneStatus', { count: current.tagged + current.noImage }), 'ok');
    else if (current?.status === 'failed' && current.lastError) status(pick(current.lastError), 'error');
  } catch (e) {
    showError(e);
  } finally {
    driving = false;
  }
}

const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** One lane: chunk after chunk until the job stops; it waits a moment when every row left is already at work. Lanes
 * start a little apart so their claims do not queue for the same lease. */
async function lane(i: number): Promise<void> {
  await pause(i * 1500);
  while (!stopped && current && current.status === 'running') {
    const r = await call('tagging_runChunk', current.id);
    if (r.progress && newer(r.progress)) render(r.progress);
    if (r.busy) await pause(3000);
  }
}

/** Answers from lanes arrive out of order: a progress is shown unless an earlier one of the same job is on screen. */
function newer(p: Progress): boolean {
  return !current || current.id !== p.id || p.status !== 'running' || (current.status === 'running' && p.done >= current.done);
}

onClick(
  'start',
  () => t('tagging.ui.checking'),
  async () => {
    render(await call('tagging_start', f.sheet.get().trim()));
    status(t('tagging.ui.running'), 'info');
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
      status(t('tagging.ui.cancelled'), 'info');
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
  renderUndo();
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
    tpm: s.tpm,
    budget: s.dailyBudgetRp,
    chunk: s.chunkSize,
    batch: s.batchSize,
    workers: s.workers,
  });
}

let config: RpcResult<'tagging_status'> | null = null;

function showConfig(st: RpcResult<'tagging_status'>): void {
  config = st;
  byId('config').replaceChildren(
    t('tagging.ui.config', {
      model: st.model || t('common.notSet'),
      key: t(st.hasKey ? 'tagging.ui.keySet' : 'tagging.ui.keyMissing'),
    }),
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
      tpm: Number(v.tpm),
      dailyBudgetRp: Number(v.budget),
      chunkSize: Number(v.chunk),
      batchSize: Number(v.batch),
      workers: Number(v.workers),
    };
    fillSettings(await call('tagging_saveSettings', next, v.apiKey.trim()));
    form.fill({ apiKey: '' });
    status(t('tagging.ui.saved'), 'ok');
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
            status(t('tagging.ui.takenOver'), 'ok');
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
  undoInfo = st.undo;
  render(st.job);
  renderOwner(st);
  if (st.job && st.job.status === 'running') void drive();
}

initLanguage('tagging', () => {
  render(current);
  if (config) showConfig(config);
});

// Loading leaves the buttons usable: the user may type a sheet name and start while it loads.
void guarded('', load, { buttons: [] });

mountHelp();
