// The one declaration of what sidebars and dialogs may call (google.script.run); clients derive their types from it.
import type { AssertRpcApi } from './core/json';
import type * as Self from './api';
import { rpc } from './core/rpc';
import { callerRoles } from './settings/adapters';
import type { AppRole } from './core/access';
import { adoptHeartbeat } from './platform/triggers';

export * from './budget/rpc';
export * from './segments/rpc';
export * from './tagging/rpc';
export * from './reports/rpc';
export * from './settings/rpc';

/** Who the caller is and which add-on roles they hold. */
export function app_whoami(): { email: string; roles: AppRole[] } {
  return rpc('app_whoami', () => {
    adoptHeartbeat();
    return callerRoles();
  });
}

/** Fails to compile when any RPC function takes or returns something google.script.run cannot carry. */
export const rpcApiIsJsonSafe: AssertRpcApi<Omit<typeof Self, 'rpcApiIsJsonSafe'>> extends Record<string, true> ? true : never =
  true;
