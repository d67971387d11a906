// The host of the offline Apps Script runtime: runs each execution in a worker and serves its service calls.
import { Worker, MessageChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { RuntimeEnv, RuntimeConfig, defaultConfig } from './env';
import { HandleTable, encodeForWorker, decodeFromWorker, gasClassName } from './wire';
import { ExecContext, ExecOptions, ExecResult, AuthMode, CallCounts, GasError } from './types';
import { createHostServices } from '../services/host';
import { CostModel, costOf, measure, report, startupCost } from './costs';
import { helperThreadWait, readSchedstat, withoutHostLoad } from './thread-share';
import { loadModel } from './calibration';
import { Charges, SHARED } from './meter';
import { DAILY_QUOTAS, quotaLedger } from './quotas';
import { checkSignature } from './signatures';

const DEFAULT_USER = 'admin@datadesk.local';

/** The scope each service needs, for the permission error of AuthMode.NONE (reference/script/auth-mode). */
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Jdbc: 'https://www.googleapis.com/auth/script.external_request',
  PropertiesService: 'https://www.googleapis.com/auth/script.storage',
  CacheService: 'https://www.googleapis.com/auth/script.storage',
  LockService: 'https://www.googleapis.com/auth/script.storage',
  CalendarApp: 'https://www.googleapis.com/auth/calendar',
  Calendar: 'https://www.googleapis.com/auth/calendar',
};

/** Simple triggers (onOpen, onEdit) stop after 30 seconds (guides/triggers#restrictions). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

/** In strict mode the wall clock still ends a runaway execution, at this many times the limit (the emulator may be
 * slower than Google at something it charges less for). */
const STRICT_WALL_FACTOR = 4;

/** Auth mode Apps Script gives each way of starting an execution (editor add-on rules). */
function defaultAuthMode(kind: ExecOptions['kind']): AuthMode {
  return kind === 'simpleTrigger' ? 'LIMITED' : 'FULL';
}

export class Runtime {
  readonly env: RuntimeEnv;
  private running = new Map<string, ExecContext>();
  /** Called when an execution ends (idle() waits on it). */
  private ended: Array<() => void> = [];
  constructor(config: Partial<RuntimeConfig> = {}) {
    const cfg = defaultConfig(config);
    // Apps Script's V8 reads local time in the script's time zone.
    process.env.TZ = cfg.timeZone;
    this.env = new RuntimeEnv(cfg);
  }

  get bundlePath(): string {
    return join(this.env.config.buildDir, 'Code.js');
  }

  /** The cost model executions are charged with: the table, with this state folder's calibration applied. */
  costModel(): CostModel {
    return loadModel(this.env.config.stateDir);
  }

