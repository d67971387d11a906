// Undo of a tagging run at scale: 5,000 SKUs tagged against the Gemini stand-in (no faults: this bench is about the
// sheet side), then "Batalkan proses terakhir". Figures: what recording the undo costs each chunk (calls on the hidden
// _DataDesk_TagUndo sheet) and the undo itself (projected time, its sheet calls), with a person's edit left alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { setScriptProperties } from '../src/local/demo/script';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { startGeminiStandin, TIERS } from '../src/local/standins/gemini';
import { writeTaggingDemo } from '../src/local/demo/tagging';
import type { ExecResult } from '../src/local/runtime/types';
import type { Progress } from '../src/server/tagging/job';
import { timed } from './projected';
import type { BenchResult } from './types';

const ADMIN = 'admin@datadesk.local';
const MERCH = 'merch@datadesk.local';

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.DATADESK_BENCH_UNDO_SKUS ?? 5000);
  const tier = TIERS.tier1;
  const g = await startGeminiStandin({ seed: 11, tier });
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-undo-')), settings: { geminiUrl: g.url } });
  try {
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [MERCH]: ['merchandiser'] }) });
    await writeTaggingDemo(rt, documentId, g.url, n, n, { chunkSize: 1000, maxParallel: 100, rpm: tier.rpm });
    const start = await rt.execute({ fn: 'tagging_start', args: ['Produk'], user: MERCH, kind: 'rpc', documentId });
    if (!start.ok) throw new Error(`tagging_start failed: ${start.error?.message}`);
    const id = (start.value as Progress).id;
    let p = start.value as Progress;
    const chunks: ExecResult[] = [];
    for (let i = 0; p.status === 'running' && i < 100; i++) {
      const r = await rt.execute({ fn: 'tagging_runChunk', args: [id], user: MERCH, kind: 'rpc', documentId });
      if (!r.ok) throw new Error(`chunk ${i + 1} failed: ${r.error?.message}`);
      chunks.push(r);
      p = (r.value as { progress: Progress }).progress;
    }
    if (p.status !== 'done') throw new Error(`the run ended ${p.status}`);
    // A person corrects one row after the run: undo must leave it.
    getSpreadsheetStore(rt.env).userEdit(documentId, 'Produk', 10, 1, 'diubah orang', MERCH);
    const undo = await rt.execute({ fn: 'tagging_undo', args: [id], user: MERCH, kind: 'rpc', documentId });
    if (!undo.ok) throw new Error(`tagging_undo failed: ${undo.error?.message}`);
    const out = undo.value as { restored: number; kept: number };
    const working = chunks.filter((c) => (c.counts['Range.setValues'] ?? 0) > 0);
    const perChunkSet = Math.max(...working.map((c) => c.counts['Range.setValues'] ?? 0));
    const sheetCalls = (undo.counts['Range.getValues'] ?? 0) + (undo.counts['Range.setValues'] ?? 0);
    const figures = {
      skus: n,
      'rows restored': out.restored,
      'rows left alone (edited since)': out.kept,
      'undo projected s': (undo.projectedMs / 1000).toFixed(2),
      'undo emulator s': (undo.durationMs / 1000).toFixed(2),
      'undo getValues / setValues': `${undo.counts['Range.getValues'] ?? 0} / ${undo.counts['Range.setValues'] ?? 0}`,
      'run chunks writing rows': working.length,
      'max setValues per chunk (product block + undo record)': perChunkSet,
    };
    const met = out.restored === n - 1 && out.kept === 1 && sheetCalls <= 3 && undo.projectedMs <= 30_000 && perChunkSet <= 3;
    return [
      {
        name: `tagging undo: the last run over ${n} SKUs put back, one row edited since`,
        figures,
        counts: undo.counts,
        times: [timed('tagging_undo', undo)],
        target: {
          text: 'every untouched row restored, the edited one kept; ≤ 3 sheet reads/writes and ≤ 30 s projected for the undo; recording adds one setValues per chunk (the first also writes the hidden sheet’s header)',
          met,
        },
      },
    ];
  } finally {
    await g.close();
    await rt.env.close();
  }
}

if (require.main === module) {
  void run().then((r) => console.log(JSON.stringify(r, null, 1)));
}
