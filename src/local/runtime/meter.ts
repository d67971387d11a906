// Charges one execution's service calls against the cost model, on each side of the bridge, and keeps its clock.
import { CostModel, DataSize, callCost, measure } from './costs';
import { threadShare } from './thread-share';

/** Slots of the buffer the worker shares with the host (Float64Array): its part of the projection and when. */
export const SHARED = { part: 0, stamp: 1, inCall: 2, share: 3, size: 4 } as const;

/** Per-method charges, summed. */
export class Charges {
  readonly byMethod: Record<string, number> = {};
  total = 0;
  add(key: string, ms: number): void {
    if (!(ms > 0)) return;
    this.byMethod[key] = (this.byMethod[key] ?? 0) + ms;
    this.total += ms;
  }
  /** Charges one call of `key`: its table cost, the data it moved, and `measuredMs` for methods that wait. */
  call(model: CostModel, key: string, data: DataSize | undefined, measuredMs = 0, n = 1): number {
    const ms = callCost(model, key, data, measuredMs) + (n > 1 ? (n - 1) * callCost(model, key) : 0);
    this.add(key, ms);
    return ms;
  }
  /** Charges what a call moved and, for a method that waits (sleep), the time it took; its per-call cost was charged
   * when it was counted. */
  data(model: CostModel, key: string, values: unknown[], measuredMs = 0): void {
    const size = { bytes: 0, chars: 0, cells: 0, blobBytes: 0 };
    for (const v of values) measure(v, size);
    this.add(key, callCost(model, key, size, measuredMs) - callCost(model, key));
  }
}

/**
 * The worker's meter: charges worker-local calls (Utilities, Blob, result-set getters…), keeps the time spent inside
 * service calls apart from the script's own CPU time, and ends the execution when strict mode's limit is passed.
 */
export class WorkerMeter {
  readonly charges = new Charges();
  /** Cumulative host charges, as the host last reported them. */
  hostMs = 0;
  private t0 = 0;
  private depth = 0;
  private enteredAt = 0;
  private serviceMs = 0;
  private shared: Float64Array;
  /** The share of its runnable time this thread got a CPU (a busy host must not slow the projection). */
  private share: () => number;

  constructor(
    readonly model: CostModel,
    private now: () => number,
    private epoch: () => number,
    private startupMs: number,
    /** The projected limit in strict mode, else null. */
    private limitMs: number | null,
    sharedBuffer: SharedArrayBuffer,
    private exceeded: () => never,
  ) {
    this.shared = new Float64Array(sharedBuffer);
    this.share = threadShare(now);
  }

  /** The script starts running (after the bundle is loaded). */
  start(): void {
    this.t0 = this.now();
    this.serviceMs = 0;
    this.publish(0);
  }

  /** True while a service call runs (calls a service makes internally are not the script's). */
  get inService(): boolean {
    return this.depth > 0;
  }

  enter(): void {
    if (this.depth++ === 0) {
      this.enteredAt = this.now();
      this.publish(1);
    }
  }

  leave(): void {
    if (--this.depth === 0) {
      this.serviceMs += this.now() - this.enteredAt;
      this.publish(0);
      this.check();
    }
  }

  /** How long the service call in progress has taken so far (0 outside a call). */
  inCallMs(): number {
    return this.depth > 0 ? this.now() - this.enteredAt : 0;
  }

  /** The emulator's CPU time in the script's own JavaScript so far: its wall time outside service calls, scaled by
   * the share of CPU the thread got (time spent waiting for a core on a busy host is not the script's). */
  cpuMs(): number {
    if (!this.t0) return 0;
    const inside = this.depth > 0 ? this.now() - this.enteredAt : 0;
    return Math.max(0, this.now() - this.t0 - this.serviceMs - inside) * this.share();
  }

  projectedMs(): number {
    return this.startupMs + this.hostMs + this.charges.total + this.cpuMs() * this.model.cpuFactor.ms;
  }

  private publish(inCall: number): void {
    this.shared[SHARED.part] = this.charges.total + this.cpuMs() * this.model.cpuFactor.ms;
    this.shared[SHARED.stamp] = this.epoch();
    this.shared[SHARED.inCall] = inCall;
    this.shared[SHARED.share] = this.share();
  }

  /** Strict mode: past the limit, the execution ends (Apps Script's error; script code cannot catch it). */
  check(): void {
    if (this.limitMs !== null && this.projectedMs() > this.limitMs) this.exceeded();
  }
}
