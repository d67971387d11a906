// The add-on's single hourly trigger (editor add-ons may have one time-driven trigger per user and document).

const HEARTBEAT_FN = 'heartbeat';

/** Installs the hourly heartbeat for this user and document if it is not there yet; true when it was created. */
export function ensureHeartbeat(): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ScriptApp.getUserTriggers(ss).some((t) => t.getHandlerFunction() === HEARTBEAT_FN);
  if (existing) return false;
  ScriptApp.newTrigger(HEARTBEAT_FN).timeBased().everyHours(1).create();
  return true;
}

/** Installs a form-submit trigger of this spreadsheet for the user (once); true when it was created. */
export function ensureFormSubmitTrigger(handler: string): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ScriptApp.getUserTriggers(ss).some(
    (t) => t.getHandlerFunction() === handler && String(t.getEventType()) === 'ON_FORM_SUBMIT',
  );
  if (existing) return false;
  ScriptApp.newTrigger(handler).forSpreadsheet(ss).onFormSubmit().create();
  return true;
}

/** Whether the user has a trigger calling `handler` in this spreadsheet. */
export function hasUserTrigger(handler: string): boolean {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).some((t) => t.getHandlerFunction() === handler);
}
