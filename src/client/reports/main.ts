// Reports sidebar: admins set up and run the monthly DC order report; auditors see the last run and the run log.
import { call, RpcError } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { $, el, status, bilingual } from '../core/dom';

type Settings = RpcResult<'reports_getSettings'>['settings'];
const input = (id: string) => $(`#${id}`) as HTMLInputElement;

function showError(e: unknown): void {
  const err = e as RpcError;
  status(`${err.message}${err.messageEn ? ` — ${err.messageEn}` : ''}`, 'error');
}

function fill(s: Settings, masked: string): void {
  input('schema').value = s.schema;
  ($('#folders') as HTMLTextAreaElement).value = s.folders.map((f) => `${f.bu}, ${f.folderId}`).join('\n');
  input('pattern').value = s.pattern;
  ($('#webhookFormat') as HTMLSelectElement).value = s.webhookFormat;
  input('webhookUrl').value = '';
  input('webhookUrl').placeholder = masked ? `${masked} (tidak diubah)` : '(belum ada / none)';
  input('scheduleDay').value = String(s.scheduleDay);
  input('scheduleHour').value = String(s.scheduleHour);
  input('scheduleEnabled').checked = s.scheduleEnabled;
}

function read(): Settings {
  const folders = ($('#folders') as HTMLTextAreaElement).value
    .split('\n')
    .map((l) => l.split(',').map((x) => x.trim()))
    .filter((p) => p[0])
    .map(([bu, folderId]) => ({ bu, folderId: folderId ?? '' }));
  return {
    schema: input('schema').value,
    folders,
    pattern: input('pattern').value,
    webhookFormat: ($('#webhookFormat') as HTMLSelectElement).value as Settings['webhookFormat'],
    scheduleDay: Number(input('scheduleDay').value),
    scheduleHour: Number(input('scheduleHour').value),
    scheduleEnabled: input('scheduleEnabled').checked,
  };
}

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

function render(st: RpcResult<'reports_status'>): void {
  const box = $('#lastRun');
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
  const sched = $('#schedule');
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
        el(
          'button',
          {
            id: 'retry',
            class: 'primary',
            onclick: () =>
              void busy('Mencoba lagi… Retrying…', async () => {
                const r = await call('reports_retry');
                render(r);
                status(
                  r.schedule?.status === 'done'
                    ? 'Laporan terbit. Published.'
                    : 'Dicoba lagi; lihat status. Retried; see the status.',
                  r.schedule?.status === 'done' ? 'ok' : 'info',
                );
                await loadLog();
              }),
          },
          'Coba lagi (Retry)',
        ),
      );
    }
  }
  const o = st.owner;
  sched.append(
    el(
      'div',
      { class: 'muted', id: 'ownerLine' },
      o.owner
        ? `Dijalankan oleh pemicu per jam milik ${o.owner}${o.hasTrigger ? '' : ' — pemicu tidak aktif'}. Run by ${o.owner}'s hourly trigger.`
        : 'Belum ada pemilik jadwal. No schedule owner yet.',
    ),
  );
  if (o.problem) {
    sched.append(bilingual(o.problem, 'error', 'ownerProblem'));
    if (st.admin) {
      sched.append(
        el(
          'button',
          {
            id: 'takeOver',
            onclick: () =>
              void busy('Mengambil alih… Taking over…', async () => {
                render(await call('reports_takeOver'));
                status('Jadwal laporan kini dijalankan pemicu Anda. Your trigger now runs the report.', 'ok');
              }),
          },
          'Ambil alih (Take over)',
        ),
      );
    }
  }
}

async function loadLog(): Promise<void> {
  const rows = await call('reports_runLog');
  const box = $('#log');
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
        el('td', {}, r.link ? el('a', { href: r.link, target: '_blank', title: r.sha256 }, r.bu) : r.bu),
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

async function busy<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
  const buttons = Array.from(document.querySelectorAll('button'));
  buttons.forEach((b) => (b.disabled = true));
  status(label, 'info');
  try {
    return await fn();
  } catch (e) {
    showError(e);
    return undefined;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

$('#dryRun').addEventListener('click', () =>
  busy('Menghitung… Counting…', async () => {
    const r = await call('reports_dryRun', input('month').value.trim());
    const box = $('#dryResult');
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
  }),
);

$('#runMonth').addEventListener('click', () =>
  busy('Menjalankan… Running…', async () => {
    const s = await call('reports_runMonth', input('month').value.trim());
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
  }),
);

$('#preflight').addEventListener('click', () =>
  busy('Memeriksa… Checking…', async () => {
    await call('reports_preflight', read(), input('webhookUrl').value.trim() || null);
    status('Semua folder dapat ditulis, kueri berjalan. All folders writable, the query runs.', 'ok');
  }),
);

$('#save').addEventListener('click', () =>
  busy('Memeriksa dan menyimpan… Checking and saving…', async () => {
    const v = await call('reports_saveSettings', read(), input('webhookUrl').value.trim() || null);
    fill(v.settings, v.webhookMasked);
    status('Pengaturan tersimpan. Settings saved.', 'ok');
  }),
);

async function load(): Promise<void> {
  try {
    const me = await call('app_whoami');
    const admin = me.roles.includes('admin');
    if (admin) {
      const v = await call('reports_getSettings');
      fill(v.settings, v.webhookMasked);
      input('month').value = v.defaultMonth;
      ($('#runSection') as HTMLElement).hidden = false;
      ($('#settingsSection') as HTMLElement).hidden = false;
    }
    await loadStatus();
    await loadLog();
  } catch (e) {
    showError(e);
  }
}

void load();

/** Unattended runs change the status while the sidebar is open: refresh it every minute and when the user returns. */
async function refresh(): Promise<void> {
  try {
    await loadStatus();
    await loadLog();
  } catch {
    /* the next refresh tries again; user actions still report their errors */
  }
}
setInterval(() => void refresh(), 60_000);
window.addEventListener('focus', () => void refresh());
