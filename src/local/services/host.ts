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
};

export function createHostServices(ctx: ExecContext, env: RuntimeEnv): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, make] of Object.entries(hostServiceFactories)) out[name] = make(ctx, env);
  return out;
}
