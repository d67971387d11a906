// JSON-safe views of a run and of the inspection for the sidebar, the menu alerts and the CLI.
import { t, Msg } from '../core/text';
import { pendingBus, RunState } from './state';
import type { Inspection } from './plan';
import { maskDeep } from '../core/secrets';

export interface RunSummary {
  runId: string;
  month: string;
  phase: string;
  trigger: string;
  files: Array<{
    bu: string;
    name: string;
    rows: number;
    bytes: number;
    sha256: string;
    attempts: number;
    queryMs: number;
    buildMs: number;
    uploadMs: number;
  }>;
  planned: Array<{ bu: string; rows: number }>;
  executions: number;
  startedAt: number;
  endedAt: number | null;
  error: Msg | null;
}

export function summarize(s: RunState): RunSummary {
  return {
    runId: s.runId,
    month: s.month,
    phase: s.phase,
    trigger: s.trigger,
    files: s.staged.map((f) => ({
      bu: f.bu,
      name: f.name,
      rows: f.rows,
      bytes: f.bytes,
      sha256: f.sha256,
      attempts: f.attempts,
      queryMs: f.queryMs ?? 0,
      buildMs: f.buildMs ?? 0,
      uploadMs: f.uploadMs ?? 0,
    })),
    planned: s.plan.map((p) => ({ bu: p.bu, rows: p.rows })),
    executions: s.executions,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    // A run stored before secrets were masked may still quote the webhook URL.
    error: s.error === null ? null : maskDeep(s.error),
  };
}

export interface DryRunSummary {
  month: string;
  total: number;
  counts: Array<{ bu: string; rows: number; amount: number; folderId: string | null; problem: Msg | null }>;
  problems: Msg[];
}

export function summarizeInspection(i: Inspection): DryRunSummary {
  return { month: i.month, total: i.total, counts: i.counts.map((c) => ({ ...c })), problems: [...i.problems] };
}

/** A run's outcome as the menu's alert text. */
export function runMessage(s: RunState): string {
  const total = s.staged.reduce((a, f) => a + f.rows, 0);
  if (s.phase === 'done') {
    return [
      t('reports.run.published', { month: s.month, files: s.staged.length, total }),
      ...s.staged.map((f) => t('reports.run.fileLine', { name: f.name, rows: f.rows })),
    ].join('\n');
  }
  if (s.phase === 'failed') return t('reports.run.failed', { month: s.month, error: s.error ?? '–' });
  return t('reports.run.building', { month: s.month, done: s.plan.length - pendingBus(s).length, planned: s.plan.length });
}

export function dryRunMessage(i: Inspection): string {
  const lines = i.counts.map((c) =>
    c.problem
      ? t('reports.dry.lineProblem', { bu: c.bu, rows: c.rows, problem: c.problem })
      : t('reports.dry.line', { bu: c.bu, rows: c.rows }),
  );
  return [
    t('reports.dry.head', { month: i.month, total: i.total }),
    ...(lines.length ? lines : [t('reports.dry.noOrders')]),
    ...(i.problems.length ? ['', t('reports.dry.problems', { count: i.problems.length })] : []),
  ].join('\n');
}
