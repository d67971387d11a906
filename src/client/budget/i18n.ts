// Bahasa Indonesia first, English on request: the sidebar re-renders in the chosen language.
import type { RpcError } from '../core/rpc';
import { status } from '../core/dom';

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

export function showError(e: unknown): void {
  const err = e as RpcError;
  const text = lang === 'id' ? err.message : err.messageEn || err.message;
  status(text, 'error');
}

export function ok(id: string, en: string): void {
  status(t(id, en), 'ok');
}
