// ScriptApp: installable triggers under the editor add-on rules, enums, getOAuthToken and getScriptId.
import type { SignatureTable } from '../../runtime/signatures';
import { createHash } from 'node:crypto';
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { triggerStore, TriggerStore, TriggerRecord, ClockSchedule, EventTypeName, WeekDayName } from './store';
import { deployments, webAppUrl } from '../webapp/index';

/** Editor add-on rules (workspace/add-ons/concepts/editor-triggers#restrictions). The texts are those Apps Script
 * users report from real executions (see the tests); the one for spreadsheet triggers is built on the same pattern
 * and is unconfirmed. */
export const TOO_MANY_TIME_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const RECURRENCE_TOO_SHORT = 'The recurrence interval for an Add-on trigger must be at least one hour.';
export const tooManyOfType = (kind: string) =>
  `This add-on has created too many ${kind} triggers in this document for this Google user account.`;
/** 20 triggers per user per script (guides/services/quotas); text as reported by users. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS_PER_USER = 20;

const SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const noPermission = (method: string) =>
  new GasError(`You do not have permission to call ${method}. Required permissions: ${SCOPE}`);
/** Unconfirmed texts for bad builder arguments: they name the method and what it accepts. */
const badArg = (what: string) => new GasError(`Invalid argument: ${what}`);

