// The emulated clock's start: DATADESK_CLOCK_START puts a new state's clock at one instant (forward from there);
// a saved state keeps its own clock; without the variable the clock is real time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, RuntimeEnv } from '../../../src/local/runtime/env';

const fresh = () => new RuntimeEnv(defaultConfig({ stateDir: mkdtempSync(join(tmpdir(), 'dd-clock-')) }));
const saved = process.env.DATADESK_CLOCK_START;
afterEach(() => {
  if (saved === undefined) delete process.env.DATADESK_CLOCK_START;
  else process.env.DATADESK_CLOCK_START = saved;
});

describe('the clock a new runtime starts at', () => {
  it('starts at DATADESK_CLOCK_START, even one in the past, and runs forward from there', async () => {
    process.env.DATADESK_CLOCK_START = '2020-02-29T10:00:00Z';
    const env = fresh();
    const t = env.clock.now().getTime();
    expect(t - Date.parse('2020-02-29T10:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(t - Date.parse('2020-02-29T10:00:00Z')).toBeLessThan(5_000);
    env.clock.advanceTo(new Date('2020-03-02T00:00:00Z'));
    expect(env.clock.now().toISOString().slice(0, 10)).toBe('2020-03-02');
  });

  it('is real time without it, and refuses a start that is not an instant', () => {
    delete process.env.DATADESK_CLOCK_START;
    expect(Math.abs(fresh().clock.now().getTime() - Date.now())).toBeLessThan(5_000);
    process.env.DATADESK_CLOCK_START = 'tomorrow';
    expect(fresh).toThrow(/DATADESK_CLOCK_START: not an instant: tomorrow/);
  });
});
