// The caller's identity as Apps Script reports it.

/** Email of the user running this execution ('' when Apps Script withholds it). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/** Whose authority the execution runs under: in a trigger, the user who installed it (reference/base/session
 * #getEffectiveUser); the active user can be withheld there, the effective user cannot. */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail().trim().toLowerCase();
}
