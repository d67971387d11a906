// `datadesk calibrate FILE`: the probe's measurements replace the cost table's guesses; `datadesk costs` lists the model.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Runtime } from '../runtime/runtime';
import type { Command } from './commands';
import { BRIDGE, COSTS, CPU_FACTOR, DEFAULT, MethodCost, STARTUP, defaultModel, fmtMs } from '../runtime/costs';
import { CALIBRATION_FILE, Calibration, ProbeOutput, applyConstant } from '../runtime/calibration';

export const PROBE_NAME = 'datadesk-cost-probe';

/** tools/probe/probe.js, looked for above the built CLI and the working folder. */
export function probeSourcePath(): string {
  for (const start of [__dirname, process.cwd()]) {
    let d = resolve(start);
    for (let i = 0; i < 6; i++) {
      const p = join(d, 'tools', 'probe', 'probe.js');
      if (existsSync(p)) return p;
      d = dirname(d);
    }
  }
  throw new Error('calibrate: tools/probe/probe.js not found');
}

/** The emulator's CPU time for the probe's own CPU benchmark (the same function the probe times in Apps Script). */
export async function localCpuBenchmarkMs(rt: Runtime): Promise<number> {
  // probeCpuWork_ is the probe's private helper: like any private function it is reached through a public one
  const script = `${readFileSync(probeSourcePath(), 'utf8')}\nfunction probeCpuWorkHere() { return probeCpuWork_(); }\n`;
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await rt.execute({ fn: 'probeCpuWorkHere', script });
    if (!r.ok) throw new Error(`calibrate: the CPU benchmark failed here: ${r.error?.message}`);
    runs.push(r.cost.cpuMs);
  }
  return Math.min(...runs);
}

/** Turns the probe's output into the constants kept in calibration.json (derived ones included). */
export async function calibrationFrom(
  rt: Runtime,
  probe: ProbeOutput,
  file: string,
): Promise<{ cal: Calibration; unknown: string[] }> {
  if (!probe || probe.probe !== PROBE_NAME || typeof probe.constants !== 'object')
    throw new Error(`calibrate: ${file} is not the output of tools/probe/probe.js ("probe": "${PROBE_NAME}")`);
  const constants: Record<string, number> = {};
  const unknown: string[] = [];
  const scratch = defaultModel();
  for (const [k, v] of Object.entries(probe.constants)) {
    if (k.startsWith('cpu.') || k.startsWith('startup.')) continue;
    if (applyConstant(scratch, k, Number(v))) constants[k] = Number(v);
    else unknown.push(k);
  }
  const cpu = Number(probe.constants['cpu.benchmarkMs']);
  if (cpu > 0) constants.cpuFactor = Math.max(0.1, cpu / Math.max(1, await localCpuBenchmarkMs(rt)));
  const startMs = Number(probe.constants['startup.measuredMs']);
  const projectKB = Number(probe.constants['startup.projectKB'] ?? 0);
  if (startMs > 0) {
    // One point: a small project's start-up is the base; a project carrying a bundle gives the per-KB slope.
    if (projectKB > 100) constants['startup.perKB'] = Math.max(0, (startMs - STARTUP.baseMs.ms) / projectKB);
    else constants['startup.baseMs'] = startMs;
  }
  const cal: Calibration = {
    file: resolve(file),
    at: new Date().toISOString(),
    measuredAt: probe.measuredAt,
    account: probe.account,
    constants,
    limits: probe.limits,
  };
  return { cal, unknown };
}

function tableValue(name: string): number | undefined {
  const m = defaultModel();
  if (name === 'cpuFactor') return CPU_FACTOR.ms;
  if (name.startsWith('bridge.')) return BRIDGE[name.slice(7) as keyof typeof BRIDGE]?.ms;
  if (name.startsWith('startup.')) return STARTUP[name.slice(8) as keyof typeof STARTUP]?.ms;
  const per = /\.(perMB|perCell)$/.exec(name);
  const key = per ? name.slice(0, per.index) : name;
  const c: MethodCost | undefined = m.costs[key];
  return per ? c?.[per[1] as 'perMB' | 'perCell'] : c?.ms;
}

