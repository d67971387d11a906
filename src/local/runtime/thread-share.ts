// The share of the time a thread wanted the CPU that it got, from Linux's schedstat, so a busy host does not make
// the script's own JavaScript look slower (and costlier) than it is.
import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';
/** Re-read the kernel's counters at most this often (a read costs about 20–80 µs). */
const REFRESH_MS = 20;

/** On-CPU and runqueue-wait nanoseconds of the calling thread, or null where the kernel does not say. */
export type SchedReader = () => { runNs: number; waitNs: number } | null;

/** Reads /proc/thread-self/schedstat: "<ns on CPU> <ns waiting on a runqueue> <timeslices>". */
export const readSchedstat: SchedReader = () => {
  try {
    const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').trim().split(/\s+/).map(Number);
    return Number.isFinite(run) && Number.isFinite(wait) ? { runNs: run, waitNs: wait } : null;
  } catch {
    return null;
  }
};

/**
 * A function answering, since it was made, the fraction of the thread's runnable time it spent on a CPU: 1 on an
 * idle host, lower when other processes keep it waiting. A thread blocked in a service call counts in neither.
 * Where schedstat is missing (not Linux) it answers 1, as before this correction.
 */
export function threadShare(now: () => number, read: SchedReader = readSchedstat): () => number {
  const start = read();
  if (!start) return () => 1;
  let share = 1;
  let readAt = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - readAt < REFRESH_MS) return share;
    readAt = t;
    const cur = read();
    if (!cur) return share;
    const run = cur.runNs - start.runNs;
    const wanted = run + (cur.waitNs - start.waitNs);
    share = wanted > 0 ? Math.min(1, Math.max(0.05, run / wanted)) : 1;
    return share;
  };
}

/**
 * Runqueue wait (ms) of the emulator's helper threads that do a service's work (the embedded PostgreSQL's thread adds
 * what each statement waited for a core), so a service call's measured time can leave a busy host's delay out.
 */
export const helperThreadWait = { ms: 0 };

/**
 * The part of a service call's measured `elapsedMs` that was the service's own work: minus the time the host's thread
 * (`before`/`after`, its schedstat) and the helper threads (`helperMs`) waited for a core while other processes ran.
 * Never below zero; unchanged where schedstat is missing.
 */
export function withoutHostLoad(
  elapsedMs: number,
  before: { waitNs: number } | null,
  after: { waitNs: number } | null,
  helperMs: number,
): number {
  const hostMs = before && after ? (after.waitNs - before.waitNs) / 1e6 : 0;
  return Math.max(0, elapsedMs - Math.max(0, hostMs) - Math.max(0, helperMs));
}
