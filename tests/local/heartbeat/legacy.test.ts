// What an older version left behind: a heartbeat installed before triggers remembered their spreadsheet (a time-driven
// run cannot know which document to open, so it does nothing, and says why, until its owner opens a DataDesk sidebar,
// which records the document), and state kept in document properties (moved to the document's state likewise).
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { runSnippet } from '../../../src/local/demo/script';
import { makeWorld, World, ADMIN } from '../reports/fixture';

jest.setTimeout(180_000);

let w: World;
beforeAll(async () => {
  w = await makeWorld('2026-11-23T03:00:00Z', 60);
});
afterAll(() => w.close());

const register = () =>
  runSnippet<string | null>(
    w.rt,
    'return PropertiesService.getScriptProperties().getProperty(args);',
    `DD@${w.documentId}:HEARTBEATS`,
  );

it('waits for its owner to open a sidebar, then serves that spreadsheet', async () => {
  // the admin's trigger as an older version installed it: no document remembered
  triggerStore(w.rt.env).remove(triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid);
  await runSnippet(w.rt, "ScriptApp.newTrigger('heartbeat').timeBased().everyHours(1).create();", null, w.documentId);
  const uid = triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid;
  const before = await register();
  const idle = await fireNow(w.rt, uid);
  expect(idle.ok).toBe(true);
  expect(idle.logs.join('\n')).toMatch(/no document recorded for this trigger yet/);
  expect(idle.counts['SpreadsheetApp.openById']).toBeUndefined();
  expect(await register()).toBe(before);
  // the admin opens the Reports sidebar (app_whoami): the trigger's document is recorded, once
  const me = await w.rt.execute({ fn: 'app_whoami', user: ADMIN, kind: 'rpc', documentId: w.documentId });
  expect(me.counts['ScriptApp.getUserTriggers']).toBe(1);
  const again = await w.rt.execute({ fn: 'app_whoami', user: ADMIN, kind: 'rpc', documentId: w.documentId });
  expect(again.counts['ScriptApp.getUserTriggers']).toBeUndefined();
  const beat = await fireNow(w.rt, uid);
  expect(beat.ok).toBe(true);
  expect(beat.counts['SpreadsheetApp.openById']).toBe(1);
  expect(JSON.parse((await register())!)[ADMIN]).toMatchObject({ uid, lastBeatAt: expect.any(Number) });
});

it('moves state an older version kept in document properties when someone opens a sidebar', async () => {
  const old = {
    request: { name: 'Lama', campaign: 'Kampanye lama', channel: 'WABA' },
    schedule: { every: 'NONE', weekday: 1, monthDay: 1, hour: 7 },
    owner: ADMIN,
    savedAt: '2026-10-01T00:00:00Z',
    nextRunAt: null,
    lastRunAt: null,
    lastOutcome: null,
  };
  await runSnippet(
    w.rt,
    "PropertiesService.getDocumentProperties().setProperty('DD_SEGMENT:lama', args);",
    JSON.stringify(old),
    w.documentId,
  );
  const list = () =>
    w.rt.call<Array<{ name: string }>>('segments_list', [], { user: ADMIN, kind: 'rpc', documentId: w.documentId });
  expect((await list()).map((x) => x.name)).not.toContain('Lama');
  // the auditor opens the Reports sidebar: the document's old state moves over, once
  await w.rt.call('app_whoami', [], { user: 'auditor@datadesk.local', kind: 'rpc', documentId: w.documentId });
  expect((await list()).map((x) => x.name)).toContain('Lama');
  const left = await runSnippet(w.rt, 'return PropertiesService.getDocumentProperties().getKeys();', null, w.documentId);
  expect(left).toEqual([]);
});
