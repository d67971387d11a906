// LockService: the document lock (script lock outside a document) around work that must never run twice at once.

/** Runs `fn` holding the lock; returns null without running it when the lock is not free within `waitMs`. */
export function withDocumentLock<T>(waitMs: number, fn: () => T): { ran: true; value: T } | { ran: false } {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: fn() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
