// Marketplace sidebar: merchandisers scan the Seller Center drops and see files by state (waiting, loaded with row
// counts, rejected with the reason); admins set the root folder, the mapping sheet and the report types.
import { msg, pick, t } from '../../server/core/text';
import { formatDate, formatDateTime, formatNumber } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { userError } from '../core/errors';
import { onClick, guarded, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { MARKET_FIELDS } from './fields';

type Files = RpcResult<'market_files'>;
type Settings = RpcResult<'market_getSettings'>['settings'];

const form = bindForm(MARKET_FIELDS);
let lastFiles: Files | undefined;
let settings: Settings | undefined;

const period = (start: string, end: string) => (start ? `${formatDate(start)} – ${formatDate(end)}` : '–');

function table(head: string[], rows: HTMLElement[]): HTMLElement {
  return el('table', {}, el('tr', {}, ...head.map((h) => el('th', {}, h))), ...rows);
}

function show(f: Files): void {
  byId('rule').textContent = f.rule;
  const loaded = f.log.filter((l) => l.state === 'loaded');
  const rejected = f.log.filter((l) => l.state === 'rejected');
  byId('waitingCount').textContent = `(${f.waiting.length})`;
  byId('loadedCount').textContent = `(${loaded.length})`;
  byId('rejectedCount').textContent = `(${rejected.length})`;
  byId('waiting').replaceChildren(
    f.waiting.length
      ? table(
          [t('market.ui.col.file'), t('market.ui.col.type')],
          f.waiting.map((w) => el('tr', {}, el('td', { translate: 'no' }, w.file), el('td', { translate: 'no' }, w.type))),
        )
      : t('market.ui.none'),
  );
  byId('loaded').replaceChildren(
    loaded.length
      ? table(
          [t('market.ui.col.file'), t('market.ui.col.channel'), t('market.ui.col.period'), t('market.ui.col.rows')],
          loaded.map((l) =>
            el(
              'tr',
              { title: formatDateTime(l.at) },
              el('td', { translate: 'no' }, l.file),
              el('td', { translate: 'no' }, l.channel),
              el('td', {}, period(l.start, l.end)),
              el('td', { class: 'num' }, formatNumber(l.rows)),
            ),
          ),
        )
      : t('market.ui.none'),
  );
  byId('rejected').replaceChildren(
    rejected.length
      ? table(
          [t('market.ui.col.file'), t('market.ui.col.reason')],
          rejected.map((l) =>
            el(
              'tr',
              { title: formatDateTime(l.at) },
              el('td', { translate: 'no' }, l.file),
              el('td', { class: 'error' }, l.reason ? pick(l.reason) : '–', l.mailed ? ` ${t('market.ui.mailed')}` : ''),
            ),
          ),
        )
      : t('market.ui.none'),
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

initLanguage(() => {
  if (lastFiles) show(lastFiles);
});
void guarded('', load);

/** The hourly scan changes the lists while the sidebar is open: refresh every minute and when the user returns. */
const refresh = refreshing(loadFiles);
setInterval(refresh, 60_000);
window.addEventListener('focus', refresh);
