// Report operations the menu, the sidebar and the heartbeat share: settings, start, continue, dry run, pre-flight.
import { AppError, conflict, invalid, messageOf } from '../core/errors';
import { msg, Msg, t } from '../core/text';
import { Deadline, EXECUTION_BUDGET_MS } from '../core/deadline';
import { previousMonth, wibMonth, wibParts } from '../core/format';
import { dueMonth, ReportsSettings } from './settings';
import { checkMonth, validateSettings } from './validate';
import { claim, isActive, release, RunState } from './state';
import { advance, errorMsg, startRun } from './run';
import { countByBu, folderProblem, inspect, Inspection } from './plan';
import {
  appsScriptDrive,
  lastScheduledMonth,
  loadRun,
  loadSettings,
  openDb,
  reportEnv,
  saveRun,
  setLastScheduledMonth,
  storeSettings,
  webhookUrl,
  withRunLock,
} from './adapters';
import { checkWebhookUrl } from './webhook';

function configured(s: ReportsSettings): boolean {
  return s.folders.length > 0;
}

function requireConfigured(s: ReportsSettings): void {
  if (!configured(s)) {
    throw new AppError('NOT_CONFIGURED', msg('reports.error.notConfigured'));
  }
}

/** Carries the active run forward in this execution if no other execution holds it. */
function carry(s: RunState, settings: ReportsSettings, deadline: Deadline): RunState {
  const env = reportEnv(settings, deadline);
  let cur = s;
  try {
    cur = advance(env, settings, s, (x) => saveRun((cur = x)));
  } finally {
    cur = release(cur);
    saveRun(cur);
  }
  return cur;
}

/** Starts a run for `month` and carries it as far as this execution allows. */
export function runMonth(
  month: string,
  trigger: RunState['trigger'],
  user: string,
  deadline = new Deadline(EXECUTION_BUDGET_MS),
): RunState {
  const settings = loadSettings();
  requireConfigured(settings);
  const owner = `${trigger}-${Date.now()}-${Math.random()}`;
  const started = withRunLock(() => {
    const cur = loadRun();
    if (isActive(cur)) {
      throw conflict(msg('reports.error.running', { month: cur.month, runId: cur.runId }));
    }
    const s = claim(startRun(reportEnv(settings, deadline), settings, month, trigger, user), owner, Date.now())!;
    saveRun(s);
    return s;
  });
  return carry(started, settings, deadline);
}

/** Continues an active run from its checkpoint; null when there is none or another execution holds it. */
export function continueRun(deadline: Deadline): RunState | null {
  const settings = loadSettings();
  const owner = `hb-${Date.now()}-${Math.random()}`;
  const claimed = withRunLock(() => {
    const cur = loadRun();
    const c = cur ? claim(cur, owner, Date.now()) : null;
    if (c) saveRun(c);
    return c;
  });
  return claimed ? carry(claimed, settings, deadline) : null;
}

/** The heartbeat's part: continue an active run, or start the scheduled one when it is due. */
export function scheduledStep(now: Date, deadline: Deadline): RunState | null {
  const active = loadRun();
  if (isActive(active)) return continueRun(deadline);
  const settings = loadSettings();
  if (!configured(settings)) return null;
  const month = dueMonth(settings, wibParts(now));
  if (!month || lastScheduledMonth() >= month) return null;
  setLastScheduledMonth(month); // once per month, even when it fails (the alert says so; rerun from the menu)
  try {
    return runMonth(month, 'schedule', 'heartbeat', deadline);
  } catch (e) {
    const env = reportEnv(settings, deadline);
    env.alert(t('reports.alert.notStarted', { month, error: errorMsg(e) }));
    throw e;
  }
}

/** Counts per BU and the problems a run would hit; writes nothing. */
export function dryRun(month: string): Inspection {
  const settings = loadSettings();
  requireConfigured(settings);
  checkMonth(month, Date.now());
  const db = openDb();
  try {
    return inspect(db, appsScriptDrive, settings, month);
  } finally {
    db.close();
  }
}

/** The month the menu suggests: the previous WIB month. */
export function defaultMonth(): string {
  return previousMonth(wibMonth(new Date()));
}

/**
 * Checks settings before they are saved: every folder exists and is writable, the query runs, the webhook URL
 * has its format's shape. Throws one error listing every problem.
 */
export function preflight(s: ReportsSettings, webhookUrlInput: string | null): ReportsSettings {
  const clean = validateSettings(s);
  const url = webhookUrlInput || webhookUrl();
  if (url) checkWebhookUrl(clean.webhookFormat, url);
  const problems = clean.folders.map((f) => folderProblem(appsScriptDrive, f.bu, f.folderId)).filter((x): x is Msg => !!x);
  let queryError: Msg | null = null;
  const db = openDb();
  try {
    countByBu(db, clean.schema, defaultMonth());
  } catch (e) {
    queryError = e instanceof AppError ? messageOf(e) : errorMsg(e);
  } finally {
    db.close();
  }
  if (queryError) problems.push(queryError);
  if (problems.length) {
    throw invalid(msg('reports.error.preflight', { problems }));
  }
  return clean;
}

export function saveSettings(s: ReportsSettings, webhookUrl: string | null): ReportsSettings {
  const clean = preflight(s, webhookUrl);
  storeSettings(clean, webhookUrl);
  return clean;
}
