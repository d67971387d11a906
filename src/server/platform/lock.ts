// LockService, and the document's lease: mutual exclusion per document that also holds in time-driven runs.
//
// The document lock is not there in a time-driven run (docs/platform.md §11), and a sidebar and the heartbeat must
// exclude each other, so the document's guarded work takes a lease in the document's state instead: taken under the
// script lock, which is held for milliseconds only, and given back without it.
import { deleteDocProp, docProp, setDocProp } from './properties';

export type Locked<T> = { ran: true; value: T } | { ran: false };

/** A lease outlives the longest execution (6 minutes), so one held by a killed execution frees itself. */
const LEASE_MS = 6.5 * 60_000;
const POLL_MS = 400;

interface Lease {
  until: number;
  token: string;
}

function leaseOf(raw: string | null): Lease | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Lease;
  } catch {
    return null;
  }
}

function tryTake(key: string, token: string, now: number): boolean {
  const r = withScriptLock(5_000, () => {
    const cur = leaseOf(docProp(key));
    if (cur && cur.until > now && cur.token !== token) return false;
    setDocProp(key, JSON.stringify({ until: now + LEASE_MS, token } satisfies Lease));
    return true;
  });
  return r.ran && r.value;
}

/** Deleted unread and without the script lock: nobody may take a lease before it lapses, and the execution that took
 * it ends first (6 minutes against 6.5), so the lease deleted is always the one this execution took (saves a lock
 * round trip, about 105 ms, and a property read, 30 ms, on every guarded step). */
function giveBack(key: string): void {
  deleteDocProp(key);
}

/**
 * Runs `fn` holding the document's lease `name` (default: the one lease all of a document's guarded work shares),
 * then flushes pending sheet writes before giving it back (so the next holder reads them); `{ ran: false }` without
 * running `fn` when another execution holds it for longer than `waitMs`. `flush: false` for work that writes no
 * sheet (a flush costs about 600 ms even with nothing to write: runtime/costs.ts), or flushes itself when it does.
 */
export function withDocumentLock<T>(waitMs: number, fn: () => T, name = 'main', flush = true): Locked<T> {
  const key = `LEASE:${name}`;
  const token = Utilities.getUuid();
  const start = Date.now();
  while (!tryTake(key, token, Date.now())) {
    if (Date.now() - start + POLL_MS > waitMs) return { ran: false };
    Utilities.sleep(POLL_MS);
  }
  try {
    return { ran: true, value: fn() };
  } finally {
    if (flush) SpreadsheetApp.flush();
    giveBack(key);
  }
}

/** Runs `fn` holding the script's lock (one holder across every document and user), for script-wide state. */
export function withScriptLock<T>(waitMs: number, fn: () => T): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}
