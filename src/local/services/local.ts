// The services that run inside an execution's worker (no host state): Session, Logger, console, Utilities, HtmlService,
// ContentService, Charts (enums).
import { createSession } from './session';
import { createLogger, createConsole } from './logger';
import { createUtilities } from './utilities/index';
import { createHtmlService } from './html/index';
import { bindLocalValues } from './local-values';
import { strictService } from './utilities/strict';
import { createContentService } from './content/index';
import { createCharts } from './charts/index';

/** What worker-side services know of their execution. Worker code must import Node APIs from `node:` modules:
 * Node's globals are removed before the bundle runs. */
/** How a worker-local service call is metered (runtime/meter.ts): its time is not the script's own CPU time, and
 * the data it moves is charged. Calls a service makes internally (while `inService`) are not counted. */
export interface LocalMeter {
  readonly inService: boolean;
  enter(): void;
  /** The call ends: charges the data it moved (each argument and the result) to `key`. */
  leave(key: string, moved: unknown[]): void;
  /** Charges data a call moved without timing it (a result set's getRows). */
  data(key: string, moved: unknown[]): void;
}

export interface LocalEnv {
  user: string;
  timeZone: string;
  locale: string;
  /** Folder holding the bundle's HTML files (build/). */
  htmlDir: string;
  /** Counts (and charges) one call of a worker-local service, e.g. 'Utilities.computeDigest'. */
  count(key: string, n?: number): void;
  meter: LocalMeter;
  log(line: string): void;
  now(): Date;
  sleepMs(ms: number): void;
}

export function createLocalServices(env: LocalEnv): Record<string, unknown> {
  bindLocalValues(env);
  const strict = <T extends object>(o: T, cls: string) => strictService(o, cls, (k) => env.count(k), env.meter);
  return {
    Session: strict(createSession(env), 'Session'),
    Logger: strict(createLogger(env), 'Logger'),
    console: strict(createConsole(env), 'console'),
    Utilities: createUtilities(env),
    HtmlService: createHtmlService(env),
    ContentService: createContentService(env),
    Charts: createCharts(env),
  };
}
