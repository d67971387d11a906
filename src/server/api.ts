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
import { isPageName, showPage } from './platform/ui';
import { adoptHeartbeat } from './platform/triggers';

export * from './budget/rpc';
export * from './segments/rpc';
export * from './loyalty/rpc';
export * from './tagging/rpc';
export * from './reports/rpc';
export * from './marketplace/rpc';
export * from './mentoring/rpc';
export * from './settings/rpc';

/** Who the caller is, which add-on roles they hold, and the admins who give roles. */
export function app_whoami(): { email: string; roles: AppRole[]; admins: string[] } {
  return rpc('app_whoami', () => {
    adoptHeartbeat();
    return callerRoles();
  });
}

/**
 * The language switch of every sidebar and dialog: keeps the caller's choice, rebuilds the menu in it and, given the
 * page that switched, opens that page again in the new language (its title bar is Google's, set when it opens).
 */
export function app_setLanguage(lang: string, reopen: string | null): { lang: Lang } {
  return rpc('app_setLanguage', () => {
    if (!isLang(lang)) throw invalid(msg('common.lang.invalid', { lang: String(lang).slice(0, 10) }));
    if (reopen !== null && !isPageName(reopen)) throw invalid(msg('common.page.unknown', { page: String(reopen).slice(0, 30) }));
    setUserLanguage(activeUserEmail(), lang);
    setLang(lang);
    try {
      buildMenu();
    } catch (e) {
      console.warn(`app_setLanguage: menu not rebuilt: ${String(e)}`);
    }
    if (reopen !== null) showPage(reopen);
    return { lang };
  });
}

/** Fails to compile when any RPC function takes or returns something google.script.run cannot carry. */
export const rpcApiIsJsonSafe: AssertRpcApi<Omit<typeof Self, 'rpcApiIsJsonSafe'>> extends Record<string, true> ? true : never =
  true;
