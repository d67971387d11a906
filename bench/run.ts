// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints each figure with its
// executions' emulator and projected Apps Script time, judges the targets on the projected time, writes JSON.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult, Timed } from './types';
import { fmtMs } from '../src/local/runtime/costs';
import { readCalibrationFile } from '../src/local/runtime/calibration';

/** "emulator 0.41 s · projected 9.8 s (2 executions) [Jdbc 8.1 s, start-up 1.0 s, …]". */
function timeLine(t: Timed): string {
  const parts = Object.entries(t.byService)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, ms]) => `${k} ${fmtMs(ms)}`)
    .join(', ');
  const n = t.executions > 1 ? ` (${t.executions} executions)` : '';
  return `${t.label}: emulator ${fmtMs(t.emulatorMs)} · projected ${fmtMs(t.projectedMs)}${n}  [${parts}]`;
}

async function main(): Promise<void> {
  // Benchmarks run in strict mode: the 6-minute limit applies to each execution's projected Apps Script time.
  process.env.DATADESK_STRICT = process.env.DATADESK_STRICT ?? '1';
  // The data sets' fixed dates mean the same on any day: every runtime's clock starts here (runtime/env.ts).
  process.env.DATADESK_CLOCK_START = process.env.DATADESK_CLOCK_START ?? '2026-11-30T12:00:00Z';
  const cal = readCalibrationFile(process.env.DATADESK_CALIBRATION);
  console.log(
    cal
      ? `cost model: calibrated from ${process.env.DATADESK_CALIBRATION} (probe measured ${cal.measuredAt ?? '?'})`
      : "cost model: the table of sources and guesses (DATADESK_CALIBRATION=<calibration.json> uses a probe's)",
  );
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
    .sort();
  const all: Array<BenchResult & { file: string }> = [];
  let failed = 0;
  for (const file of files) {
    const t0 = Date.now();
    process.stdout.write(`\n== ${file}\n`);
    try {
      const mod = (await import(join(__dirname, file))) as { run: () => Promise<BenchResult[]> };
      const results = await mod.run();
      for (const r of results) {
        all.push({ ...r, file });
        console.log(`  ${r.name}${r.target ? `  [${r.target.met ? 'MET' : 'NOT MET'}: ${r.target.text}]` : ''}`);
        for (const t of r.times ?? []) console.log(`    ${timeLine(t)}`);
        for (const [k, v] of Object.entries(r.figures)) console.log(`    ${k.padEnd(34)} ${v}`);
        const counts = Object.entries(r.counts).sort(([a], [b]) => a.localeCompare(b));
        if (counts.length) console.log(`    service calls: ${counts.map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }
    } catch (e) {
      failed++;
      console.log(`  FAILED: ${(e as Error).stack ?? String(e)}`);
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2));
  console.log('\nTargets (judged on the projected Apps Script time):');
  for (const r of all) if (r.target) console.log(`  ${r.target.met ? 'MET    ' : 'NOT MET'}  ${r.name}: ${r.target.text}`);
  console.log(`\nbench: ${all.length} results from ${files.length} files written to ${out}${failed ? `; ${failed} failed` : ''}`);
  process.exit(failed ? 1 : 0);
}

void main();
