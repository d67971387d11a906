// Host-side state of the offline runtime: where it lives on disk, the emulated clock, and per-service stores.
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A store a service keeps across executions; saved to the state folder on flush. */
export interface Store {
  save?(): void | Promise<void>;
  close?(): void | Promise<void>;
}

export interface RuntimeConfig {
  /** Folder of local state (default `.datadesk/`, or DATADESK_HOME). */
  stateDir: string;
  /** Folder of the built add-on (default `build/`). */
  buildDir: string;
  /** The script's time zone, from appsscript.json. */
  timeZone: string;
  locale: string;
  /** The execution time limit in ms (Apps Script: 6 minutes). */
  timeLimitMs: number;
  /** Strict mode: the limit applies to each execution's projected Apps Script time, not the emulator's wall time
   * (on in the benchmarks and the tests of long work; DATADESK_STRICT=1). */
  strict: boolean;
  /** Extra settings services read (URLs of stand-ins, a PostgreSQL URL, ...). */
  settings: Record<string, string>;
  /** The project manifest; default: `<buildDir>/appsscript.json` (tests pass one to enable scopes and services). */
  manifest?: Manifest;
}

/** What the runtime reads from appsscript.json (guides/manifests): scopes, advanced services, the web app. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
  webapp?: { executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING'; access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS' };
}

export function defaultConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const root = process.cwd();
  return {
    stateDir: resolve(overrides.stateDir ?? process.env.DATADESK_HOME ?? join(root, '.datadesk')),
    buildDir: resolve(overrides.buildDir ?? join(root, 'build')),
    timeZone: overrides.timeZone ?? 'Asia/Jakarta',
    locale: overrides.locale ?? 'id',
    timeLimitMs: overrides.timeLimitMs ?? Number(process.env.DATADESK_TIME_LIMIT_MS ?? 6 * 60 * 1000),
    strict: overrides.strict ?? process.env.DATADESK_STRICT === '1',
    settings: overrides.settings ?? {},
    manifest: overrides.manifest,
  };
}

/** The emulated clock: real time plus an offset that tests and the workbench move forward. */
export class Clock {
  constructor(public offsetMs = 0) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves the clock to `to` (never backwards). */
  advanceTo(to: Date): void {
    const delta = to.getTime() - this.now().getTime();
    if (delta > 0) this.offsetMs += delta;
  }
  advanceBy(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }
}

/**
 * A new state's clock offset: 0 (real time), or — when DATADESK_CLOCK_START names an instant — the offset that puts
 * the clock there, running forward from it. Tests and benchmarks set it (scripts/jest-setup-clock.js, bench/run.ts) so
 * their fixed dates ("the 2nd of December 2026") mean the same on any day they run: the clock never moves backwards,
 * so without it a date that real time has passed would silently not be reached.
 */
function startOffset(): number {
  const start = process.env.DATADESK_CLOCK_START;
  if (!start) return 0;
  const at = Date.parse(start);
  if (!Number.isFinite(at)) throw new Error(`DATADESK_CLOCK_START: not an instant: ${start}`);
  return at - Date.now();
}

/** Events the host emits for the workbench and the CLI (UI calls, sheet changes, mail). */
export type RuntimeEvent =
  | { type: 'ui'; execId: string; user: string; documentId: string | null; action: string; payload: unknown }
  | { type: 'change'; scope: string; id: string }
  | {
      type: 'exec';
      phase: 'start' | 'end';
      execId: string;
      fn: string;
      user: string;
      ok?: boolean;
      /** At the end: the kind, wall time, projected Apps Script time and its breakdown by service (ms). */
      kind?: string;
      durationMs?: number;
      projectedMs?: number;
      byService?: Record<string, number>;
      calls?: number;
      error?: string;
    };

/** A blocking question the add-on asks through the UI (Ui.alert, Ui.prompt). */
export interface UiRequest {
  execId: string;
  user: string;
  documentId: string | null;
  action: 'alert' | 'prompt';
  title: string;
  message: string;
  /** The ButtonSet's name: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  buttons: string;
}

/** Answers a UiRequest: the button pressed ('OK', 'CANCEL', 'YES', 'NO', 'CLOSE') and, for prompts, the text. */
export type UiResponder = (req: UiRequest) => Promise<{ button: string; text?: string }>;

export class RuntimeEnv extends EventEmitter {
  readonly clock: Clock;
  /** Who answers alerts and prompts: the workbench page, a test, or (null) the default button at once. */
  uiResponder: UiResponder | null = null;
  private stores = new Map<string, object & Store>();
  constructor(readonly config: RuntimeConfig) {
    super();
    mkdirSync(config.stateDir, { recursive: true });
    const meta = this.readJson<{ clockOffsetMs?: number }>('runtime.json', {});
    this.clock = new Clock(meta.clockOffsetMs ?? startOffset());
  }

  /** The store of a service, created on first use. */
  store<T extends object>(key: string, make: () => T): T {
    let s = this.stores.get(key);
    if (!s) {
      s = make() as object & Store;
      this.stores.set(key, s);
    }
    return s as T;
  }

  emitEvent(e: RuntimeEvent): void {
    this.emit('event', e);
  }

  /** The manifest of the running project (the configured one, else build/appsscript.json, else empty). */
  manifest(): Manifest {
    if (this.config.manifest) return this.config.manifest;
    const p = join(this.config.buildDir, 'appsscript.json');
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Manifest) : {};
  }

  path(...parts: string[]): string {
    return join(this.config.stateDir, ...parts);
  }

  readJson<T>(name: string, fallback: T): T {
    const p = this.path(name);
    if (!existsSync(p)) return fallback;
    return JSON.parse(readFileSync(p, 'utf8')) as T;
  }

  /** Writes through a temporary file so a crash never leaves half a file. */
  writeJson(name: string, value: unknown): void {
    const p = this.path(name);
    writeFileSync(p + '.tmp', JSON.stringify(value));
    renameSync(p + '.tmp', p);
  }

  async flush(): Promise<void> {
    this.writeJson('runtime.json', { clockOffsetMs: this.clock.offsetMs });
    for (const s of this.stores.values()) await s.save?.();
  }

  async close(): Promise<void> {
    await this.flush();
    for (const s of this.stores.values()) await s.close?.();
    this.stores.clear();
  }
}
