// Bahasa Indonesia first, English on request: the sidebar re-renders in the chosen language.
import { status } from '../core/dom';
import { showError as showErrorIn } from '../core/errors';

export type Lang = 'id' | 'en';
let lang: Lang = (localStorage.getItem('dd.budget.lang') as Lang) || 'id';

export function getLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  try {
    localStorage.setItem('dd.budget.lang', l);
  } catch {
    /* storage may be blocked in the add-on iframe */
  }
}

/** The text in the current language. */
export const t = (id: string, en: string): string => (lang === 'id' ? id : en);

/** Shows a failure in the chosen language. */
export function showError(e: unknown): void {
  showErrorIn(e, lang);
}

export function ok(id: string, en: string): void {
  status(t(id, en), 'ok');
}