const enumOf = <T extends string>(names: T[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);
export const AuthModeEnum = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventTypeEnum = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
export const TriggerSourceEnum = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDayEnum = enumOf<WeekDayName>(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);

export class Trigger
  implements
    Pick<
      GoogleAppsScript.Script.Trigger,
      'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
    >
{
  static readonly gasName = 'Trigger';
  constructor(readonly rec: TriggerRecord) {}
  getUniqueId(): string {
    return this.rec.uid;
  }
  getHandlerFunction(): string {
    return this.rec.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.rec.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.rec.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.rec.sourceId as string;
  }
}

/** Shared checks before a trigger is stored. */
function install(
  svc: ScriptApp,
  rec: Omit<TriggerRecord, 'uid' | 'owner' | 'documentId' | 'createdAt'>,
  documentId: string | null,
): Trigger {
  const { ctx, store } = svc;
  const mine = store.list().filter((t) => t.owner === ctx.user);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new GasError(TOO_MANY_TRIGGERS);
  const sameDoc = mine.filter((t) => t.documentId === documentId && t.eventType === rec.eventType);
  if (sameDoc.length) {
    const kind: Record<EventTypeName, string> = {
      CLOCK: 'time-based',
      ON_OPEN: 'open',
      ON_EDIT: 'edit',
      ON_CHANGE: 'change',
      ON_FORM_SUBMIT: 'form submit',
    };
    throw new GasError(rec.eventType === 'CLOCK' ? TOO_MANY_TIME_TRIGGERS : tooManyOfType(kind[rec.eventType]));
  }
  const full: TriggerRecord = { ...rec, uid: store.newUid(), owner: ctx.user, documentId, createdAt: ctx.now().getTime() };
  return new Trigger(store.add(full));
}

export class ClockTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      | 'everyMinutes'
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'atHour'
      | 'nearMinute'
      | 'onMonthDay'
      | 'onWeekDay'
      | 'after'
      | 'at'
      | 'atDate'
      | 'inTimezone'
      | 'create'
    >
{
  static readonly gasName = 'ClockTriggerBuilder';
  private s: ClockSchedule;
  constructor(
    private svc: ScriptApp,
    private handler: string,
    timezone: string,
  ) {
    this.s = { kind: 'hours', every: null, hour: null, nearMinute: null, monthDay: null, weekDay: null, at: null, timezone };
  }
  private set(kind: ClockSchedule['kind'], every: number | null = null): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.s.kind = kind;
    this.s.every = every;
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  /** Allowed values 1, 5, 10, 15, 30 (reference/script/clock-trigger-builder#everyMinutes). */
  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(Number(n))) throw badArg('everyMinutes accepts 1, 5, 10, 15 or 30');
    return this.set('minutes', Number(n));
  }
  /** Allowed values 1, 2, 4, 6, 8, 12 (reference/script/clock-trigger-builder#everyHours). */
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(Number(n))) throw badArg('everyHours accepts 1, 2, 4, 6, 8 or 12');
    return this.set('hours', Number(n));
  }
  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(Number(n)) && n >= 1)) throw badArg('everyDays needs a whole number of days ≥ 1');
    return this.set('days', Number(n));
  }
  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(Number(n)) && n >= 1)) throw badArg('everyWeeks needs a whole number of weeks ≥ 1');
    return this.set('weeks', Number(n));
  }
  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(Number(hour)) && hour >= 0 && hour <= 23)) throw badArg('atHour accepts 0 to 23');
    this.s.hour = Number(hour);
    return this.self();
  }
  /** The trigger runs within ±15 minutes of this minute (docs/platform.md §2; reference/script/clock-trigger-builder). */
  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(Number(minute)) && minute >= 0 && minute <= 59)) throw badArg('nearMinute accepts 0 to 59');
    this.s.nearMinute = Number(minute);
    return this.self();
  }
  onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number.isInteger(Number(day)) && day >= 1 && day <= 31)) throw badArg('onMonthDay accepts 1 to 31');
    this.s.monthDay = Number(day);
    return this.set('monthDay');
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    const d = String(day) as WeekDayName;
    if (!(d in WeekDayEnum)) throw badArg('onWeekDay needs a ScriptApp.WeekDay');
    this.s.weekDay = d;
    if (this.s.kind !== 'weeks') this.s.kind = 'weekDay';
    return this.self();
  }
  /** A one-time trigger at least `durationMilliseconds` from now. */
  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(Number(durationMilliseconds) >= 0)) throw badArg('after needs a duration ≥ 0');
    this.s.at = this.svc.ctx.now().getTime() + Number(durationMilliseconds);
    return this.set('once');
  }
  at(date: Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    const t = date instanceof Date ? date.getTime() : NaN;
    if (Number.isNaN(t)) throw badArg('at needs a Date');
    this.s.at = t;
    return this.set('once');
  }
  /** Midnight of that date in the trigger's time zone; computed when the trigger is created. */
  atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.s.at = Date.UTC(year, month - 1, day);
    (this.s as ClockSchedule & { atDate?: boolean }).atDate = true;
    return this.set('once');
  }
  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      throw badArg(`inTimezone: unknown time zone ${timezone}`);
    }
    this.s.timezone = String(timezone);
    return this.self();
  }
  create(): GoogleAppsScript.Script.Trigger {
    const s = { ...this.s } as ClockSchedule & { atDate?: boolean };
    if (s.kind === 'hours' && s.every === null)
      throw badArg('the clock trigger has no schedule (everyHours, everyDays, onMonthDay, at, ...)');
    if (s.kind === 'minutes') throw new GasError(RECURRENCE_TOO_SHORT);
    if (s.atDate && s.at !== null) {
      const d = new Date(s.at);
      s.at = zonedMidnight(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), s.timezone);
    }
    delete s.atDate;
    if (s.hour !== null && !['days', 'weeks', 'weekDay', 'monthDay'].includes(s.kind))
      throw badArg('atHour needs everyDays, everyWeeks, onWeekDay or onMonthDay');
    if (s.kind === 'weeks' && s.weekDay === null)
      s.weekDay = Object.keys(WeekDayEnum)[(this.svc.ctx.now().getUTCDay() + 6) % 7] as WeekDayName;
    return install(
      this.svc,
      { handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule: s },
      this.svc.ctx.documentId,
    ) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

/** Midnight of a calendar date in a time zone, as epoch ms. */
function zonedMidnight(y: number, m0: number, d: number, tz: string): number {
  const guess = Date.UTC(y, m0, d);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return guess - (asUtc - guess);
}

export class SpreadsheetTriggerBuilder
  implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'>
{
  static readonly gasName = 'SpreadsheetTriggerBuilder';
  private type: EventTypeName | null = null;
  constructor(
    private svc: ScriptApp,
    private handler: string,
    private ssId: string,
  ) {}
  private pick(t: EventTypeName): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.type = t;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.pick('ON_OPEN');
  }
  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.pick('ON_EDIT');
  }
  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.pick('ON_CHANGE');
  }
  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.pick('ON_FORM_SUBMIT');
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.type) throw badArg('choose onOpen, onEdit, onChange or onFormSubmit before create');
    return install(
      this.svc,
      { handler: this.handler, eventType: this.type, source: 'SPREADSHEETS', sourceId: this.ssId, schedule: null },
      this.ssId,
    ) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

