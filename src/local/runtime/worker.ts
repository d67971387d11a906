// The worker side of one execution: installs Apps Script's globals, runs the bundle's function, reports back.
import { parentPort, workerData, receiveMessageOnPort, MessagePort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { WorkerCodec, HandleRef } from './wire';
import { createLocalServices, LocalMeter } from '../services/local';
import { localValueFactories } from '../services/local-values';
import { meterMethods } from '../services/utilities/strict';
import { Blob } from '../services/blob';
import type { CallCounts } from './types';
import type { CostModel } from './costs';
import { WorkerMeter } from './meter';
import { NODE_ONLY_GLOBALS, rpcIllegal } from './globals';

/** Apps Script's text when an execution runs out of time (guides/services/quotas: "Exceeded maximum execution time"). */
export const TIME_LIMIT_ERROR = 'Exceeded maximum execution time';

/** The Blob methods a script calls (each a call into Google's Blob; getBytes/setBytes move the bytes). */
const BLOB_METHODS = [
  'copyBlob',
  'getAs',
  'getBlob',
  'getBytes',
  'getContentType',
  'getDataAsString',
  'getName',
  'isGoogleType',
  'setBytes',
  'setContentType',
  'setContentTypeFromExtension',
  'setDataFromString',
  'setName',
];

export interface WorkerInput {
  bundlePath: string;
  /** Source to run instead of the bundle (tests). */
  script: string | null;
  htmlDir: string;
  execId: string;
  fn: string;
  args: unknown[];
  user: string;
  kind: string;
  authMode: string;
  timeZone: string;
  locale: string;
  clockOffsetMs: number;
  /** Wall-clock deadline (epoch ms): the limit outside strict mode, a safety net inside it. */
  deadline: number;
  /** Strict mode's limit on the projected time (ms), or null. */
  projectedLimitMs: number | null;
  /** The cost model (calibrated constants applied) and this execution's projected start-up. */
  model: CostModel;
  startupMs: number;
  /** Shared with the host: this side's part of the projection (runtime/meter.ts SHARED). */
  meterBuffer: SharedArrayBuffer;
  roots: Record<string, HandleRef>;
  port: MessagePort;
  signal: SharedArrayBuffer;
  /** Checks the result as google.script.run would carry it. */
  rpcResult: boolean;
}

function main(): void {
  const input = workerData as WorkerInput;
  const port = input.port;
  const flag = new Int32Array(input.signal);
  const counts: CallCounts = {};
  const logs: string[] = [];
  const drain = setImmediate;
  const RealDate = Date;
  const A = Atomics;
  const SAB = SharedArrayBuffer;
  let seq = 0;
  const post = (m: unknown) => parentPort!.postMessage(m);
  let loadMs = 0;

  /** Ends the execution the way Apps Script does when time runs out: script code cannot catch it and carry on. */
  const timeUp = (): never => {
    post({
      type: 'done',
      error: { name: 'Exception', message: TIME_LIMIT_ERROR },
      counts,
      logs,
      meter: { byMethod: meter.charges.byMethod, cpuMs: meter.cpuMs(), loadMs },
    });
    const never = new Int32Array(new SAB(4));
    for (;;) A.wait(never, 0, 0);
  };
  const meter = new WorkerMeter(
    input.model,
    () => performance.now(),
    () => RealDate.now(),
    input.startupMs,
    input.projectedLimitMs,
    input.meterBuffer,
    timeUp,
  );

  const count = (key: string, n = 1) => {
    counts[key] = (counts[key] ?? 0) + n;
    meter.charges.call(meter.model, key, undefined, 0, n);
    meter.check();
  };

  const callHost = (h: number, m: string, args: unknown[], internal = false): unknown => {
    if (RealDate.now() > input.deadline) timeUp();
    const id = ++seq;
    A.store(flag, 0, 0);
    meter.enter();
    port.postMessage({ id, h, m, a: codec.encode(args), i: internal ? 1 : 0 });
    for (;;) {
      A.wait(flag, 0, 0, 1000);
      const msg = receiveMessageOnPort(port);
      if (msg) {
        const r = msg.message as { id: number; v?: unknown; err?: { name: string; message: string }; pc: number };
        meter.hostMs = r.pc;
        if (r.err) {
          meter.leave();
          const e = new Error(r.err.message);
          e.name = r.err.name;
          throw e;
        }
        // Turning the answer into script values is the bridge's work, which the host charged by size (a byte array
        // per MB, cells per cell): decoded inside the call, so it is not charged again as the script's own CPU.
        try {
          return codec.decode(r.v);
        } finally {
          meter.leave();
        }
      }
    }
  };

  const makeProxy = (ref: HandleRef): object => {
    const target = Object.create(null) as Record<string | symbol, unknown>;
    return new Proxy(target, {
      get(_t, prop) {
        if (typeof prop === 'symbol') return undefined;
        if (ref.p && prop in ref.p) return ref.p[prop];
        if (prop === 'toString' || prop === 'toJSON') return () => ref.c;
        if (prop === 'then') return undefined;
        return (...args: unknown[]) => callHost(ref.__h, prop, args);
      },
      has(_t, prop) {
        return typeof prop === 'string';
      },
      getPrototypeOf() {
        return Object.prototype;
      },
    });
  };
  const codec = new WorkerCodec(makeProxy, localValueFactories, callHost);

  // The emulated clock: `new Date()` and Date.now() follow the runtime's clock, as a script would see it.
  const offset = input.clockOffsetMs;
  // In strict mode the script's clock runs on the projected time, as it would in Google: code that checks how long it
  // has been running (to checkpoint before the limit) sees Apps Script's time, not the emulator's.
  let clockBase = 0;
  const clockNow = (): number =>
    input.projectedLimitMs !== null && clockBase ? clockBase + meter.projectedMs() - input.startupMs : RealDate.now() + offset;
  class EmuDate extends RealDate {
    constructor(...a: unknown[]) {
      if (a.length === 0) super(clockNow());
      else super(...(a as [number]));
    }
    static override now(): number {
      return clockNow();
    }
    static override [Symbol.hasInstance](x: unknown): boolean {
      return x instanceof RealDate;
    }
  }

  /** Worker-local calls (Utilities, Blob, Logger, result-set getters…) go through the same meter as host calls. */
  const localMeter: LocalMeter = {
    get inService() {
      return meter.inService;
    },
    enter: () => meter.enter(),
    leave: (key, moved) => {
      meter.charges.data(meter.model, key, moved, meter.inCallMs());
      meter.leave();
    },
    data: (key, moved) => {
      meter.charges.data(meter.model, key, moved);
      meter.check();
    },
  };
  const local = createLocalServices({
    user: input.user,
    timeZone: input.timeZone,
    locale: input.locale,
    htmlDir: input.htmlDir,
    count,
    meter: localMeter,
    log: (line) => logs.push(line),
    now: () => new RealDate(clockNow()),
    sleepMs: (ms) => {
      const a = new Int32Array(new SAB(4));
      A.wait(a, 0, 0, ms);
    },
  });
  meterMethods(Blob.prototype, 'Blob', BLOB_METHODS, count, localMeter);
  const roots: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(input.roots)) roots[name] = codec.decode(ref);

  const bundle = input.script ?? readFileSync(input.bundlePath, 'utf8');
  const g = globalThis as Record<string, unknown>;
  for (const k of NODE_ONLY_GLOBALS) {
    try {
      delete g[k];
    } catch {
      /* not configurable */
    }
    if (k in g) Object.defineProperty(g, k, { value: undefined, configurable: true, writable: true });
  }
  g.Date = EmuDate;
  for (const [k, v] of Object.entries({ ...roots, ...local })) g[k] = v;
  // Code a script evaluates at run time (a library kept in a project file, loaded on demand) is loaded and compiled
  // like the project's own code: it is charged as start-up is, per KB (costs.ts STARTUP.perKB), instead of as the
  // script's CPU time, once per eval.
  const realEval = g.eval as (code: unknown) => unknown;
  g.eval = function evalAsLoaded(code: unknown): unknown {
    if (typeof code !== 'string') return code;
    counts.eval = (counts.eval ?? 0) + 1;
    meter.charges.add('eval', (code.length / 1024) * input.model.startup.perKB.ms);
    meter.enter();
    try {
      return realEval(code);
    } finally {
      meter.leave();
    }
  };
  const before = new Set(Object.getOwnPropertyNames(g));

  let value: unknown;
  let error: { name: string; message: string; stack?: string } | undefined;
  try {
    const l0 = performance.now();
    runInThisContext(bundle, { filename: 'Code.js' });
    loadMs = performance.now() - l0;
    meter.start();
    clockBase = RealDate.now() + offset;
    const fn = exposed(g, before, input.fn);
    if (!fn) throw Object.assign(new Error(`Script function not found: ${input.fn}`), { name: 'Exception' });
    value = (fn as (...a: unknown[]) => unknown)(...(codec.decode(input.args) as unknown[]));
    if (value && typeof (value as { then?: unknown }).then === 'function') {
      value = undefined;
      throw new Error(
        `runtime: ${input.fn} returned a Promise. Apps Script's handling of that is unconfirmed; entry points must be synchronous (see docs/platform.md §9).`,
      );
    }
    if (input.rpcResult) {
      const bad = rpcIllegal(value);
      if (bad) throw Object.assign(new Error(`google.script.run cannot return this value: ${bad}`), { name: 'Exception' });
    }
  } catch (e) {
    const err = e as Error;
    error = { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack };
  }
  // Apps Script runs queued microtasks before the execution ends; so do we (no timers exist to wait for).
  drain(() => {
    let encoded: unknown;
    try {
      encoded = codec.encode(value);
    } catch (e) {
      error = { name: 'Exception', message: (e as Error).message };
    }
    post({
      type: 'done',
      value: error ? undefined : encoded,
      error,
      counts,
      logs,
      meter: { byMethod: meter.charges.byMethod, cpuMs: meter.cpuMs(), loadMs },
    });
  });
}

/**
 * The function Apps Script would run under that name: one the script itself defined at its top level (not a
 * built-in such as eval, not a service global) whose name does not end in '_' (private functions: guides/html/
 * reference/run, "functions whose names end with an underscore"); null otherwise.
 */
function exposed(g: Record<string, unknown>, before: Set<string>, name: string): ((...a: unknown[]) => unknown) | null {
  if (name.endsWith('_') || before.has(name) || !Object.hasOwn(g, name)) return null;
  const fn = g[name];
  return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown) : null;
}

main();
