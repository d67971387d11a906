// How a sidebar shows a failure: an RpcError's message in the chosen language (both by default), anything else as text.
import { status } from './dom';
import { RpcError } from './rpc';

/** 'both' shows "Bahasa Indonesia — English"; 'id' and 'en' one language (English falls back to Indonesian). */
export type Lang = 'id' | 'en' | 'both';

/** A user-side problem found before calling the server, shown like a server error. */
export function userError(id: string, en: string): RpcError {
  return new RpcError({ code: 'INVALID', message: id, messageEn: en });
}

/** The text of a failure in `lang`. */
export function errorText(e: unknown, lang: Lang = 'both'): string {
  if (e instanceof RpcError) {
    if (lang === 'id') return e.message;
    if (lang === 'en') return e.messageEn || e.message;
    return `${e.message}${e.messageEn ? ` — ${e.messageEn}` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Shows a failure in the status line. */
export function showError(e: unknown, lang: Lang = 'both'): void {
  status(errorText(e, lang), 'error');
}
