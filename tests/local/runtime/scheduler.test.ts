// The trigger scheduler: tick() fires time-driven triggers as the emulated clock moves
// (guides/triggers/installable#time-driven_triggers; guides/triggers/events#time-driven-events).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { tick, nextRuns, zonedParts } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { outboxStore } from '../../../src/local/services/mail/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const S = `
function install(kind) {
  var b = ScriptApp.newTrigger('beat').timeBased();
  if (kind === 'hourly') b.everyHours(1);
  if (kind === 'monthly') b.onMonthDay(2).atHour(6);
  if (kind === 'near') b.everyDays(1).atHour(9).nearMinute(30);
  if (kind === 'once') b.after(90 * 60 * 1000);
  if (kind === 'weekly') b.everyWeeks(1).onWeekDay(ScriptApp.WeekDay.WEDNESDAY).atHour(8);
  return b.create().getUniqueId();
}
function context(e) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var opened = SpreadsheetApp.openById(e && e.doc ? e.doc : PropertiesService.getUserProperties().getProperty('doc'));
  MailApp.sendEmail('boss@x.id', 'from the trigger', 'body');
  return { active: ss === null, docProps: PropertiesService.getDocumentProperties() === null,
    docLock: LockService.getDocumentLock() === null, docCache: CacheService.getDocumentCache() === null,
    user: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(), opened: opened.getName() };
}
function installContext(doc) {
  PropertiesService.getUserProperties().setProperty('doc', doc);
  return ScriptApp.newTrigger('context').timeBased().everyHours(1).create().getUniqueId();
}
function beat(e) {
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('beats') || 0) + 1;
  p.setProperty('beats', String(n));
  return { n: n, uid: e.triggerUid, auth: e.authMode, day: e['day-of-month'], hour: e.hour, tz: e.timezone,
    user: Session.getActiveUser().getEmail(), now: new Date().toISOString() };
}
`;

const tickS = (rt: Runtime, to?: Date) => tick(rt, to, { script: S });

async function setup(kind: string, start: string) {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-tick-')) });
  rt.env.clock.advanceTo(new Date(start));
  const uid = await rt.call<string>('install', [kind], { script: S, user: 'owner@x.id', documentId: 'ss1' });
  return { rt, uid };
}

describe('scheduler tick()', () => {
  it('waits for the executions under way before the clock moves (time cannot pass a running sidebar call)', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-tick-')) });
    const order: string[] = [];
    const slow = rt
      .execute({ fn: 'slow', script: 'function slow() { Utilities.sleep(1500); return 1; }' })
      .then((r) => order.push(r.ok ? 'execution ended' : 'execution failed'));
    await new Promise((r) => setTimeout(r, 300)); // it is sleeping now
    await tick(rt, new Date(rt.env.clock.now().getTime() + 2 * 3600_000)).then(() => order.push('clock moved'));
    await slow;
    expect(order).toEqual(['execution ended', 'clock moved']);
  });

  // docs/platform.md §11 "Who runs what": a time-driven trigger runs as its owner, with no open document — even one an
  // add-on installed from a spreadsheet. The strict reading: no active spreadsheet, document properties, lock or cache.
  it('runs a time-driven trigger as its owner with no document: null active spreadsheet, document properties, lock, cache', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-tick-')) });
    rt.env.clock.advanceTo(new Date('2030-01-01T00:00:00Z'));
    const doc = getSpreadsheetStore(rt.env).create('Buku', { owner: 'owner@x.id', sharing: {} }).id;
    await rt.call('installContext', [doc], { script: S, user: 'owner@x.id', documentId: doc });
    const r = await tickS(rt, new Date('2030-01-01T01:00:00Z'));
    expect(r.fired.length).toBe(1);
    expect(r.fired[0].result.error).toBeUndefined();
    expect(r.fired[0].result.value).toEqual({
      active: true,
      docProps: true,
      docLock: true,
      docCache: true,
      user: 'owner@x.id',
      effective: 'owner@x.id',
      opened: 'Buku',
    });
    // the mail went out from the trigger's owner
    expect(
      outboxStore(rt.env)
        .list()
        .map((m) => [m.from, m.subject]),
    ).toEqual([['owner@x.id', 'from the trigger']]);
  });

  it('fires an everyHours(1) trigger once per hour: 5 times across 5 hours, as its owner with a clock event', async () => {
    const { rt, uid } = await setup('hourly', '2030-01-01T00:00:00Z');
    const r = await tickS(rt, new Date('2030-01-01T05:00:00Z'));
    expect(r.fired.length).toBe(5);
    expect(r.fired.every((f) => f.result.ok && f.uid === uid && f.user === 'owner@x.id' && f.documentId === 'ss1')).toBe(true);
    const values = r.fired.map((f) => f.result.value as { n: number; auth: string; tz: string; user: string; now: string });
    expect(values.map((v) => v.n)).toEqual([1, 2, 3, 4, 5]);
    expect(values[0]).toMatchObject({ auth: 'FULL', tz: 'UTC', user: 'owner@x.id' });
    const times = r.fired.map((f) => Date.parse(f.at));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(3600_000);
    // the script saw the clock at the firing time
    expect(Date.parse(values[0].now) - times[0]).toBeLessThan(5000);
    expect(rt.env.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2030-01-01T05:00:00Z'));
    // the default tick is one hour: exactly one more beat
    expect((await tickS(rt)).fired.length).toBe(1);
  });

  it('fires the triggers of several users in time order, each as its owner', async () => {
    const { rt } = await setup('hourly', '2030-01-01T00:00:00Z');
    await rt.call('install', ['hourly'], { script: S, user: 'second@x.id', documentId: 'ss1' });
    const events: unknown[] = [];
    rt.env.on('event', (e) => events.push(e));
    const r = await tickS(rt, new Date('2030-01-01T03:00:00Z'));
    expect(r.fired.length).toBe(6);
    const times = r.fired.map((f) => Date.parse(f.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(r.fired.map((f) => f.user).sort()).toEqual([
      'owner@x.id',
      'owner@x.id',
      'owner@x.id',
      'second@x.id',
      'second@x.id',
      'second@x.id',
    ]);
    expect(r.fired.every((f) => (f.result.value as { user: string }).user === f.user)).toBe(true);
    // the workbench hears that the clock moved
    const last = events.at(-1) as { type: string; scope: string; id: string };
    expect([last.type, last.scope]).toEqual(['change', 'clock']);
    expect(Date.parse(last.id)).toBeGreaterThanOrEqual(Date.parse('2030-01-01T03:00:00Z'));
  });

  it('fires onMonthDay(2).atHour(6) once a month, on the 2nd at 06:xx in the script time zone', async () => {
    const { rt } = await setup('monthly', '2030-01-01T00:00:00Z');
    const r = await tickS(rt, new Date('2030-03-31T00:00:00Z'));
    expect(r.fired.length).toBe(3);
    for (const f of r.fired) {
      const p = zonedParts(Date.parse(f.at), 'Asia/Jakarta');
      expect([p.d, p.h]).toEqual([2, 6]);
    }
    expect(r.fired.map((f) => zonedParts(Date.parse(f.at), 'Asia/Jakarta').m0)).toEqual([0, 1, 2]);
  });

  it('fires nearMinute(30) within ±15 minutes, the same minute every day', async () => {
    const { rt, uid } = await setup('near', '2030-01-01T00:00:00Z');
    const t = triggerStore(rt.env).get(uid)!;
    const runs = nextRuns(t, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-04T00:00:00Z'));
    expect(runs.length).toBe(3);
    const mins = runs.map((d) => {
      const p = zonedParts(d.getTime(), 'Asia/Jakarta');
      return p.h * 60 + p.mi;
    });
    for (const m of mins) expect(Math.abs(m - (9 * 60 + 30))).toBeLessThanOrEqual(15);
    expect(new Set(mins).size).toBe(1);
  });

  it('fires weekly on the chosen weekday', async () => {
    const { rt, uid } = await setup('weekly', '2030-01-01T00:00:00Z');
    const runs = nextRuns(triggerStore(rt.env).get(uid)!, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-29T00:00:00Z'));
    expect(runs.map((d) => zonedParts(d.getTime(), 'Asia/Jakarta').isoDow)).toEqual([3, 3, 3, 3]);
  });

  it('fires a one-time after() trigger once, then removes it', async () => {
    const { rt } = await setup('once', '2030-01-01T00:00:00Z');
    expect((await tickS(rt)).fired.length).toBe(0);
    const r = await tickS(rt, new Date('2030-01-01T05:00:00Z'));
    expect(r.fired.length).toBe(1);
    expect(triggerStore(rt.env).list()).toEqual([]);
  });
});

describe('datadesk triggers / tick commands', () => {
  it('lists installed triggers with their schedule and next run, and refuses a tick target in the past', async () => {
    const { commands } = await import('../../../src/local/cli/commands');
    const { rt, uid } = await setup('monthly', '2030-01-01T00:00:00Z');
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      expect(await commands.triggers(rt, [], {})).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toContain(`${uid}  beat  CLOCK  owner owner@x.id  document ss1`);
    expect(out).toMatch(/monthly on day 2 at 06:xx \(Asia\/Jakarta\); next run 2030-01-01T23:\d\d:00\.000Z/);
    await expect(commands.tick(rt, [], { to: '2029-01-01T00:00:00Z' })).rejects.toThrow(/--to must be after the clock/);
    await expect(commands.tick(rt, [], { to: 'soon' })).rejects.toThrow(/not an ISO time/);
  });
});