export class TriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  static readonly gasName = 'TriggerBuilder';
  constructor(
    private svc: ScriptApp,
    private handler: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new ClockTriggerBuilder(
      this.svc,
      this.handler,
      this.svc.env.config.timeZone,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = spreadsheetId(sheet);
    // Editor add-ons may only create triggers for the file they run in (editor-triggers#restrictions); text unconfirmed.
    if (this.svc.ctx.documentId && id !== this.svc.ctx.documentId)
      throw new GasError('Add-ons can only create triggers for the document in which they are used.');
    return new SpreadsheetTriggerBuilder(
      this.svc,
      this.handler,
      id,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

function spreadsheetId(sheet: unknown): string {
  if (typeof sheet === 'string' && sheet) return sheet;
  const s = sheet as { getId?: () => unknown } | null;
  if (s && typeof s.getId === 'function') return String(s.getId());
  throw badArg('a Spreadsheet or its id');
}

/** ScriptApp.getService(): the project's web app (reference/script/service). */
export class Service implements Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  static readonly gasName = 'Service';
  constructor(private env: RuntimeEnv) {}
  /** The URL of the newest web-app deployment, or null when the script is not deployed as a web app. */
  getUrl(): string {
    const list = deployments(this.env);
    return (list.length ? webAppUrl(list[list.length - 1]) : null) as string;
  }
  isEnabled(): boolean {
    return deployments(this.env).length > 0;
  }
}

export class ScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'newTrigger'
      | 'getUserTriggers'
      | 'getProjectTriggers'
      | 'deleteTrigger'
      | 'getOAuthToken'
      | 'getScriptId'
      | 'AuthMode'
      | 'EventType'
      | 'TriggerSource'
      | 'WeekDay'
    >
{
  static readonly gasName = 'ScriptApp';
  static readonly gasSignatures: SignatureTable = { newTrigger: [['String']], deleteTrigger: [[{ cls: 'Trigger' }]] };
  static readonly gasProps = ['AuthMode', 'EventType', 'TriggerSource', 'WeekDay'];
  readonly AuthMode = AuthModeEnum as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly EventType = EventTypeEnum as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSourceEnum as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WeekDayEnum as unknown as typeof GoogleAppsScript.Base.Weekday;
  constructor(
    readonly ctx: ExecContext,
    readonly env: RuntimeEnv,
    readonly store: TriggerStore,
  ) {}

  /** Installable triggers need full authorization: simple triggers (LIMITED) may not touch them. */
  private authorize(method: string): void {
    if (this.ctx.authMode !== 'FULL') throw noPermission(`ScriptApp.${method}`);
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.authorize('newTrigger');
    if (!functionName || typeof functionName !== 'string') throw badArg('functionName');
    return new TriggerBuilder(this, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  /** This user's triggers in that spreadsheet, for this add-on only (reference/script/script-app#getUserTriggers). */
  getUserTriggers(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): GoogleAppsScript.Script.Trigger[] {
    this.authorize('getUserTriggers');
    const id = spreadsheetId(spreadsheet);
    return this.store
      .list()
      .filter((t) => t.owner === this.ctx.user && t.documentId === id)
      .map((t) => new Trigger(t)) as unknown as GoogleAppsScript.Script.Trigger[];
  }
  /** This user's triggers in this project. */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.authorize('getProjectTriggers');
    return this.store
      .list()
      .filter((t) => t.owner === this.ctx.user)
      .map((t) => new Trigger(t)) as unknown as GoogleAppsScript.Script.Trigger[];
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.authorize('deleteTrigger');
    const uid = trigger instanceof Trigger ? trigger.rec.uid : null;
    if (!uid) throw badArg('trigger');
    const rec = this.store.get(uid);
    if (rec && rec.owner === this.ctx.user) this.store.remove(uid);
  }
  getService(): Service {
    return new Service(this.env);
  }
  /** A fake but stable token for this user (no Google account offline). */
  getOAuthToken(): string {
    return oauthTokenFor(this.ctx.user);
  }
  getScriptId(): string {
    return (
      this.env.config.settings.scriptId ??
      '1DataDeskLocalScript' + createHash('sha256').update(this.env.config.stateDir).digest('hex').slice(0, 37)
    );
  }
}

/** The OAuth token an execution of `user` is given (the REST stand-ins check it). */
export function oauthTokenFor(user: string): string {
  return 'ya29.local-' + createHash('sha256').update(user).digest('base64url').slice(0, 40);
}

export function createScriptApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new ScriptApp(ctx, env, triggerStore(env));
}
