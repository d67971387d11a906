// Measured constants from the probe (tools/probe/probe.js) laid over the cost table; kept in <state>/calibration.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CostModel, MethodCost, costOf, defaultModel } from './costs';

export const CALIBRATION_FILE = 'calibration.json';

/** What `datadesk calibrate` keeps: the probe's constants and where they came from. */
export interface Calibration {
  file: string;
  at: string;
  measuredAt?: string;
  account?: string;
  /** Constant name → measured value (see applyConstant for the names). */
  constants: Record<string, number>;
  /** Limits the probe observed. */
  limits?: ProbeLimits;
}

/** What the probe observed beyond costs: fetchAll's concurrency, and whether Gemini counts a request it refused for
 * a dead picture link against the minute's input tokens. */
export interface ProbeLimits {
  fetchAllConcurrency?: number;
  geminiRefusedTokensCount?: boolean;
}

/** The probe's JSON as it prints it. */
export interface ProbeOutput {
  probe: string;
  version: number;
  measuredAt?: string;
  account?: string;
  constants: Record<string, number>;
  limits?: ProbeLimits;
}

function set(c: MethodCost, field: 'ms' | 'perMB' | 'perCell', v: number): MethodCost {
  return { ...c, [field]: v, guess: false, source: 'calibrated' };
}

/**
 * Applies one measured constant. Names: 'Class.method' / 'Class.*' / 'Service:*' (ms per call), 'Class.method.perMB',
 * 'bridge.byteArrayPerMB' / 'bridge.stringPerMB' / 'bridge.perCell', 'startup.baseMs' / 'startup.perKB', 'cpuFactor'.
 * Returns false for a name the model does not know.
 */
export function applyConstant(model: CostModel, name: string, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  const bridge = /^bridge\.(byteArrayPerMB|stringPerMB|perCell)$/.exec(name);
  if (bridge) {
    const k = bridge[1] as keyof CostModel['bridge'];
    model.bridge[k] = set(model.bridge[k], 'ms', value);
  } else if (name === 'startup.baseMs' || name === 'startup.perKB') {
    const k = name.slice(8) as keyof CostModel['startup'];
    model.startup[k] = set(model.startup[k], 'ms', value);
  } else if (name === 'cpuFactor') model.cpuFactor = set(model.cpuFactor, 'ms', value);
  else {
    const m = /^([A-Za-z]\w*(?:\.(?:\w+|\*)|:\*))(?:\.(perMB|perCell))?$/.exec(name);
    if (!m) return false;
    const key = m[1];
    const field = (m[2] as 'perMB' | 'perCell' | undefined) ?? 'ms';
    model.costs[key] = set(model.costs[key] ?? costOf(model, key), field, value);
  }
  if (!model.calibrated.includes(name)) model.calibrated.push(name);
  return true;
}

/** A state folder's calibration; a folder without one (the bench's, the tests' fresh ones) takes the file named by
 * DATADESK_CALIBRATION when set, so `DATADESK_CALIBRATION=.datadesk/calibration.json npm run bench` projects with
 * measured constants. */
export function readCalibration(stateDir: string): Calibration | null {
  const own = join(stateDir, CALIBRATION_FILE);
  return readCalibrationFile(existsSync(own) ? own : process.env.DATADESK_CALIBRATION);
}

/** One calibration.json; null when there is none or it is not JSON. */
export function readCalibrationFile(p: string | undefined): Calibration | null {
  if (!p || !existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Calibration;
  } catch {
    return null;
  }
}

/** The model for a state folder: the table, with that folder's calibration applied when there is one. */
export function loadModel(stateDir: string): CostModel {
  const model = defaultModel();
  const cal = readCalibration(stateDir);
  if (cal) {
    for (const [k, v] of Object.entries(cal.constants ?? {})) applyConstant(model, k, v);
    model.calibration = { file: cal.file, at: cal.at, measuredAt: cal.measuredAt };
  }
  return model;
}

/** Whether the Gemini stand-in keeps a refused request's tokens in the minute: the probe's answer when calibrated,
 * else true (the strict side). */
export function geminiRefusedTokensCount(stateDir: string): boolean {
  return readCalibration(stateDir)?.limits?.geminiRefusedTokensCount !== false;
}
