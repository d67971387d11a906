// The workbench's record of recent executions: emulator time beside the projected Apps Script time, per service.
import type { Runtime } from '../runtime/runtime';
import type { RuntimeEvent } from '../runtime/env';

export interface ExecutionInfo {
  execId: string;
  fn: string;
  kind: string;
  user: string;
  ok: boolean;
  error: string | null;
  /** When it ended (the emulated clock). */
  at: string;
  durationMs: number;
  projectedMs: number;
  /** Projected ms per part: 'start-up', 'script' and each service. */
  byService: Record<string, number>;
  calls: number;
}

const KEEP = 50;

/** Keeps the last executions the runtime reports, newest first. */
export function recordExecutions(rt: Runtime): () => ExecutionInfo[] {
  const list: ExecutionInfo[] = [];
  rt.env.on('event', (e: RuntimeEvent) => {
    if (e.type !== 'exec' || e.phase !== 'end' || e.projectedMs === undefined) return;
    list.push({
      execId: e.execId,
      fn: e.fn,
      kind: e.kind ?? '',
      user: e.user,
      ok: !!e.ok,
      error: e.error ?? null,
      at: rt.env.clock.now().toISOString(),
      durationMs: e.durationMs ?? 0,
      projectedMs: e.projectedMs,
      byService: e.byService ?? {},
      calls: e.calls ?? 0,
    });
    if (list.length > KEEP) list.shift();
  });
  return () => [...list].reverse();
}
