// The shape every benchmark returns: its figures, the executions behind them (emulator and projected Apps Script
// time) and the service calls behind those.

/** One execution (or a sum of several) as the emulator ran it and as Apps Script would take it. */
export interface Timed {
  label: string;
  executions: number;
  emulatorMs: number;
  projectedMs: number;
  /** Projected start-up (part of projectedMs). */
  startupMs: number;
  /** Projected ms by part: 'start-up', 'script' and each service. */
  byService: Record<string, number>;
}

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  /** Service calls behind the figures ('Range.getValues' → n), from the runtime's execution counts. */
  counts: Record<string, number>;
  /** The executions behind the figures, emulator and projected. */
  times?: Timed[];
  /** Whether the target is met — judged on the projected Apps Script time — with the target in words. */
  target?: { text: string; met: boolean };
}
