// How the CLI prints an execution: its result, the service calls behind it and its projected Apps Script time.
import type { ExecResult } from '../runtime/types';
import { breakdownLine, fmtMs } from '../runtime/costs';

export function formatCounts(counts: Record<string, number>): string {
  const keys = Object.keys(counts).sort();
  if (!keys.length) return '  (no service calls)';
  const w = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => `  ${k.padEnd(w)}  ${counts[k]}`).join('\n');
}

/** The projected Apps Script time with its breakdown, the dearest methods first. */
export function formatCost(r: ExecResult): string {
  const c = r.cost;
  const top = Object.entries(c.byMethod)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, ms]) => `  ${k.padEnd(40)} ${fmtMs(ms)}${r.counts[k] ? `  (${r.counts[k]} calls)` : ''}`)
    .join('\n');
  const model = c.calibrated.length ? `calibrated: ${c.calibrated.length} measured constants` : 'model: sources and guesses';
  return (
    `projected Apps Script time: ${fmtMs(c.projectedMs)}${c.strict ? ' (strict)' : ''}  [${breakdownLine(c)}]; ${model}` +
    `\n  emulator CPU in script code ${fmtMs(c.cpuMs)} × CPU factor; start-up for the bundle size\n${top}`
  );
}

export function printResult(r: ExecResult): void {
  for (const line of r.logs) console.log(`log: ${line}`);
  if (r.ok) console.log(JSON.stringify(r.value ?? null, null, 2));
  else console.error(`${r.error!.name}: ${r.error!.message}`);
  console.log(
    `\n${r.fn} as ${r.user}: ${r.ok ? 'ok' : 'failed'} in ${r.durationMs} ms (emulator)\n${formatCost(r)}\nservice calls:\n${formatCounts(r.counts)}`,
  );
}