export const calibrateCommand: Command = async (rt, args, flags) => {
  const path = join(rt.env.config.stateDir, CALIBRATION_FILE);
  if (flags.reset === true) {
    rmSync(path, { force: true });
    console.log(`calibrate: removed ${path}; the model uses its table of sources and guesses`);
    return 0;
  }
  const [file] = args;
  if (!file) throw new Error('calibrate needs the JSON file the probe printed (tools/probe/probe.js)');
  const probe = JSON.parse(readFileSync(file, 'utf8')) as ProbeOutput;
  const { cal, unknown } = await calibrationFrom(rt, probe, file);
  rt.env.writeJson(CALIBRATION_FILE, cal);
  console.log(
    `calibrate: ${Object.keys(cal.constants).length} measured constants from ${file} (measured ${cal.measuredAt ?? '?'})`,
  );
  for (const [k, v] of Object.entries(cal.constants)) {
    const was = tableValue(k);
    console.log(`  ${k.padEnd(44)} ${String(+v.toFixed(4)).padStart(10)}   (table: ${was === undefined ? '—' : was})`);
  }
  if (cal.limits?.fetchAllConcurrency) console.log(`  fetchAll concurrency: ${cal.limits.fetchAllConcurrency}`);
  if (cal.limits?.geminiRefusedTokensCount !== undefined)
    console.log(
      `  Gemini counts a request refused for a dead picture link against the minute's tokens: ${cal.limits.geminiRefusedTokensCount ? 'yes' : 'no'}`,
    );
  if (unknown.length) console.log(`calibrate: ignored names the model does not know: ${unknown.join(', ')}`);
  console.log(`saved to ${path}`);
  return 0;
};

/** `datadesk costs`: every constant of the model with where it comes from. */
export const costsCommand: Command = async (rt) => {
  const m = rt.costModel();
  const line = (name: string, c: MethodCost, unit: string) => {
    const how = m.calibrated.includes(name) ? 'measured (calibrate)' : c.guess ? 'guess' : (c.source ?? '');
    const extra = [
      c.perMB ? `+${c.perMB} ms/MB` : '',
      c.perCell ? `+${c.perCell} ms/cell` : '',
      c.measured ? '+measured wait' : '',
    ]
      .filter(Boolean)
      .join(' ');
    console.log(
      `  ${name.padEnd(40)} ${`${c.ms} ${unit}`.padStart(12)} ${extra.padEnd(28)} ${how}${c.note ? ` — ${c.note}` : ''}`,
    );
  };
  console.log(
    m.calibration
      ? `cost model: calibrated from ${m.calibration.file} (${m.calibration.measuredAt ?? m.calibration.at})`
      : 'cost model: the table of sources and guesses (no calibration; see tools/probe/README.md)',
  );
  console.log('start-up, CPU and the bridge:');
  line('startup.baseMs', m.startup.baseMs, 'ms');
  line('startup.perKB', m.startup.perKB, 'ms/KB');
  line('cpuFactor', m.cpuFactor, '×');
  for (const [k, c] of Object.entries(m.bridge)) line(`bridge.${k}`, c, k === 'perCell' ? 'ms/cell' : 'ms/MB');
  console.log('per call (Class.method, Class.* or Service:*):');
  for (const [k, c] of Object.entries(m.costs).sort(([a], [b]) => a.localeCompare(b))) line(k, c, 'ms');
  line('(any other method)', DEFAULT, 'ms');
  console.log(
    `\n${Object.keys(COSTS).length} table entries; e.g. 100 JdbcResultSet.getString calls project ${fmtMs(100 * (m.costs['Jdbc:*']?.ms ?? 0))}.`,
  );
  return 0;
};
