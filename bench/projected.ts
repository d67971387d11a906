// Helpers for benchmarks: executions' emulator and projected times side by side, summed over several executions.
import type { ExecResult } from '../src/local/runtime/types';
import type { Timed } from './types';

/** One execution's times; fails loudly if it failed, unless `allowFail`. */
export function timed(label: string, r: ExecResult): Timed {
  return timedAll(label, [r]);
}

/** Several executions one after another (a chunk loop, a run over heartbeats): their times add up. */
export function timedAll(label: string, rs: ExecResult[]): Timed {
  const byService: Record<string, number> = {};
  for (const r of rs) {
    const parts = { 'start-up': r.cost.startupMs, script: r.cost.scriptMs, ...r.cost.byService };
    for (const [k, ms] of Object.entries(parts)) byService[k] = (byService[k] ?? 0) + ms;
  }
  return {
    label,
    executions: rs.length,
    emulatorMs: rs.reduce((a, r) => a + r.durationMs, 0),
    projectedMs: rs.reduce((a, r) => a + r.projectedMs, 0),
    startupMs: rs.reduce((a, r) => a + r.cost.startupMs, 0),
    byService,
  };
}

export function must(r: ExecResult): ExecResult {
  if (!r.ok) throw new Error(`${r.fn} failed: ${r.error?.message} ${r.logs.join(' | ')}`);
  return r;
}
