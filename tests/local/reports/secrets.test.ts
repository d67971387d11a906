// Secrets never leave DataDesk as text: a report alert webhook whose URL carries a key and a token, called through a
// network error that quotes the URL (as Apps Script's "Address unavailable: <url>" does), must not reach the run
// status an auditor reads, the run log, the stored checkpoint, any log line or any RPC answer.
import { createServer } from 'node:net';
import { ok, rpcAs, type RpcOutcome } from '../../support/rpc';
import { runSnippet } from '../../../src/local/demo/script';
import { makeWorld, World, ADMIN, AUDITOR } from './fixture';
import { tick } from '../../../src/local/runtime/scheduler';

jest.setTimeout(180_000);

const KEY = 'AIzaSyD-0123456789abcdefghijklmnopqrstu';
const TOKEN = 'tok3n-S3CRET-98765-zyxw';

/** A loopback port nobody listens on: a request there fails at once ("Address unavailable"). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const leaks = (text: string) => [KEY, TOKEN, 'S3CRET', KEY.slice(4, 20)].filter((s) => text.includes(s));

describe('secrets in error texts (reports alert webhook)', () => {
  let w: World;
  let port: number;
  const outcomes: Array<RpcOutcome<unknown>> = [];
  beforeAll(async () => {
    w = await makeWorld('2026-11-23T03:00:00Z', 60);
    port = await closedPort();
  });
  afterAll(() => w.close());

  it('a failing webhook call is reported as failed, with the URL masked, to the auditor and everywhere else', async () => {
    const url = `http://127.0.0.1:${port}/v1/spaces/AAAA/messages?key=${KEY}&token=${TOKEN}`;
    const view = ok(await rpcAs(w.rt, { user: ADMIN }, 'reports_getSettings'));
    const saved = await rpcAs(w.rt, { user: ADMIN }, 'reports_saveSettings', view.settings, url);
    outcomes.push(saved);
    expect(saved.ok).toBe(true);
    expect(leaks(JSON.stringify(saved.value))).toEqual([]);

    const run = await rpcAs(w.rt, { user: ADMIN }, 'reports_runMonth', '2026-10');
    outcomes.push(run);
    expect(run.ok).toBe(true);
    expect(run.value.phase).toBe('done');
    // The alert did fail, and the run says so (the test would prove nothing if the error were simply absent).
    expect(run.value.error?.en).toMatch(
      /alert was not sent: HTTP 0: Address unavailable: http:\/\/127\.0\.0\.1:\d+\/v1\/spaces\/AAAA/,
    );
    expect(run.value.error?.id).toMatch(
      /peringatan tidak terkirim: HTTP 0: Address unavailable: http:\/\/127\.0\.0\.1:\d+\/v1\/spaces\/AAAA/,
    );
    expect(run.value.error?.en).toContain('key=•••');
    expect(run.value.error?.id).toContain('key=•••');

    const status = await rpcAs(w.rt, { user: AUDITOR }, 'reports_status');
    outcomes.push(status);
    expect(status.ok).toBe(true);
    expect(status.value?.run?.error?.en).toMatch(/alert was not sent: HTTP 0/);
    expect(leaks(JSON.stringify(status.value))).toEqual([]);

    const log = await rpcAs(w.rt, { user: AUDITOR }, 'reports_runLog');
    outcomes.push(log);
    expect(log.ok).toBe(true);
    expect(log.value.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(log.value))).toEqual([]);

    // The stored checkpoint (what the next execution and the menu read) and the run-log sheet hold no secret either.
    const stored = await runSnippet<string>(
      w.rt,
      'return PropertiesService.getScriptProperties().getProperty("DATADESK_REPORTS_RUN");',
    );
    expect(stored).toContain('alert was not sent: HTTP 0');
    expect(leaks(stored)).toEqual([]);
    // the run log sheet is named in the runner's language (Bahasa Indonesia by default)
    const sheet = await runSnippet<unknown[][]>(
      w.rt,
      'return SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Log Laporan").getDataRange().getValues();',
    );
    expect(leaks(JSON.stringify(sheet))).toEqual([]);
    for (const o of outcomes) expect(leaks(o.logs.join('\n'))).toEqual([]);
  });

  it('the unattended run (the heartbeat on the 2nd) keeps the URL out of its logs and status as well', async () => {
    // November's report runs from the trigger; its alert fails the same way.
    // (the admin's own hourly trigger fires: a heartbeat not from one of its caller's triggers does nothing)
    w.rt.env.clock.advanceTo(new Date('2026-12-01T21:10:00+07:00'));
    const t = await tick(w.rt, new Date('2026-12-02T02:30:00+07:00'));
    expect(t.fired.length).toBeGreaterThan(0);
    for (const f of t.fired) {
      expect(leaks(f.result.logs.join('\n'))).toEqual([]);
      expect(leaks(JSON.stringify(f.result.error ?? null))).toEqual([]);
    }
    const status = ok(await rpcAs(w.rt, { user: AUDITOR }, 'reports_status'));
    expect(status.run).toMatchObject({
      month: '2026-11',
      phase: 'done',
      error: expect.objectContaining({ en: expect.stringMatching(/alert was not sent: HTTP 0/) }),
    });
    expect(leaks(JSON.stringify(status))).toEqual([]);
  });
});
