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
