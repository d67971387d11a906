// The one declaration of what sidebars and dialogs may call (google.script.run); clients derive their types from it.
import type { AssertRpcApi } from './core/json';
import type * as Self from './api';
import { rpc } from './core/rpc';
import { callerRoles } from './settings/adapters';
import type { AppRole } from './core/access';
import { invalid } from './core/errors';
import { isLang, Lang, msg, setLang } from './core/text';
import { setUserLanguage } from './platform/properties';
import { activeUserEmail } from './platform/session';
import { buildMenu } from './menu';

export * from './budget/rpc';
export * from './segments/rpc';
export * from './loyalty/rpc';
export * from './tagging/rpc';
export * from './reports/rpc';
export * from './settings/rpc';

/** Who the caller is and which add-on roles they hold. */
export function app_whoami(): { email: string; roles: AppRole[] } {
  return rpc('app_whoami', () => callerRoles());
}

/** The language switch of every sidebar: keeps the caller's choice and rebuilds the menu in it. */
export function app_setLanguage(lang: string): { lang: Lang } {
  return rpc('app_setLanguage', () => {
    if (!isLang(lang)) throw invalid(msg('common.lang.invalid', { lang: String(lang).slice(0, 10) }));
    setUserLanguage(activeUserEmail(), lang);
    setLang(lang);
    try {
      buildMenu();
    } catch (e) {
      console.warn(`app_setLanguage: menu not rebuilt: ${String(e)}`);
    }
    return { lang };
  });
}

/** Fails to compile when any RPC function takes or returns something google.script.run cannot carry. */
export const rpcApiIsJsonSafe: AssertRpcApi<Omit<typeof Self, 'rpcApiIsJsonSafe'>> extends Record<string, true> ? true : never =
  true;
