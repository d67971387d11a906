// Mutual exclusion per document that also holds in time-driven runs: a lease in the document's state, taken and
// given back under the script lock (held for milliseconds). The document lock is not there in a time-driven run
// (platform-facts.md), and a sidebar and a heartbeat must exclude each other, so both use this.
import { docStateGet, docStateSet, docStateDelete } from './doc-state';

/** A lease outlives the longest execution (6 minutes), so one held by a killed execution frees itself. */
const LEASE_MS = 6.5 * 60_000;
const POLL_MS = 400;

interface Lease {
  until: number;
  token: string;
}

/** Runs `fn` under the script lock (briefly); null when it is not free within `waitMs`. */
function underScriptLock<T>(waitMs: number, fn: () => T): { ok: true; value: T } | { ok: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

function tryTake(key: string, token: string, now: number): boolean {
  const r = underScriptLock(5_000, () => {
    const raw = docStateGet(key);
    const cur = raw ? (JSON.parse(raw) as Lease) : null;
    if (cur && cur.until > now && cur.token !== token) return false;
    docStateSet(key, JSON.stringify({ until: now + LEASE_MS, token } satisfies Lease));
    return true;
  });
  return r.ok && r.value;
}

function giveBack(key: string, token: string): void {
  underScriptLock(10_000, () => {
    const raw = docStateGet(key);
    if (raw && (JSON.parse(raw) as Lease).token === token) docStateDelete(key);
  });
}

/**
 * Runs `fn` holding the document's lease `name` (default: the one lease all of a document's guarded work shares);
 * returns { ran: false } without running it when another execution holds it for longer than `waitMs`.
 */
export function withDocumentLock<T>(waitMs: number, fn: () => T, name = 'main'): { ran: true; value: T } | { ran: false } {
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
    SpreadsheetApp.flush();
    giveBack(key, token);
  }
}
