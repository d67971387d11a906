// LockService fidelity: real mutual exclusion between concurrent executions (reference/lock/lock-service).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { LOCK_TIMEOUT, lockManager } from '../../../../src/local/services/lock/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

/** Waits until some execution holds the script lock (worker start-up time varies under load). */
async function untilHeld(rt: Runtime): Promise<void> {
  for (let i = 0; i < 200 && !lockManager(rt.env).held().script; i++) await new Promise((r) => setTimeout(r, 20));
  expect(lockManager(rt.env).held().script).toBeDefined();
}

const newRuntime = () => new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-lock-')) });

const APPEND = `
function work(tag, useLock) {
  var lock = LockService.getScriptLock();
  if (useLock) lock.waitLock(10000);
  var p = PropertiesService.getScriptProperties();
  p.setProperty('log', (p.getProperty('log') || '') + tag + '>' + Date.now() + ';');
  Utilities.sleep(600);
  p.setProperty('log', (p.getProperty('log') || '') + tag + '<' + Date.now() + ';');
  var had = lock.hasLock();
  if (useLock) lock.releaseLock();
  return had;
}
function hold(ms) { LockService.getScriptLock().waitLock(1000); Utilities.sleep(ms); return 'done'; }
function holdForever() { LockService.getScriptLock().waitLock(1000); for (;;) {} }
function waitFor(ms) { LockService.getScriptLock().waitLock(ms); return 'got it'; }
function tryFor(ms) { return LockService.getScriptLock().tryLock(ms); }
function docLock() { return LockService.getDocumentLock() === null; }
function meet(tag, other) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('in_' + tag, '1');
  for (var i = 0; i < 400; i++) {
    if (p.getProperty('in_' + other)) return true;
    Utilities.sleep(25);
  }
  return false;
}
`;

async function runPair(rt: Runtime, useLock: boolean) {
  const [a, b] = await Promise.all([
    rt.execute({ fn: 'work', args: ['A', useLock], script: APPEND }),
    rt.execute({ fn: 'work', args: ['B', useLock], script: APPEND }),
  ]);
  expect(a.error).toBeUndefined();
  expect(b.error).toBeUndefined();
  const log = await rt.call<string>('read', [], {
    script: 'function read() { return PropertiesService.getScriptProperties().getProperty("log"); }',
  });
  return {
    a,
    b,
    events: log
      .split(';')
      .filter(Boolean)
      .map((e) => ({ tag: e[0], dir: e[1], at: Number(e.slice(2)) })),
  };
}

describe('LockService (reference/lock/lock-service)', () => {
  it('serialises two concurrent executions: waitLock holds the second until the first releases', async () => {
    const rt = newRuntime();
    const { a, b, events } = await runPair(rt, true);
    expect(a.value).toBe(true);
    expect(b.value).toBe(true);
    expect(events.map((e) => e.dir)).toEqual(['>', '<', '>', '<']);
    expect(events[0].tag).toBe(events[1].tag);
    expect(events[2].tag).toBe(events[3].tag);
    expect(events[0].tag).not.toBe(events[2].tag);
    // the second entered only after the first left
    expect(events[2].at).toBeGreaterThanOrEqual(events[1].at);
  });

  it('without the lock two executions really run at the same time (so the test above can fail)', async () => {
    const rt = newRuntime();
    // Each marks itself inside, then waits up to 10 s to see the other inside too: only concurrent executions can.
    const [a, b] = await Promise.all([
      rt.execute({ fn: 'meet', args: ['A', 'B'], script: APPEND }),
      rt.execute({ fn: 'meet', args: ['B', 'A'], script: APPEND }),
    ]);
    expect([a.value, b.value]).toEqual([true, true]);
  });

  it("waitLock throws Apps Script's timeout text; tryLock returns false", async () => {
    const rt = newRuntime();
    const holder = rt.execute({ fn: 'hold', args: [3000], script: APPEND });
    await untilHeld(rt);
    const waited = await rt.execute({ fn: 'waitFor', args: [200], script: APPEND });
    expect(waited.ok).toBe(false);
    expect(waited.error).toMatchObject({ name: 'Exception', message: LOCK_TIMEOUT });
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(await rt.call('tryFor', [100], { script: APPEND })).toBe(false);
    expect((await holder).value).toBe('done');
    expect(await rt.call('tryFor', [0], { script: APPEND })).toBe(true);
  });

  it('releases the locks of an execution stopped at its time limit', async () => {
    const rt = newRuntime();
    const stuck = rt.execute({ fn: 'holdForever', timeLimitMs: 1500, script: APPEND });
    await untilHeld(rt);
    const waiter = await rt.execute({ fn: 'waitFor', args: [5000], script: APPEND });
    const s = await stuck;
    expect(s.error!.message).toBe('Exceeded maximum execution time');
    expect(waiter.value).toBe('got it');
    expect(lockManager(rt.env).held()).toEqual({});
  });

  it('getDocumentLock is null outside a container document', async () => {
    const rt = newRuntime();
    expect(await rt.call('docLock', [], { script: APPEND, documentId: null })).toBe(true);
    expect(await rt.call('docLock', [], { script: APPEND, documentId: 'ss1' })).toBe(false);
  });
});
