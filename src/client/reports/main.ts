// Reports sidebar: admins set up and run the monthly DC order report; auditors see the last run and the run log.
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { bilingual, byId, el, status } from '../core/dom';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { actionButton, guarded, onClick, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { REPORTS_FIELDS } from './fields';

type Settings = RpcResult<'reports_getSettings'>['settings'];

const form = bindForm(REPORTS_FIELDS);

function fill(s: Settings, masked: string): void {
  form.fill({
    ...s,
    folders: s.folders.map((f) => `${f.bu}, ${f.folderId}`).join('\n'),
    webhookUrl: '',
  });
  byId('webhookUrl', HTMLInputElement).placeholder = masked ? `${masked} (tidak diubah)` : '(belum ada / none)';
}

function read(): Settings {
  const v = form.read();
  const folders = v.folders
    .split('\n')
    .map((l) => l.split(',').map((x) => x.trim()))
    .filter((p) => p[0])
    .map(([bu, folderId]) => ({ bu, folderId: folderId ?? '' }));
  return {
    schema: v.schema,
    folders,
    pattern: v.pattern,
    webhookFormat: v.webhookFormat,
    scheduleDay: v.scheduleDay ?? 0,
    scheduleHour: v.scheduleHour ?? 0,
    scheduleEnabled: v.scheduleEnabled,
  };
}

const webhookInput = () => form.fields.webhookUrl.get().trim() || null;
const month = () => form.fields.month.get().trim();

const fmtTime = (ms: number | null) => (ms ? new Date(ms).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB' : '–');

const PHASE: Record<string, string> = {
  build: 'sedang dibuat (building)',
  publish: 'sedang diterbitkan (publishing)',
  done: 'terbit (published)',
  failed: 'gagal (failed)',
};
const SCHEDULE: Record<string, string> = {
  waiting: 'menunggu jadwal (waiting)',
  running: 'sedang berjalan (running)',
  retrying: 'akan dicoba lagi (retrying)',
  done: 'selesai (done)',
  failed: 'gagal (failed)',
};

async function loadStatus(): Promise<void> {
  render(await call('reports_status'));
}

/** A button with an id (the page's tests and help text name it). */
function button(id: string, label: string, fn: () => Promise<unknown>, primary = false): HTMLButtonElement {
  const b = actionButton(label, fn, { primary });
  b.id = id;
  return b;
}

function render(st: RpcResult<'reports_status'>): void {
  const box = byId('lastRun');
  box.replaceChildren();
  const s = st.run;
  if (!s) box.append('Belum ada run. No run yet.');
  else {
    box.append(
      el(
        'div',
        { id: 'runLine' },
        `${s.month} · ${PHASE[s.phase] ?? s.phase} · ${s.files.length}/${s.planned.length} file · ${s.executions} eksekusi`,
      ),
      el('div', {}, `Mulai ${fmtTime(s.startedAt)} · selesai ${fmtTime(s.endedAt)}`),
    );
    if (s.error && !st.schedule?.message) box.append(el('div', { class: 'status error' }, s.error));
  }
  const sched = byId('schedule');
  sched.replaceChildren();
  const sc = st.schedule;
  if (sc) {
    sched.append(
      el(
        'div',
        { id: 'scheduleLine' },
        `Jadwal ${sc.month}: ${SCHEDULE[sc.status] ?? sc.status} · percobaan ${sc.attempts}/${sc.maxAttempts}` +
          (sc.status === 'retrying' && sc.nextAttemptAt ? ` · berikutnya ${fmtTime(sc.nextAttemptAt)}` : ''),
      ),
    );
    if (sc.message) sched.append(bilingual(sc.message, sc.status === 'failed' ? 'error' : 'info', 'scheduleMessage'));
    if (st.admin && (sc.status === 'failed' || sc.status === 'retrying')) {
      sched.append(
        button(
          'retry',
          'Coba lagi (Retry)',
          async () => {
            status('Mencoba lagi… Retrying…', 'info');
            const r = await call('reports_retry');
            render(r);
            const done = r.schedule?.status === 'done';
            status(
              done ? 'Laporan terbit. Published.' : 'Dicoba lagi; lihat status. Retried; see the status.',
              done ? 'ok' : 'info',
            );
            await loadLog();
          },
          true,
        ),
      );
    }
  }
  sched.append(
    ...ownerNotice(st.owner, {
      line: {
        id: 'ownerLine',
        says: (o) =>
          `Dijalankan oleh pemicu per jam milik ${o.owner}${o.hasTrigger ? '' : ' — pemicu tidak aktif'}. Run by ${o.owner}'s hourly trigger.`,
        none: 'Belum ada pemilik jadwal. No schedule owner yet.',
      },
      takeOver: st.admin
        ? async () => {
            status('Mengambil alih… Taking over…', 'info');
            render(await call('reports_takeOver'));
            status('Jadwal laporan kini dijalankan pemicu Anda. Your trigger now runs the report.', 'ok');
          }
        : null,
    }),
  );
}

async function loadLog(): Promise<void> {
  const rows = await call('reports_runLog');
  const box = byId('log');
  box.replaceChildren();
  if (!rows.length) {
    box.append('Log kosong. Empty log.');
    return;
  }
  const body = rows
    .slice(0, 60)
    .map((r) =>
      el(
        'tr',
        {},
        el('td', {}, r.month),
        el('td', {}, link(r.link, r.bu, { title: r.sha256 })),
        el('td', { class: 'num' }, String(r.rows)),
        el('td', {}, r.status),
        el('td', { class: 'num' }, String(r.attempts)),
      ),
    );
  box.append(
    el(
      'table',
      {},
      el(
        'tr',
        {},
        el('th', {}, 'Bulan'),
        el('th', {}, 'BU'),
        el('th', { class: 'num' }, 'Baris'),
        el('th', {}, 'Status'),
        el('th', { class: 'num' }, 'Coba'),
      ),
      ...body,
    ),
  );
}

onClick('dryRun', 'Menghitung… Counting…', async () => {
  const r = await call('reports_dryRun', month());
  const box = byId('dryResult');
  box.replaceChildren(
    el(
      'table',
      {},
      ...r.counts.map((c) =>
        el('tr', {}, el('td', {}, c.bu), el('td', { class: 'num' }, String(c.rows)), el('td', {}, c.problem ?? '✓')),
      ),
    ),
  );
  status(
    `Uji coba ${r.month}: ${r.total} baris, ${r.problems.length} masalah. Tidak ada yang ditulis. Nothing written.`,
    r.problems.length ? 'error' : 'ok',
  );
});

onClick('runMonth', 'Menjalankan… Running…', async () => {
  const s = await call('reports_runMonth', month());
  status(
    s.phase === 'done'
      ? `Terbit: ${s.files.length} file. Published.`
      : s.phase === 'failed'
        ? `Gagal, folder tidak diubah: ${s.error}`
        : 'Berjalan; pemicu per jam melanjutkan. Running; the hourly trigger carries on.',
    s.phase === 'failed' ? 'error' : 'ok',
  );
  await loadStatus();
  await loadLog();
});

onClick('preflight', 'Memeriksa… Checking…', async () => {
  await call('reports_preflight', read(), webhookInput());
  status('Semua folder dapat ditulis, kueri berjalan. All folders writable, the query runs.', 'ok');
});

onClick('save', 'Memeriksa dan menyimpan… Checking and saving…', async () => {
  const v = await call('reports_saveSettings', read(), webhookInput());
  fill(v.settings, v.webhookMasked);
  status('Pengaturan tersimpan. Settings saved.', 'ok');
});

async function load(): Promise<void> {
  const me = await call('app_whoami');
  if (me.roles.includes('admin')) {
    const v = await call('reports_getSettings');
    fill(v.settings, v.webhookMasked);
    form.fill({ month: v.defaultMonth });
    byId('runSection').hidden = false;
    byId('settingsSection').hidden = false;
  }
  await loadStatus();
  await loadLog();
}

void guarded('', load);

/** Unattended runs change the status while the sidebar is open: refresh it every minute and when the user returns. */
const refresh = refreshing(async () => {
  await loadStatus();
  await loadLog();
});
setInterval(refresh, 60_000);
window.addEventListener('focus', refresh);
