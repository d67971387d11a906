// ContentService: the web app's text answers (doPost), as JSON.

/** A JSON answer (Google serves it through a redirect to a one-off URL: guides/content#redirects). */
export function jsonAnswer(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);
}
