// The services whose state lives in the host: each execution gets its own facade over the shared stores.
import type { ExecContext } from '../runtime/types';
import type { RuntimeEnv } from '../runtime/env';
import { createSpreadsheetApp } from './spreadsheet/index';
import { createDriveApp } from './drive/index';
import { createPropertiesService } from './properties/index';
import { createCacheService } from './cache/index';
import { createLockService } from './lock/index';
import { createJdbc } from './jdbc/index';
import { createUrlFetchApp } from './urlfetch/index';
import { createMailApp } from './mail/index';
import { createScriptApp } from './script/index';
import { createCalendarApp, CalendarAdvanced } from './calendar/index';
import { enabledAdvancedServices } from './scopes';

export type HostServiceFactory = (ctx: ExecContext, env: RuntimeEnv) => object;

/** Global name → factory of the facade one execution sees. */
export const hostServiceFactories: Record<string, HostServiceFactory> = {
  SpreadsheetApp: createSpreadsheetApp,
  DriveApp: createDriveApp,
  PropertiesService: createPropertiesService,
  CacheService: createCacheService,
  LockService: createLockService,
  Jdbc: createJdbc,
  UrlFetchApp: createUrlFetchApp,
  MailApp: createMailApp,
  ScriptApp: createScriptApp,
  CalendarApp: createCalendarApp,
};

/** Advanced services by service id: the global exists only under the user symbol appsscript.json gives it
 * (guides/services/advanced: "enabledAdvancedServices"); a script without it sees `Calendar is not defined`. */
export const advancedServiceFactories: Record<string, HostServiceFactory> = {
  calendar: (ctx, env) => new CalendarAdvanced(ctx, env),
};

export function createHostServices(ctx: ExecContext, env: RuntimeEnv): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, make] of Object.entries(hostServiceFactories)) out[name] = make(ctx, env);
  for (const s of enabledAdvancedServices(env)) {
    const make = advancedServiceFactories[s.serviceId];
    if (make) out[s.userSymbol] = make(ctx, env);
  }
  return out;
}
