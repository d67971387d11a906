// Reports sidebar: admins set up and run the monthly DC order report; auditors see the last run and the run log.
import { pick, t, TextKey } from '../../server/core/text';
import { formatDateTime, formatNumber } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, notice, status } from '../core/dom';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { actionButton, guarded, onClick, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { initLanguage } from '../core/i18n';
import { REPORTS_FIELDS } from './fields';
import { recoveryBox } from './recovery';
import { mountHelp } from '../core/help';

type Settings = RpcResult<'reports_getSettings'>['settings'];

const form = bindForm(REPORTS_FIELDS);

function fill(s: Settings, masked: string): void {
  form.fill({
    ...s,
    folders: s.folders.map((f) => `${f.bu}, ${f.folderId}`).join('\n'),
    webhookUrl: '',
  });
  webhookMasked = masked;
  showWebhookPlaceholder();
}

let webhookMasked = '';

function showWebhookPlaceholder(): void {
  byId('webhookUrl', HTMLInputElement).placeholder = webhookMasked
    ? t('reports.ui.webhookKept', { masked: webhookMasked })
    : t('reports.ui.webhookNone');
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

const fmtTime = (ms: number | null) => (ms ? formatDateTime(ms) : '–');

type Status = RpcResult<'reports_status'>;
type LogRows = RpcResult<'reports_runLog'>;
let lastStatus: Status | undefined;
let lastLog: LogRows | undefined;

async function loadStatus(): Promise<void> {
  render(await call('reports_status'));
}

/** A button with an id (the page's tests and help text name it). */
function button(id: string, label: string, fn: () => Promise<unknown>, primary = false): HTMLButtonElement {
  const b = actionButton(label, fn, { primary });
  b.id = id;
  return b;
}

function render(st: Status): void {
  lastStatus = st;
  const box = byId('lastRun');
  box.replaceChildren();
  const s = st.run;
  if (!s) box.append(t('reports.ui.noRun'));
  else {
    box.append(
      el(
        'div',
        { id: 'runLine' },
        t('reports.ui.runLine', {
          month: s.month,
          phase: t(`reports.phase.${s.phase}` as TextKey),
          files: s.files.length,
          planned: s.planned.length,
          executions: s.executions,
        }),
      ),
      el('div', {}, t('reports.ui.runTimes', { start: fmtTime(s.startedAt), end: fmtTime(s.endedAt) })),
    );
    if (s.error && !st.schedule?.message) box.append(el('div', { class: 'status error' }, pick(s.error)));
  }
  const sched = byId('schedule');
  sched.replaceChildren();
  const sc = st.schedule;
  if (sc) {
    sched.append(
      el(
        'div',
        { id: 'scheduleLine' },
        t('reports.ui.scheduleLine', {
          month: sc.month,
          status: t(`reports.schedule.${sc.status}` as TextKey),
          attempts: sc.attempts,
          max: sc.maxAttempts,
        }) + (sc.status === 'retrying' && sc.nextAttemptAt ? ` · ${t('reports.ui.nextAttempt', { at: sc.nextAttemptAt })}` : ''),
      ),
    );
    if (sc.message) sched.append(notice(sc.message, sc.status === 'failed' ? 'error' : 'info', 'scheduleMessage'));
    if (st.admin && (sc.status === 'failed' || sc.status === 'retrying')) {
      sched.append(
        button(
          'retry',
          t('reports.ui.retry'),
          async () => {
            status(t('reports.ui.retrying'), 'info');
            const r = await call('reports_retry');
            render(r);
            const done = r.schedule?.status === 'done';
            status(t(done ? 'reports.ui.retryPublished' : 'reports.ui.retried'), done ? 'ok' : 'info');
            await loadLog();
          },
          true,
        ),
      );
    }
  }
  sched.append(
    ...ownerNotice(st.owner, {
      line: { id: 'ownerLine', none: t('reports.ui.noOwner') },
      takeOver: st.admin
        ? async () => {
            status(t('common.owner.takingOver'), 'info');
            render(await call('reports_takeOver'));
            status(t('reports.ui.takenOver'), 'ok');
          }
        : null,
    }),
  );
  // A failed run the schedule is not already retrying (a run started by hand): what next, one click away.
  const retried = sc && (sc.status === 'failed' || sc.status === 'retrying') && sc.month === s?.month;
  const next = retried
    ? null
    : recoveryBox(
        s,
        { isAdmin: st.admin, admins },
        {
          rerun: (m) => {
            form.fill({ month: m });
            void runMonthAction(); // not a click on #runMonth: while the page loads its buttons are disabled
          },
          dryRun: (m) => {
            form.fill({ month: m });
            void dryRunAction();
          },
        },
      );
  if (next) box.append(next);
}

/** The admins (a user who may not run the report is told to ask them). */
let admins: string[] = [];

async function loadLog(): Promise<void> {
  lastLog = await call('reports_runLog');
  showLog(lastLog);
}

function showLog(rows: LogRows): void {
  const box = byId('log');
  box.replaceChildren();
  if (!rows.length) {
    box.append(t('reports.ui.emptyLog'));
    return;
  }
  const body = rows
    .slice(0, 60)
    .map((r) =>
      el(
        'tr',
        {},
        el('td', {}, r.month),
        el('td', { translate: 'no' }, link(r.link, r.bu, { title: r.sha256 })),
        el('td', { class: 'num' }, formatNumber(r.rows)),
        el('td', {}, r.status ? t(`reports.status.${r.status}` as TextKey) : '–'),
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
        el('th', {}, t('reports.ui.col.month')),
        el('th', {}, t('reports.ui.col.bu')),
        el('th', { class: 'num' }, t('reports.ui.col.rows')),
        el('th', {}, t('reports.ui.col.status')),
        el('th', { class: 'num' }, t('reports.ui.col.attempts')),
      ),
      ...body,
    ),
  );
}

/** Counts the month's rows per business unit without publishing (the dry-run button and the recovery box). */
const dryRunAction = (): Promise<unknown> =>
  guarded(
    () => t('reports.ui.counting'),
    async () => {
      const r = await call('reports_dryRun', month());
      const box = byId('dryResult');
      box.replaceChildren(
        el(
          'table',
          {},
          ...r.counts.map((c) =>
            el(
              'tr',
              {},
              el('td', { translate: 'no' }, c.bu),
              el('td', { class: 'num' }, formatNumber(c.rows)),
              el('td', {}, c.problem ? pick(c.problem) : '✓'),
            ),
          ),
        ),
      );
      status(
        t('reports.ui.dryDone', { month: r.month, total: r.total, problems: r.problems.length }),
        r.problems.length ? 'error' : 'ok',
      );
    },
  );
byId('dryRun').addEventListener('click', () => void dryRunAction());

/** Publishes the month (the run button and the recovery box). */
const runMonthAction = (): Promise<unknown> =>
  guarded(
    () => t('reports.ui.running'),
    async () => {
      const s = await call('reports_runMonth', month());
      status(
        s.phase === 'done'
          ? t('reports.ui.published', { files: s.files.length })
          : s.phase === 'failed'
            ? t('reports.ui.failed', { error: s.error ? pick(s.error) : '–' })
            : t('reports.ui.carriedOn'),
        s.phase === 'failed' ? 'error' : 'ok',
      );
      await loadStatus();
      await loadLog();
    },
  );
byId('runMonth').addEventListener('click', () => void runMonthAction());

onClick(
  'preflight',
  () => t('common.checking'),
  async () => {
    await call('reports_preflight', read(), webhookInput());
    status(t('reports.ui.preflightOk'), 'ok');
  },
);

onClick(
  'save',
  () => t('reports.ui.checkingSaving'),
  async () => {
    const v = await call('reports_saveSettings', read(), webhookInput());
    fill(v.settings, v.webhookMasked);
    status(t('reports.ui.saved'), 'ok');
  },
);

async function load(): Promise<void> {
  const me = await call('app_whoami');
  admins = me.admins;
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

initLanguage('reports', () => {
  showWebhookPlaceholder();
  if (lastStatus !== undefined) render(lastStatus);
  if (lastLog) showLog(lastLog);
});
void guarded('', load);

/** Unattended runs change the status while the sidebar is open: refresh it every minute and when the user returns. */
const refresh = refreshing(async () => {
  await loadStatus();
  await loadLog();
});
setInterval(refresh, 60_000);
window.addEventListener('focus', refresh);

mountHelp();
