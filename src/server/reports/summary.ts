// JSON-safe views of a run and of the inspection for the sidebar, the menu alerts and the CLI.
import type { RunState } from './state';
import type { Inspection } from './plan';
import { maskSecrets } from '../core/secrets';

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
  error: string | null;
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
    error: s.error === null ? null : maskSecrets(s.error),
  };
}

export interface DryRunSummary {
  month: string;
  total: number;
  counts: Array<{ bu: string; rows: number; amount: number; folderId: string | null; problem: string | null }>;
  problems: string[];
}

export function summarizeInspection(i: Inspection): DryRunSummary {
  return { month: i.month, total: i.total, counts: i.counts.map((c) => ({ ...c })), problems: [...i.problems] };
}

/** A run's outcome as the menu's alert text. */
export function runMessage(s: RunState): string {
  const total = s.staged.reduce((a, f) => a + f.rows, 0);
  if (s.phase === 'done') {
    return (
      `Laporan ${s.month} terbit: ${s.staged.length} file, ${total} baris.\n` +
      s.staged.map((f) => `${f.name}: ${f.rows} baris`).join('\n') +
      `\n\nReport ${s.month} published.`
    );
  }
  if (s.phase === 'failed')
    return `Laporan ${s.month} gagal; folder tidak diubah.\n${s.error}\n\nReport ${s.month} failed; folders unchanged.`;
  return `Laporan ${s.month} sedang dibuat (${s.staged.length}/${s.plan.length} file). Pemicu per jam akan melanjutkannya.\n\nReport ${s.month} is being built; the hourly trigger carries it on.`;
}

export function dryRunMessage(i: Inspection): string {
  const lines = i.counts.map((c) => `${c.bu}: ${c.rows} baris${c.problem ? ` — ${c.problem}` : ''}`);
  return (
    `Uji coba ${i.month} (tidak ada yang ditulis / nothing written)\nTotal: ${i.total} baris\n${lines.join('\n') || '(tidak ada order / no orders)'}` +
    (i.problems.length ? `\n\nMasalah / Problems: ${i.problems.length}` : '')
  );
}
