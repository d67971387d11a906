// The spreadsheet UI: the add-on menu, sidebars, dialogs, alerts and toasts, in the user's language.
import { currentLang, t, TextKey } from '../core/text';
import type { Audience } from '../core/access';

export interface MenuItem {
  /** Its caption's text key (texts name the item by this key: {>menu.…}). */
  caption: TextKey & `menu.${string}`;
  /** Name of a global function in Code.js. */
  fn: string;
  /** Who sees it when the user's roles can be read (admins see every item); the handler checks the role anyway. */
  for: readonly Audience[];
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

/** Every page DataDesk opens: a sidebar, or a dialog with its size; its title in the user's language. */
const PAGES = {
  budget: { title: 'title.budget' },
  'budget-dashboard': { title: 'title.budgetDashboard', dialog: [960, 680] },
  segments: { title: 'title.segments' },
  tagging: { title: 'title.tagging' },
  marketplace: { title: 'title.market' },
  reports: { title: 'title.reports' },
  mentoring: { title: 'title.mentoring' },
  settings: { title: 'title.settings' },
} as const satisfies Record<string, { title: TextKey & `title.${string}`; dialog?: readonly [number, number] }>;

export type PageName = keyof typeof PAGES;

export function isPageName(v: unknown): v is PageName {
  return typeof v === 'string' && Object.keys(PAGES).indexOf(v) >= 0;
}

/**
 * Opens build/<name>.html as its sidebar (300 px) or modal dialog, in the user's language. Opening it again from one of
 * its own calls replaces it (how a language switch gives the page a title bar in the new language too).
 */
export function showPage(name: PageName): void {
  const p: { title: TextKey; dialog?: readonly [number, number] } = PAGES[name];
  if (p.dialog) SpreadsheetApp.getUi().showModalDialog(page(name).setWidth(p.dialog[0]).setHeight(p.dialog[1]), t(p.title));
  else SpreadsheetApp.getUi().showSidebar(page(name).setTitle(t(p.title)));
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
