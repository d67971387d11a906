// The spreadsheet UI: the add-on menu, sidebars, dialogs, alerts and toasts.

export interface MenuItem {
  caption: string;
  /** Name of a global function in Code.js. */
  fn: string;
}

/** Builds Extensions ▸ DataDesk; `null` entries become separators. */
export function buildAddonMenu(items: Array<MenuItem | null>): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const it of items) {
    if (it) menu.addItem(it.caption, it.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Opens build/<file>.html as a 300 px sidebar. */
export function showSidebar(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens build/<file>.html as a modal dialog. */
export function showDialog(file: string, title: string, width = 900, height = 640): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Asks for a line of text; null when the user cancels. */
export function prompt(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const r = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return r.getSelectedButton() === ui.Button.OK ? r.getResponseText() : null;
}
