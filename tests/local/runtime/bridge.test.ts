// The runtime bridge: a script runs in a worker with Apps Script's globals and none of Node's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';

const newRuntime = () => new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bridge-')) });

describe('runtime bridge', () => {
  it('runs a named function with JSON arguments and returns its value', async () => {
    const rt = newRuntime();
    const v = await rt.call('add', [2, 3], { script: 'function add(a, b) { return a + b; }' });
    expect(v).toBe(5);
  });

  it('hides Node globals from the script, as Apps Script has none of them', async () => {
    const rt = newRuntime();
    const seen = await rt.call<Record<string, string>>('probe', [], {
      script: `function probe() {
        var names = ['require','process','Buffer','setTimeout','fetch','TextEncoder','URL','atob','structuredClone','queueMicrotask'];
        var out = {};
        names.forEach(function (n) { out[n] = typeof globalThis[n]; });
        return out;
      }`,
    });
    for (const [name, type] of Object.entries(seen)) expect([name, type]).toEqual([name, 'undefined']);
  });

  it('reports a thrown error with its name and message', async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'boom', script: 'function boom() { throw new TypeError("bad thing"); }' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: 'TypeError', message: 'bad thing' });
  });

  it('refuses an entry point that returns a Promise (Apps Script handling unconfirmed)', async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'later', script: 'async function later() { return 1; }' });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toMatch(/returned a Promise/);
  });

  it('runs queued microtasks before the execution ends', async () => {
    const rt = newRuntime();
    const r = await rt.execute({
      fn: 'start',
      script: 'function start() { Promise.resolve().then(function () { Logger.log("microtask ran"); }); return "started"; }',
    });
    expect(r.value).toBe('started');
    expect(r.logs).toContain('microtask ran');
  });

  it('gives the script the emulated clock: new Date() follows an advanced clock', async () => {
    const rt = newRuntime();
    rt.env.clock.advanceTo(new Date('2031-03-02T01:00:00Z'));
    const iso = await rt.call<string>('now', [], { script: 'function now() { return new Date().toISOString(); }' });
    expect(iso.startsWith('2031-03-02T01:00')).toBe(true);
  });

  it('rejects a Date in an RPC result, as google.script.run does', async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'when', kind: 'rpc', script: 'function when() { return { at: new Date() }; }' });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toMatch(/result\.at is a Date/);
  });

  it("stops an execution that passes its time limit with Apps Script's error", async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'spin', timeLimitMs: 500, script: 'function spin() { for (;;) {} }' });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe('Exceeded maximum execution time');
  });

  // docs/platform.md §11 "Who runs what": an execution past its limit is ended; script code cannot catch that.
  it('ends a timed-out execution even when the script catches errors and tries to carry on', async () => {
    const rt = newRuntime();
    const r = await rt.execute({
      fn: 'stubborn',
      timeLimitMs: 800,
      script: `function stubborn() {
        var saved = 0;
        for (;;) {
          try { PropertiesService.getScriptProperties().setProperty('n', String(++saved)); }
          catch (e) { PropertiesService.getScriptProperties().setProperty('caught', e.message); return 'carried on'; }
        }
      }`,
    });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe('Exceeded maximum execution time');
    const after = await rt.call<Record<string, string>>('p', [], {
      script: 'function p() { return PropertiesService.getScriptProperties().getProperties(); }',
    });
    expect(after.caught).toBeUndefined();
    expect(Number(after.n)).toBeGreaterThan(0);
  });

  it('stops a simple trigger after 30 seconds (guides/triggers#restrictions)', async () => {
    const rt = newRuntime();
    const t0 = Date.now();
    const r = await rt.execute({ fn: 'onOpen', kind: 'simpleTrigger', script: 'function onOpen() { for (;;) {} }' });
    expect(r.error!.message).toBe('Exceeded maximum execution time');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(29_000);
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 70_000);
});

describe('which functions can be run', () => {
  // google.script.run and triggers reach the script's own top-level functions; names ending in _ are private
  // (guides/html/reference/run); built-ins and service globals are no script functions.
  const SCRIPT = `function visible() { return 'ok'; }
    function hidden_() { return 'secret'; }
    var DataDesk = { visible: visible };`;
  it.each(['eval', 'hidden_', 'DataDesk', 'SpreadsheetApp', 'Session', 'Object', 'parseInt', 'missing'])(
    '%s fails with "Script function not found"',
    async (fn) => {
      const rt = newRuntime();
      const r = await rt.execute({ fn, kind: 'rpc', args: ['1'], script: SCRIPT });
      expect(r.error).toEqual({ name: 'Exception', message: `Script function not found: ${fn}`, stack: expect.any(String) });
    },
  );
  it('runs a top-level function of the script', async () => {
    const rt = newRuntime();
    expect(await rt.call('visible', [], { script: SCRIPT, kind: 'rpc' })).toBe('ok');
  });
});

describe('authorization modes', () => {
  // reference/script/auth-mode: NONE "does not allow access to any services that require authorization".
  it('refuses authorized services in AuthMode.NONE with a permission error naming the scope', async () => {
    const rt = newRuntime();
    const r = await rt.execute({
      fn: 'f',
      authMode: 'NONE',
      kind: 'simpleTrigger',
      script: 'function f() { return PropertiesService.getScriptProperties(); }',
    });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe(
      'You do not have permission to call PropertiesService.getScriptProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
    );
  });
});
