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
  loadSchedule,
  loadSettings,
  openDb,
  reportEnv,
  reportsOwner,
  runOwner,
  saveRun,
  saveSchedule,
  setReportsOwner,
  storeSettings,
  webhookUrl,
  withRunLock,
} from './adapters';
import { checkWebhookUrl } from './webhook';
import {
  afterFailure,
  afterSuccess,
  attemptDue,
  explainFailure,
  freshSchedule,
  resetForRetry,
  type ScheduleState,
  startAttempt,
} from './schedule';
import { ensureHeartbeat } from '../platform/triggers';

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

/** Starts a run for `month` and carries it as far as this execution allows; `user` owns it: their hourly trigger
 * carries on what does not fit in this execution. */
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

/** Records how a scheduled attempt's run ended (a run still going leaves the attempt running). */
function settle(st: ScheduleState, run: RunState, now: number): ScheduleState {
  if (run.phase === 'done') return afterSuccess(st, run.runId, now);
  if (run.phase === 'failed') return afterFailure(st, 'RUN_FAILED', run.error ?? msg('reports.phase.failed'), now);
  return { ...st, runId: run.runId, updatedAt: now };
}

/** After the last attempt failed: the alert says what went wrong and what to do, in the owner's language. */
function alertFinal(settings: ReportsSettings, st: ScheduleState, deadline: Deadline, owner: string): void {
  const why = explainFailure(st.lastCode ?? '', st.lastError ?? '', owner, st.lastErrorEn ?? undefined);
  reportEnv(settings, deadline).alert(t('reports.alert.gaveUp', { month: st.month, attempts: st.attempts, why }));
}

/**
 * The heartbeat's part, for the heartbeat of `me`: carry on a run `me` owns, or — when `me` owns the reports — start
 * the month's scheduled run when it is due, retrying a failed attempt after its backoff up to the limit. Any other
 * user's heartbeat leaves reports alone.
 */
export function scheduledStep(now: Date, deadline: Deadline, me: string): RunState | null {
  const active = loadRun();
  if (isActive(active)) {
    if (runOwner(active) !== me) return null;
    const s = continueRun(deadline);
    const st = loadSchedule();
    if (s && s.trigger === 'schedule' && st && st.status === 'running' && st.runId === s.runId)
      finish(settle(st, s, now.getTime()), deadline, me);
    return s;
  }
  const settings = loadSettings();
  if (!configured(settings) || reportsOwner() !== me) return null;
  const month = dueMonth(settings, wibParts(now));
  if (!month) return null;
  let st = loadSchedule();
  if (!st || st.month !== month) {
    // a month the older scheduler already started counts as done
    if (lastScheduledMonth() >= month) return null;
    st = freshSchedule(month, now.getTime());
  }
  if (!attemptDue(st, now.getTime())) return null;
  // backoff counts from this heartbeat's start, so the next hourly heartbeat meets a 1-hour wait exactly
  const t = now.getTime();
  st = startAttempt(st, t);
  saveSchedule(st);
  try {
    const run = runMonth(month, 'schedule', me, deadline);
    finish(settle({ ...st, runId: run.runId }, run, t), deadline, me);
    return run;
  } catch (e) {
    finish(afterFailure(st, errorCode(e), errorText(e), t), deadline, me);
    return null;
  }
}

const errorCode = (e: unknown) => (e instanceof AppError ? e.code : 'ERROR');
const errorText = (e: unknown): Msg => (e instanceof AppError ? messageOf(e) : errorMsg(e));

/** Saves the schedule's state; the alert goes out when it has just failed for good, or the month had no orders. */
function finish(st: ScheduleState, deadline: Deadline, owner: string): void {
  saveSchedule(st);
  const settings = loadSettings();
  if (st.status === 'failed') alertFinal(settings, st, deadline, owner);
  else if (st.lastCode === 'EMPTY_MONTH')
    reportEnv(settings, deadline).alert(
      t('reports.alert.emptyMonth', { detail: { id: st.lastError ?? '', en: st.lastErrorEn ?? st.lastError ?? '' } as Msg }),
    );
}

/** An admin's "Retry" after the scheduled run failed: a new series of attempts, the first one now, as that admin
 * (who then owns the run: their hourly trigger carries on what does not fit). */
export function retrySchedule(me: string, deadline = new Deadline(EXECUTION_BUDGET_MS)): ScheduleState {
  const st = loadSchedule();
  if (!st || (st.status !== 'failed' && st.status !== 'retrying')) {
    throw conflict(msg('reports.error.nothingToRetry'));
  }
  ensureHeartbeat();
  let next = startAttempt(resetForRetry(st, Date.now()), Date.now());
  saveSchedule(next);
  try {
    const run = runMonth(st.month, 'schedule', me, deadline);
    next = settle({ ...next, runId: run.runId }, run, Date.now());
  } catch (e) {
    next = afterFailure(next, errorCode(e), errorText(e), Date.now());
  }
  saveSchedule(next);
  return next;
}

/** An admin takes the reports over: their trigger runs the schedule from now on, after the same pre-flight check
 * (as them: their Drive access is what the runs will use). An active run moves to them too. */
export function takeOverReports(me: string): void {
  const settings = loadSettings();
  requireConfigured(settings);
  preflight(settings, null, (problems) => msg('reports.error.takeOverRefused', { me, problems }));
  setReportsOwner(me);
  ensureHeartbeat();
  withRunLock(() => {
    const cur = loadRun();
    if (isActive(cur)) saveRun({ ...cur, owner: me });
  });
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
 * Checks settings before they are saved (or taken over): every folder exists and is writable, the query runs, the
 * webhook URL has its format's shape. Throws one error listing every problem after `refused`'s lead-in.
 */
export function preflight(
  s: ReportsSettings,
  webhookUrlInput: string | null,
  refused: (problems: Msg[]) => Msg = (problems) => msg('reports.error.preflight', { problems }),
): ReportsSettings {
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
    throw invalid(refused(problems));
  }
  return clean;
}

/** Saves the settings after the pre-flight check, run as the admin saving them: they own the schedule from now on,
 * and their hourly trigger (installed here if missing) runs it with their Drive access, which the check just used. */
export function saveSettings(s: ReportsSettings, webhookUrl: string | null, me: string): ReportsSettings {
  const clean = preflight(s, webhookUrl);
  storeSettings(clean, webhookUrl);
  setReportsOwner(me);
  ensureHeartbeat();
  return clean;
}
