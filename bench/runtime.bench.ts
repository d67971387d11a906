// The runtime's own costs, which every other figure sits on: an execution's start-up (the bundle; pdf-lib is kept out of
// it and loaded on demand from pdflib.html), onOpen, and a service round trip — in the emulator and projected.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { startupCost } from '../src/local/runtime/costs';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { setScriptProperties } from '../src/local/demo/script';
import type { BenchResult } from './types';
import { must, timed } from './projected';

const ADMIN = 'admin@datadesk.local';

/** Bytes of Code.js that come from pdf-lib (the metafile scripts/build.mjs writes beside the runtime bundles). */
function pdfLibShare(buildDir: string): { total: number; pdfLib: number } {
  const meta = JSON.parse(readFileSync(join(buildDir, 'local', 'code-meta.json'), 'utf8')) as {
    outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const out = Object.values(meta.outputs)[0];
  let pdfLib = 0;
  for (const [path, i] of Object.entries(out.inputs))
    if (/node_modules[\\/](pdf-lib|@pdf-lib|pako|tslib)/.test(path)) pdfLib += i.bytesInOutput;
  return { total: out.bytes, pdfLib };
}

export async function run(): Promise<BenchResult[]> {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-rt-')) });
  try {
    const bytes = statSync(rt.bundlePath).size;
    const share = pdfLibShare(rt.env.config.buildDir);
    // An empty call into the bundle: what every google.script.run call and trigger pays before its work.
    const empty: Awaited<ReturnType<Runtime['execute']>>[] = [];
    for (let i = 0; i < 10; i++) empty.push(must(await rt.execute({ fn: 'app_whoami', user: ADMIN, kind: 'rpc' })));
    const best = empty.reduce((a, r) => (r.durationMs < a.durationMs ? r : a));

    // What an execution that renders a PDF pays on top: reading pdflib.html and evaluating it (charged per KB as start-up).
    const pdfLibBytes = statSync(join(dirname(rt.bundlePath), 'pdflib.html')).size;
    const load = must(
      await rt.execute({
        fn: 'f',
        script:
          'function f() { var m = (0, eval)(HtmlService.createHtmlOutputFromFile("pdflib").getContent()); return typeof m.PDFDocument.create; }',
      }),
    );

    // onOpen in a spreadsheet, as the simple trigger runs it.
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    await rt.env.flush();
    await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'] }) });
    const open = must(
      await rt.execute({
        fn: 'onOpen',
        user: ADMIN,
        kind: 'simpleTrigger',
        documentId,
        event: () => ({ authMode: 'LIMITED', user: ADMIN }),
      }),
    );
    const beyond = open.projectedMs - open.cost.startupMs;

    // The bridge: 2,000 remote calls (1,000 × getScriptProperties().getProperty).
    const trip = must(
      await rt.execute({
        fn: 'f',
        script:
          'function f() { var p = PropertiesService; for (var i = 0; i < 1000; i++) p.getScriptProperties().getProperty("x"); return 1; }',
      }),
    );
    return [
      {
        name: 'execution start-up (bundle load)',
        figures: {
          'Code.js KB': Math.round(bytes / 1024),
          'pdf-lib in Code.js KB (share)': `${Math.round(share.pdfLib / 1024)} (${Math.round((100 * share.pdfLib) / share.total)} %)`,
          'projected start-up ms (cost model: base + per KB)': Math.round(startupCost(rt.costModel(), bytes)),
          'pdf-lib: pdflib.html KB (minified, loaded on demand)': Math.round(pdfLibBytes / 1024),
          'pdf-lib load in a PDF execution, projected ms': Math.round(load.projectedMs - load.cost.startupMs),
          'emulator ms (best of 10 empty RPCs)': best.durationMs,
        },
        counts: best.counts,
        times: [timed('empty RPC (app_whoami)', best), timed('loading pdf-lib on demand (read + eval)', load)],
        target: {
          text: 'printed, with the bundle size and pdf-lib’s share: pdf-lib is out of Code.js, loaded only by PDF executions',
          met: load.value === 'function' && share.pdfLib === 0,
        },
      },
      {
        name: 'onOpen (simple trigger, builds the add-on menu)',
        figures: { 'projected beyond start-up ms': Math.round(beyond) },
        counts: open.counts,
        times: [timed('onOpen', open)],
        target: { text: '≤ 0.5 s beyond start-up (projected)', met: beyond <= 500 },
      },
      {
        name: 'host service round trip (2,000 remote calls)',
        figures: {
          'emulator µs per call': ((trip.durationMs * 1000) / 2000).toFixed(1),
          'projected ms per call (table)': (trip.cost.servicesMs / 2000).toFixed(2),
        },
        counts: trip.counts,
        times: [timed('1,000 × getScriptProperties().getProperty', trip)],
      },
    ];
  } finally {
    await rt.close();
  }
}
