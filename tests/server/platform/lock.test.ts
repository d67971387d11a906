// The document's lease (platform/lock.ts) against small fakes of PropertiesService, LockService, Utilities and
// SpreadsheetApp: who may take it, how long a taker waits, a lapsed lease, and what giving it back costs.
import { withDocumentLock } from '../../../src/server/platform/lock';

const DOC = 'doc-1';
const KEY = `DD@${DOC}:LEASE:main`;

/** The services the lease touches, with the script properties in a Map and a clock that only sleeps move. */
function fakeServices() {
  const props = new Map<string, string>();
  const calls: string[] = [];
  let now = 1_000_000;
  let uuid = 0;
  const store = {
    getProperty: (k: string) => (calls.push('getProperty'), props.get(k) ?? null),
    setProperty: (k: string, v: string) => (calls.push('setProperty'), props.set(k, v), store),
    deleteProperty: (k: string) => (calls.push('deleteProperty'), props.delete(k), store),
  };
  const lock = { tryLock: () => (calls.push('tryLock'), true), releaseLock: () => calls.push('releaseLock') };
  const g = globalThis as Record<string, unknown>;
  g.PropertiesService = { getScriptProperties: () => store };
  g.LockService = { getScriptLock: () => lock };
  g.Utilities = { getUuid: () => `token-${++uuid}`, sleep: (ms: number) => (now += ms) };
  g.SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getId: () => DOC }),
    flush: () => calls.push('flush'),
  };
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  return { props, calls, now: () => now };
}

afterEach(() => jest.restoreAllMocks());

describe('the document lease', () => {
  it('runs the work holding it, flushes, then deletes it without reading it again', () => {
    const s = fakeServices();
    let seen: string | undefined;
    const r = withDocumentLock(1000, () => {
      seen = s.props.get(KEY);
      return 42;
    });
    expect(r).toEqual({ ran: true, value: 42 });
    expect(JSON.parse(seen!)).toMatchObject({ token: 'token-1', until: 1_000_000 + 6.5 * 60_000 });
    expect(s.props.has(KEY)).toBe(false);
    // Taken under the script lock (one read, one write); given back with one delete, no read and no lock.
    expect(s.calls).toEqual(['tryLock', 'getProperty', 'setProperty', 'releaseLock', 'flush', 'deleteProperty']);
  });

  it('makes another execution wait while it is held, and answers { ran: false } when the wait runs out', () => {
    const s = fakeServices();
    s.props.set(KEY, JSON.stringify({ until: s.now() + 60_000, token: 'someone-else' }));
    let ran = false;
    const r = withDocumentLock(2000, () => (ran = true));
    expect(r).toEqual({ ran: false });
    expect(ran).toBe(false);
    // It polled within its wait and left the holder's lease as it was.
    expect(s.now() - 1_000_000).toBeLessThanOrEqual(2000);
    expect(s.calls.filter((c) => c === 'getProperty').length).toBeGreaterThan(1);
    expect(JSON.parse(s.props.get(KEY)!).token).toBe('someone-else');
  });

  it('takes a lease whose holder was ended before giving it back, once it has lapsed', () => {
    const s = fakeServices();
    s.props.set(KEY, JSON.stringify({ until: s.now() - 1, token: 'killed' }));
    expect(withDocumentLock(0, () => 'mine')).toEqual({ ran: true, value: 'mine' });
    expect(s.props.has(KEY)).toBe(false);
  });

  it('gives the lease back when the work throws, and skips the flush when asked to', () => {
    const s = fakeServices();
    expect(() =>
      withDocumentLock(
        1000,
        () => {
          throw new Error('boom');
        },
        'main',
        false,
      ),
    ).toThrow('boom');
    expect(s.props.has(KEY)).toBe(false);
    expect(s.calls).not.toContain('flush');
  });
});
