// Contracts shared by the offline Apps Script runtime's host, its worker and every emulated service.
import type { CostReport } from './costs';

/** How an execution was started; decides its authorization mode and event object. */
export type ExecKind = 'rpc' | 'menu' | 'simpleTrigger' | 'installableTrigger' | 'cli' | 'editor' | 'webapp';

/** Apps Script's ScriptApp.AuthMode values that the runtime distinguishes. */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What a host-side service sees of the execution that calls it. */
export interface ExecContext {
  readonly id: string;
  /** Email of the active user (Session.getActiveUser()). */
  readonly user: string;
  readonly authMode: AuthMode;
  readonly kind: ExecKind;
  /** Id of the container spreadsheet the add-on runs in, or null outside a document. */
  readonly documentId: string | null;
  /** The emulated clock's time. */
  now(): Date;
  /** Counts one service call, for example 'Range.getValues'. The bridge counts every remote call itself. */
  count(key: string, n?: number): void;
  /** Runs when the execution ends however it ends: release locks, roll back open transactions. */
  onEnd(cb: () => void | Promise<void>): void;
}

/** An error that crosses the bridge and surfaces in the script with Apps Script's name and text. */
export class GasError extends Error {
  constructor(message: string, name = 'Exception') {
    super(message);
    this.name = name;
  }
}

/** Thrown by every method an emulated class does not implement. */
export function notEmulated(cls: string, method: string): never {
  throw new GasError(`not emulated: ${cls}.${method}`, 'Error');
}

/** One service-call tally: 'Class.method' → count. */
export type CallCounts = Record<string, number>;

/** The outcome of one execution. */
export interface ExecResult {
  execId: string;
  fn: string;
  user: string;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; stack?: string };
  counts: CallCounts;
  logs: string[];
  startedAt: string;
  /** Wall time in the emulator. */
  durationMs: number;
  /** What Apps Script would take for this execution (cost model: src/local/runtime/costs.ts). */
  projectedMs: number;
  /** The projection's breakdown: start-up, script CPU, each service and method. */
  cost: CostReport;
}

/** Options for one execution. */
export interface ExecOptions {
  fn: string;
  args?: unknown[];
  user?: string;
  kind?: ExecKind;
  authMode?: AuthMode;
  documentId?: string | null;
  /** Overrides the 6-minute limit (tests use a few seconds). */
  timeLimitMs?: number;
  /** Strict mode: the limit applies to the projected Apps Script time (default: the runtime's config). */
  strict?: boolean;
  /** Runs this script source instead of build/Code.js (emulator tests exercise services with small scripts). */
  script?: string;
  /** Builds the first argument (an event object) on the host, so it may hold host objects. */
  event?: (ctx: ExecContext) => unknown;
}
