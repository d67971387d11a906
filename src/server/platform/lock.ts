// LockService: the document lock (script lock outside a document), or the script lock, around work that must never
// run twice at once.

export type Locked<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `fn` holding the document's lock, then flushes pending sheet writes before releasing it (so the next holder
 * reads them); `{ ran: false }` without running `fn` when the lock is not free within `waitMs`.
 */
export function withDocumentLock<T>(waitMs: number, fn: () => T): Locked<T> {
  return withLock(LockService.getDocumentLock() ?? LockService.getScriptLock(), waitMs, fn, true);
}

/** Like withDocumentLock with the script's lock (one holder across every document and user), for script-wide state. */
export function withScriptLock<T>(waitMs: number, fn: () => T): Locked<T> {
  return withLock(LockService.getScriptLock(), waitMs, fn, false);
}

function withLock<T>(lock: GoogleAppsScript.Lock.Lock, waitMs: number, fn: () => T, flushSheets: boolean): Locked<T> {
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: fn() };
  } finally {
    if (flushSheets) SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
