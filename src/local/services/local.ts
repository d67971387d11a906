// The services that run inside an execution's worker (no host state): Session, Logger, console, Utilities, HtmlService,
// ContentService, Charts (enums).
import { createSession } from './session';
import { createLogger, createConsole } from './logger';
import { createUtilities } from './utilities/index';
import { createHtmlService } from './html/index';
import { bindLocalValues } from './local-values';
import { createContentService } from './content/index';
import { createCharts } from './charts/index';

/** What worker-side services know of their execution. Worker code must import Node APIs from `node:` modules:
 * Node's globals are removed before the bundle runs. */
export interface LocalEnv {
  user: string;
  timeZone: string;
  locale: string;
  /** Folder holding the bundle's HTML files (build/). */
  htmlDir: string;
  count(key: string, n?: number): void;
  log(line: string): void;
  now(): Date;
  sleepMs(ms: number): void;
}

export function createLocalServices(env: LocalEnv): Record<string, unknown> {
  bindLocalValues(env);
  return {
    Session: createSession(env),
    Logger: createLogger(env),
    console: createConsole(env),
    Utilities: createUtilities(env),
    HtmlService: createHtmlService(env),
    ContentService: createContentService(env),
    Charts: createCharts(env),
  };
}