  /** Resolves once no execution is running (or after `maxMs`): the clock may not jump past an execution still under
   * way, which in Google would have ended (or been stopped at its 6 minutes) long before hours passed. */
  async idle(maxMs = this.env.config.timeLimitMs): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.running.size && Date.now() < until) {
      await new Promise<void>((wake) => {
        const t = setTimeout(wake, Math.max(0, until - Date.now()));
        this.ended.push(() => {
          clearTimeout(t);
          wake();
        });
      });
    }
  }

  /** Runs one execution: a fresh global scope with the bundle loaded, then `fn(...args)`. */
  async execute(opts: ExecOptions): Promise<ExecResult> {
    if (opts.script === undefined && !existsSync(this.bundlePath))
      throw new Error(`runtime: ${this.bundlePath} is missing; run npm run build`);
    const execId = randomUUID();
    const user = opts.user ?? DEFAULT_USER;
    const kind = opts.kind ?? 'cli';
    const authMode = opts.authMode ?? defaultAuthMode(kind);
    const startedAt = this.env.clock.now();
    const t0 = Date.now();
    const limit =
      opts.timeLimitMs ??
      (kind === 'simpleTrigger' ? Math.min(SIMPLE_TRIGGER_LIMIT_MS, this.env.config.timeLimitMs) : this.env.config.timeLimitMs);
    const strict = opts.strict ?? this.env.config.strict;
    const model = this.costModel();
    const codeBytes = opts.script !== undefined ? Buffer.byteLength(opts.script) : statSync(this.bundlePath).size;
    const startupMs = startupCost(model, codeBytes);
    const host = new Charges();
    const counts: CallCounts = {};
    const endHooks: Array<() => void | Promise<void>> = [];
    const ctx: ExecContext = {
      id: execId,
      user,
      authMode,
      kind,
      documentId: opts.documentId === undefined ? this.defaultDocumentId() : opts.documentId,
      now: () => this.env.clock.now(),
      count: (key, n = 1) => {
        counts[key] = (counts[key] ?? 0) + n;
      },
      onEnd: (cb) => endHooks.push(cb),
    };
    // Installable triggers share the owner's daily trigger runtime (runtime/quotas.ts); a spent quota fails the run.
    const triggerRun = kind === 'installableTrigger';
    if (triggerRun && quotaLedger(this.env).remaining('triggerRuntimeMs', user, startedAt) <= 0) {
      const error = { name: 'Exception', message: DAILY_QUOTAS.triggerRuntimeMs.error };
      const cost = report(model, { startupMs: 0, cpuMs: 0, byMethod: {}, strict });
      const result: ExecResult = {
        execId,
        fn: opts.fn,
        user,
        ok: false,
        error,
        counts,
        logs: [],
        startedAt: startedAt.toISOString(),
        durationMs: 0,
        projectedMs: 0,
        cost,
      };
      this.env.emitEvent({ type: 'exec', phase: 'start', execId, fn: opts.fn, user });
      this.emitEnd(result, kind);
      return result;
    }
    this.running.set(execId, ctx);
    this.env.emitEvent({ type: 'exec', phase: 'start', execId, fn: opts.fn, user });

    const table = new HandleTable();
    const services = createHostServices(ctx, this.env);
    const roots: Record<string, unknown> = {};
    const rootNames = new Map<number, string>();
    for (const [name, svc] of Object.entries(services)) {
      roots[name] = encodeForWorker(svc, table);
      rootNames.set(table.register(svc), name);
    }
    const event = opts.event ? opts.event(ctx) : undefined;
    const args = encodeForWorker(opts.event ? [event, ...(opts.args ?? [])] : (opts.args ?? []), table);

    const signal = new SharedArrayBuffer(4);
    const flag = new Int32Array(signal);
    const meterBuffer = new SharedArrayBuffer(SHARED.size * 8);
    const shared = new Float64Array(meterBuffer);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(join(this.env.config.buildDir, 'local', 'worker.js'), {
      workerData: {
        bundlePath: this.bundlePath,
        script: opts.script ?? null,
        htmlDir: this.env.config.buildDir,
        execId,
        fn: opts.fn,
        args,
        user,
        kind,
        authMode,
        timeZone: this.env.config.timeZone,
        locale: this.env.config.locale,
        clockOffsetMs: this.env.clock.offsetMs,
        deadline: Date.now() + (strict ? limit * STRICT_WALL_FACTOR : limit),
        projectedLimitMs: strict ? limit : null,
        model,
        startupMs,
        meterBuffer,
        roots,
        port: port2,
        signal,
        rpcResult: kind === 'rpc',
      },
      transferList: [port2],
      execArgv: [],
      env: { TZ: this.env.config.timeZone },
      stdout: false,
      stderr: false,
    });

    port1.on('message', async (msg: { id: number; h: number; m: string; a: unknown[]; i?: number }) => {
      let reply: { id: number; v?: unknown; err?: { name: string; message: string }; pc?: number };
      let key = '';
      const started = performance.now();
      // A measured service call's time is charged without what a busy host made it wait for a core (thread-share.ts).
      let sched: ReturnType<typeof readSchedstat> = null;
      const helperAt = helperThreadWait.ms;
      try {
        const target = table.get(msg.h) as Record<string, unknown>;
        const cls = gasClassName(target);
        const method = target[msg.m];
        key = `${cls}.${msg.m}`;
        // Internal traffic (a worker-local result set fetching its next page) is the emulator's, not the script's.
        if (!msg.i) ctx.count(key);
        if (typeof method !== 'function') throw new GasError(`not emulated: ${cls}.${msg.m}`, 'Error');
        const root = rootNames.get(msg.h);
        if (root && authMode === 'NONE' && !(root === 'SpreadsheetApp' && msg.m === 'getUi')) {
          throw new GasError(
            `You do not have permission to call ${root}.${msg.m}. Required permissions: ${SCOPES[root] ?? 'authorization'}`,
          );
        }
        const args = decodeFromWorker(msg.a, table) as unknown[];
        checkSignature(target, msg.m, args);
        if (!msg.i && costOf(model, key).measured) sched = readSchedstat();
        const v = await (method as (...a: unknown[]) => unknown).apply(target, args);
        reply = { id: msg.id, v: encodeForWorker(v, table) };
      } catch (e) {
        const err = e as Error;
        if (!(err instanceof GasError) && process.env.DATADESK_DEBUG) console.error(err);
        reply = { id: msg.id, err: { name: err?.name ?? 'Error', message: err?.message ?? String(e) } };
      }
      if (!msg.i && key) {
        const size = { bytes: 0, chars: 0, cells: 0, blobBytes: 0 };
        for (const a of msg.a) measure(a, size);
        if (reply.v !== undefined) measure(reply.v, size);
        const elapsed = performance.now() - started;
        host.call(
          model,
          key,
          size,
          sched ? withoutHostLoad(elapsed, sched, readSchedstat(), helperThreadWait.ms - helperAt) : elapsed,
        );
      }
      reply.pc = host.total;
      port1.postMessage(reply);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });

    type WorkerMeterReport = { byMethod: Record<string, number>; cpuMs: number; loadMs: number };
    type Outcome = {
      value?: unknown;
      error?: ExecResult['error'];
      counts?: CallCounts;
      logs?: string[];
      meter?: WorkerMeterReport;
    };
    const timeUp = { name: 'Exception', message: 'Exceeded maximum execution time' };
    let lastMeter: WorkerMeterReport | undefined;
    const outcome = await new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (r: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        resolve(r);
      };
      const timer = setTimeout(
        () => {
          void worker.terminate();
          finish({ error: timeUp });
        },
        strict ? limit * STRICT_WALL_FACTOR : limit,
      );
      // Strict mode: script JavaScript that makes no service call is still charged; end it once its projection passes.
      const watchdog = setInterval(() => {
        if (!strict || shared[SHARED.inCall] === 1 || !shared[SHARED.stamp]) return;
        const cpu = Math.max(0, Date.now() - shared[SHARED.stamp]) * (shared[SHARED.share] || 1) * model.cpuFactor.ms;
        if (startupMs + host.total + shared[SHARED.part] + cpu > limit) {
          lastMeter = { byMethod: {}, cpuMs: (shared[SHARED.part] + cpu) / model.cpuFactor.ms, loadMs: 0 };
          void worker.terminate();
          finish({ error: timeUp });
        }
      }, 100);
      worker.on('message', (m: Outcome & { type: string }) => {
        if (m.type === 'done') finish(m);
      });
      worker.on('error', (e: Error) => finish({ error: { name: e.name, message: e.message, stack: e.stack } }));
      worker.on('exit', (code) => finish({ error: { name: 'Error', message: `runtime: worker exited with code ${code}` } }));
    });
    port1.close();
    void worker.terminate();
    for (const hook of endHooks.reverse()) {
      try {
        await hook();
      } catch (e) {
        if (process.env.DATADESK_DEBUG) console.error(e);
      }
    }
    table.clear();
    this.running.delete(execId);
    for (const wake of this.ended.splice(0)) wake();
    for (const [k, n] of Object.entries(outcome.counts ?? {})) counts[k] = (counts[k] ?? 0) + n;
    const wm = outcome.meter ?? lastMeter;
    const byMethod = { ...host.byMethod };
    for (const [k, ms] of Object.entries(wm?.byMethod ?? {})) byMethod[k] = (byMethod[k] ?? 0) + ms;
    const cost = report(model, { startupMs, cpuMs: wm?.cpuMs ?? 0, byMethod, strict });
    if (triggerRun) quotaLedger(this.env).add('triggerRuntimeMs', user, startedAt, cost.projectedMs);
    const result: ExecResult = {
      execId,
      fn: opts.fn,
      user,
      ok: !outcome.error,
      value: outcome.error ? undefined : decodeFromWorker(outcome.value, table),
      error: outcome.error,
      counts,
      logs: outcome.logs ?? [],
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - t0,
      projectedMs: cost.projectedMs,
      cost,
    };
    this.emitEnd(result, kind);
    await this.env.flush();
    return result;
  }

  /** The end of an execution, for the workbench: its times and the projection's parts. */
  private emitEnd(r: ExecResult, kind: string): void {
    const c = r.cost;
    this.env.emitEvent({
      type: 'exec',
      phase: 'end',
      execId: r.execId,
      fn: r.fn,
      user: r.user,
      ok: r.ok,
      kind,
      durationMs: r.durationMs,
      projectedMs: r.projectedMs,
      byService: { 'start-up': c.startupMs, script: c.scriptMs, ...c.byService },
      calls: Object.values(r.counts).reduce((a, n) => a + n, 0),
      error: r.error?.message,
    });
  }

  /** Runs `fn` and returns its value, or throws its error (a convenience for tests and the CLI). */
  async call<T = unknown>(fn: string, args: unknown[] = [], opts: Partial<ExecOptions> = {}): Promise<T> {
    const r = await this.execute({ ...opts, fn, args });
    if (!r.ok) {
      const e = new Error(r.error!.message);
      e.name = r.error!.name;
      throw e;
    }
    return r.value as T;
  }

  /** The spreadsheet executions run in when none is named: the one the workbench or CLI has open. */
  defaultDocumentId(): string | null {
    return this.env.readJson<{ activeDocumentId?: string | null }>('session.json', {}).activeDocumentId ?? null;
  }

  setDefaultDocumentId(id: string | null): void {
    this.env.writeJson('session.json', { activeDocumentId: id });
  }

  async close(): Promise<void> {
    await this.env.close();
  }
}
