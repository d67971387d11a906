// The runtime's own costs: an execution's start-up and a service round trip, which every other figure sits on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import type { BenchResult } from './types';

export async function run(): Promise<BenchResult[]> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-rt-')) });
  const n = 20;
  const t0 = Date.now();
  for (let i = 0; i < n; i++) await rt.call('f', [], { script: 'function f() { return 1; }' });
  const perExec = (Date.now() - t0) / n;
  const r = await rt.execute({
    fn: 'f',
    script:
      'function f() { var t = Date.now(); for (var i = 0; i < 2000; i++) Session.getScriptTimeZone(); for (var j = 0; j < 2000; j++) PropertiesService.toString(); return Date.now() - t; }',
  });
  const rt2 = await rt.execute({
    fn: 'f',
    script:
      'function f() { var t = Date.now(); var p = PropertiesService; for (var i = 0; i < 2000; i++) { try { p.getScriptProperties(); } catch (e) {} } return Date.now() - t; }',
  });
  return [
    {
      name: 'execution start-up (fresh worker, bundle loaded)',
      figures: { 'ms per execution (mean of 20)': perExec.toFixed(1) },
      counts: {},
    },
    {
      name: 'host service round trip',
      figures: {
        'µs per remote call (2,000 calls)': ((Number(rt2.value) * 1000) / 2000).toFixed(1),
        'local-call loop ms': String(r.value),
      },
      counts: rt2.counts,
    },
  ];
}
