// Marketplace sidebar: merchandisers scan the Seller Center drops and see files by state (waiting, loaded with row
// counts, rejected with the reason); admins set the root folder, the mapping sheet and the report types.
import { msg, pick, t } from '../../server/core/text';
import { formatDate, formatDateTime } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { userError } from '../core/errors';
import { onClick, guarded, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { mountHelp } from '../core/help';
import { MARKET_FIELDS } from './fields';

type Files = RpcResult<'market_files'>;
type Settings = RpcResult<'market_getSettings'>['settings'];

const form = bindForm(MARKET_FIELDS);
let lastFiles: Files | undefined;
let settings: Settings | undefined;

const period = (start: string, end: string) => (start ? `${formatDate(start)} – ${formatDate(end)}` : '–');

/** One file: its name (data, never translated), and what happened to it on a second line. */
function entry(file: string, detail: string, opts: { error?: boolean; title?: string } = {}): HTMLElement {
  return el(
    'div',
    { class: 'entry', title: opts.title },
    el('div', { class: 'name', translate: 'no' }, file),
    el('div', { class: opts.error ? 'detail error' : 'detail' }, detail),
  );
}

function list(box: string, entries: HTMLElement[]): void {
  byId(box).replaceChildren(...(entries.length ? entries : [t('market.ui.none')]));
}

function show(f: Files): void {
  byId('rule').textContent = f.rule;
  const loaded = f.log.filter((l) => l.state === 'loaded');
  const rejected = f.log.filter((l) => l.state === 'rejected');
  byId('waitingCount').textContent = `(${f.waiting.length})`;
  byId('loadedCount').textContent = `(${loaded.length})`;
  byId('rejectedCount').textContent = `(${rejected.length})`;
  list(
    'waiting',
    f.waiting.map((w) =>
      entry(w.file, t('market.ui.waitingLine', { type: w.type, size: Math.max(1, Math.round(w.size / 1024)) })),
    ),
  );
  list(
    'loaded',
    loaded.map((l) =>
      entry(
        l.file,
        t('market.ui.loadedLine', { channel: l.channel, store: l.store, period: period(l.start, l.end), rows: l.rows }),
        {
          title: formatDateTime(l.at),
        },
      ),
    ),
  );
  list(
    'rejected',
    rejected.map((l) =>
      entry(l.file, `${l.reason ? pick(l.reason) : '–'}${l.mailed ? ` ${t('market.ui.mailed')}` : ''}`, {
        error: true,
        title: formatDateTime(l.at),
      }),
    ),
  );
}

async function loadFiles(): Promise<void> {
  lastFiles = await call('market_files');
  show(lastFiles);
}

function fill(s: Settings): void {
  settings = s;
  form.fill({ ...s, reportTypes: JSON.stringify(s.reportTypes, null, 1) });
}

function read(): Settings {
  const v = form.read();
  let reportTypes: Settings['reportTypes'];
  try {
    reportTypes = JSON.parse(v.reportTypes) as Settings['reportTypes'];
  } catch {
    throw userError(msg('market.ui.reportTypesInvalid'));
  }
  return { ...settings!, ...v, reportTypes };
}

onClick(
  'scan',
  () => t('market.ui.scanning'),
  async () => {
    const r = await call('market_scan');
    status(
      t('market.ui.scanned', { loaded: r.loaded, rows: r.rows, rejected: r.rejected, waiting: r.waiting }) +
        (r.stopped ? ` ${pick(r.stopped)}` : ''),
      r.stopped ? 'error' : 'ok',
    );
    await loadFiles();
  },
);

onClick(
  'save',
  () => t('market.ui.saving'),
  async () => {
    fill((await call('market_saveSettings', read())).settings);
    status(t('market.ui.saved'), 'ok');
    await loadFiles();
  },
);

async function load(): Promise<void> {
  const me = await call('app_whoami');
  if (me.roles.includes('admin')) {
    fill((await call('market_getSettings')).settings);
    byId('settingsSection').hidden = false;
  }
  await loadFiles();
}

initLanguage('marketplace', () => {
  if (lastFiles) show(lastFiles);
});
void guarded('', load);

/** The hourly scan changes the lists while the sidebar is open: refresh every minute and when the user returns. */
const refresh = refreshing(loadFiles);
setInterval(refresh, 60_000);
window.addEventListener('focus', refresh);

mountHelp();
