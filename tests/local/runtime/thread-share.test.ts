// The script's CPU share: time a thread waits for a core on a busy host is taken out of its projected JavaScript time.
import { readSchedstat, threadShare, withoutHostLoad } from '../../../src/local/runtime/thread-share';

function fakeKernel() {
  const k = { runNs: 1e9, waitNs: 5e8, t: 0 };
  return { k, read: () => ({ runNs: k.runNs, waitNs: k.waitNs }), now: () => k.t };
}

test('a thread that got the CPU whenever it wanted it keeps its whole time', () => {
  const { k, read, now } = fakeKernel();
  const share = threadShare(now, read);
  k.runNs += 40e6;
  k.t = 100;
  expect(share()).toBe(1);
});

test('a thread kept waiting three quarters of the time is charged a quarter, counted from its own start', () => {
  const { k, read, now } = fakeKernel();
  const share = threadShare(now, read);
  k.runNs += 10e6;
  k.waitNs += 30e6;
  k.t = 100;
  expect(share()).toBeCloseTo(0.25);
});

test('the counters are re-read at most every 20 ms, and never push the share below 5 %', () => {
  const { k, read, now } = fakeKernel();
  const share = threadShare(now, read);
  k.runNs += 1e6;
  k.waitNs += 99e6;
  k.t = 50;
  expect(share()).toBe(0.05);
  k.runNs += 1e9;
  k.t = 60;
  expect(share()).toBe(0.05);
  k.t = 71;
  expect(share()).toBeGreaterThan(0.9);
});

test('without schedstat (not Linux) the share is 1', () => {
  expect(
    threadShare(
      () => 0,
      () => null,
    )(),
  ).toBe(1);
});

test('this Linux host answers for the calling thread', () => {
  const s = readSchedstat();
  if (process.platform !== 'linux') return expect(s).toBeNull();
  expect(s?.runNs).toBeGreaterThan(0);
  expect(s?.waitNs).toBeGreaterThanOrEqual(0);
});

describe("a measured service call's time without the host's load", () => {
  it('takes out what the host thread and the database thread waited for a core', () => {
    expect(withoutHostLoad(120, { waitNs: 5e6 }, { waitNs: 25e6 }, 60)).toBe(40);
  });
  it('keeps the whole time on an idle host, and never goes below zero', () => {
    expect(withoutHostLoad(80, { waitNs: 7e6 }, { waitNs: 7e6 }, 0)).toBe(80);
    expect(withoutHostLoad(30, { waitNs: 0 }, { waitNs: 50e6 }, 10)).toBe(0);
  });
  it('without schedstat only the helper threads count', () => {
    expect(withoutHostLoad(100, null, null, 25)).toBe(75);
  });
});
