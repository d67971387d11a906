// ScriptApp fidelity: installable triggers under the editor add-on rules
// (workspace/add-ons/concepts/editor-triggers#restrictions; reference/script/script-app; reference/script/clock-trigger-builder).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { triggerStore } from '../../../../src/local/services/script/store';
import { TOO_MANY_TIME_TRIGGERS, RECURRENCE_TOO_SHORT, TOO_MANY_TRIGGERS } from '../../../../src/local/services/script/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const S = `
function hourly() { return ScriptApp.newTrigger('heartbeat').timeBased().everyHours(1).create().getUniqueId(); }
function daily() { return ScriptApp.newTrigger('heartbeat').timeBased().everyDays(1).atHour(2).create().getUniqueId(); }
function minutes(n) { ScriptApp.newTrigger('heartbeat').timeBased().everyMinutes(n).create(); }
function onEdit2() { return ScriptApp.newTrigger('edited').forSpreadsheet(arguments[0]).onEdit().create().getEventType(); }
function list(ss) {
  return ScriptApp.getUserTriggers(ss).map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId(),
      t.getEventType() === ScriptApp.EventType.CLOCK];
  });
}
function project() { return ScriptApp.getProjectTriggers().length; }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function token() { return [ScriptApp.getOAuthToken(), ScriptApp.AuthMode.FULL, ScriptApp.WeekDay.MONDAY]; }
`;

const newRuntime = () => new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-script-')) });
const as = (user: string, documentId: string | null) => ({ script: S, user, documentId });

describe('ScriptApp triggers under the editor add-on rules', () => {
  it("refuses a second time-driven trigger for the same user and document with Apps Script's text", async () => {
    const rt = newRuntime();
    const uid = await rt.call<string>('hourly', [], as('a@x.id', 'ss1'));
    expect(uid).toMatch(/^\d{19}$/);
    for (const fn of ['hourly', 'daily']) {
      const r = await rt.execute({ fn, ...as('a@x.id', 'ss1') });
      expect(r.error).toMatchObject({ name: 'Exception', message: TOO_MANY_TIME_TRIGGERS });
    }
    // another document, or another user, may have its own
    await rt.call('hourly', [], as('a@x.id', 'ss2'));
    await rt.call('hourly', [], as('b@x.id', 'ss1'));
    expect(
      triggerStore(rt.env)
        .list()
        .map((t) => [t.owner, t.documentId, t.handler]),
    ).toEqual([
      ['a@x.id', 'ss1', 'heartbeat'],
      ['a@x.id', 'ss2', 'heartbeat'],
      ['b@x.id', 'ss1', 'heartbeat'],
    ]);
  });

  it('refuses everyMinutes: add-on time-driven triggers may recur at most once an hour', async () => {
    const rt = newRuntime();
    for (const n of [1, 30]) {
      const r = await rt.execute({ fn: 'minutes', args: [n], ...as('a@x.id', 'ss1') });
      expect(r.error!.message).toBe(RECURRENCE_TOO_SHORT);
    }
    expect(triggerStore(rt.env).list()).toEqual([]);
  });

  it('allows one trigger of each spreadsheet event type per user and document, and lists them with getUserTriggers', async () => {
    const rt = newRuntime();
    await rt.call('hourly', [], as('a@x.id', 'ss1'));
    expect(await rt.call('onEdit2', ['ss1'], as('a@x.id', 'ss1'))).toBe('ON_EDIT');
    const again = await rt.execute({ fn: 'onEdit2', args: ['ss1'], ...as('a@x.id', 'ss1') });
    expect(again.error!.message).toMatch(/too many edit triggers in this document/);
    expect(await rt.call('list', ['ss1'], as('a@x.id', 'ss1'))).toEqual([
      ['heartbeat', 'CLOCK', 'CLOCK', null, true],
      ['edited', 'ON_EDIT', 'SPREADSHEETS', 'ss1', false],
    ]);
    expect(await rt.call('list', ['ss1'], as('b@x.id', 'ss1'))).toEqual([]);
    const other = await rt.execute({ fn: 'onEdit2', args: ['ss9'], ...as('a@x.id', 'ss1') });
    expect(other.ok).toBe(false);
  });

  it("persists triggers across a new Runtime; deleteTrigger removes only the caller's own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-script-'));
    const rt = new Runtime({ stateDir: dir });
    await rt.call('hourly', [], as('a@x.id', 'ss1'));
    await rt.call('hourly', [], as('b@x.id', 'ss1'));
    await rt.close();
    const rt2 = new Runtime({ stateDir: dir });
    expect(await rt2.call('project', [], as('a@x.id', 'ss1'))).toBe(1);
    expect(await rt2.call('removeAll', [], as('a@x.id', 'ss1'))).toBe(0);
    expect(
      triggerStore(rt2.env)
        .list()
        .map((t) => t.owner),
    ).toEqual(['b@x.id']);
  });

  it('caps triggers at 20 per user per script (guides/services/quotas)', async () => {
    const rt = newRuntime();
    for (let i = 0; i < 20; i++) await rt.call('hourly', [], as('a@x.id', `doc${i}`));
    const r = await rt.execute({ fn: 'hourly', ...as('a@x.id', 'doc20') });
    expect(r.error!.message).toBe(TOO_MANY_TRIGGERS);
  });

  it('denies trigger management to simple triggers (AuthMode.LIMITED) and gives enums and a token', async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'hourly', ...as('a@x.id', 'ss1'), kind: 'simpleTrigger' });
    expect(r.error!.message).toMatch(/^You do not have permission to call ScriptApp.newTrigger/);
    const [tok, full, monday] = await rt.call<string[]>('token', [], as('a@x.id', 'ss1'));
    expect(tok).toMatch(/^ya29\./);
    expect([full, monday]).toEqual(['FULL', 'MONDAY']);
  });
});
