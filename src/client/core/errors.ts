// How a sidebar shows a failure: an RpcError's message in the page's language, anything else as text.
import { currentLang, msg } from '../../server/core/text';
import { status } from './dom';
import { RpcError } from './rpc';

/** A user-side problem found before calling the server, shown like a server error. */
export function userError(m: ReturnType<typeof msg>): RpcError {
  return new RpcError({ code: 'INVALID', message: m.id, messageEn: m.en });
}

/** The text of a failure in the page's language. */
export function errorText(e: unknown): string {
  if (e instanceof RpcError) return currentLang() === 'en' ? e.messageEn || e.message : e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Shows a failure in the status line. */
export function showError(e: unknown): void {
  status(errorText(e), 'error');
}
