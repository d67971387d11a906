// The caller's identity as Apps Script reports it.

/** Email of the user running this execution ('' when Apps Script withholds it). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
