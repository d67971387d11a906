// The spreadsheet UI: the add-on menu, sidebars, dialogs, alerts and toasts, in the user's language.
import { currentLang, t, TextKey } from '../core/text';

export interface MenuItem {
  /** Its caption's text key (texts name the item by this key: {>menu.…}). */
  caption: TextKey & `menu.${string}`;
  /** Name of a global function in Code.js. */
  fn: string;
}

/** Builds Extensions ▸ DataDesk; `null` entries become separators. */
export function buildAddonMenu(items: Array<MenuItem | null>): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const it of items) {
    if (it) menu.addItem(t(it.caption), it.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/**
 * build/<file>.html in the user's language: the build writes `<html lang="id">`, which the page's script reads; for
 * English the served copy says `lang="en"`, so the page renders in English from its first paint without a call.
 */
function page(file: string): GoogleAppsScript.HTML.HtmlOutput {
  const html = HtmlService.createHtmlOutputFromFile(file);
  const lang = currentLang();
  if (lang === 'id') return html;
  return HtmlService.createHtmlOutput(html.getContent().replace('<html lang="id">', `<html lang="${lang}">`));
}

/** Opens build/<file>.html as a 300 px sidebar. */
export function showSidebar(file: string, title: TextKey & `title.${string}`): void {
  SpreadsheetApp.getUi().showSidebar(page(file).setTitle(t(title)));
}

/** Opens build/<file>.html as a modal dialog. */
export function showDialog(file: string, title: TextKey & `title.${string}`, width = 900, height = 640): void {
  SpreadsheetApp.getUi().showModalDialog(page(file).setWidth(width).setHeight(height), t(title));
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
