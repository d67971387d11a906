// Product tagging at scale: 5,000 SKUs end to end in the runtime against the Gemini stand-in with realistic latency
// (median 2 s, p95 6 s per request), 2 % 429s (with RetryInfo) and 1 % 500s. The sidebar's chunk loop is replayed:
// one tagging_runChunk execution after another until the job is done.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { setScriptProperties, runSnippet } from '../src/local/demo/script';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { startGeminiStandin } from '../src/local/standins/gemini';
import { writeTaggingDemo } from '../src/local/demo/tagging';
import { matchKeyword, seedWordLists } from '../src/server/tagging/wordlists';
import type { Progress } from '../src/server/tagging/job';
import type { BenchResult } from './types';

const ADMIN = 'admin@datadesk.local';
const MERCH = 'merch@datadesk.local';

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.DATADESK_BENCH_TAG_SKUS ?? 5000);
  const g = await startGeminiStandin({
    faults: { latency: { medianMs: 2000, p95Ms: 6000 }, rate429: 0.02, rate500: 0.01, retryDelaySec: 2 },
    seed: 7,
  });
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-tag-')), settings: { geminiUrl: g.url } });
  try {
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [MERCH]: ['merchandiser'] }) });
    await writeTaggingDemo(rt, documentId, g.url, n, n, { chunkSize: 1000, batchSize: 10, maxParallel: 100, rpm: 2000 });
    g.resetStats();

    const t0 = Date.now();
    const start = await rt.execute({ fn: 'tagging_start', args: ['Produk'], user: MERCH, kind: 'rpc', documentId });
    if (!start.ok) throw new Error(`tagging_start failed: ${start.error?.message}`);
    const id = (start.value as Progress).id;
    const totals: Record<string, number> = { ...start.counts };
    const perChunk: Array<{ getValues: number; setValues: number; ms: number; done: number }> = [];
    let p = start.value as Progress;
    for (let i = 0; p.status === 'running' && i < 100; i++) {
      const r = await rt.execute({ fn: 'tagging_runChunk', args: [id], user: MERCH, kind: 'rpc', documentId });
      if (!r.ok) throw new Error(`chunk ${i + 1} failed: ${r.error?.message}`);
      for (const [k, v] of Object.entries(r.counts)) totals[k] = (totals[k] ?? 0) + v;
      const before = p.done;
      p = (r.value as { progress: Progress }).progress;
      perChunk.push({
        getValues: r.counts['Range.getValues'] ?? 0,
        setValues: r.counts['Range.setValues'] ?? 0,
        ms: r.durationMs,
        done: p.done - before,
      });
    }
    const wallMs = Date.now() - t0;
    const st = g.stats();
    const values = await runSnippet<unknown[][]>(
      rt,
      "return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Produk').getDataRange().getValues();",
      null,
      documentId,
    );
    const lists = seedWordLists();
    const rows = values.slice(1);
    const tagged = rows.filter((r) => /^(selesai|tanpa gambar)$/.test(String(r[4]))).length;
    const forbidden = rows.reduce(
      (a, r) =>
        a +
        String(r[1])
          .split(', ')
          .filter((k) => k && matchKeyword(k, lists)).length,
      0,
    );
    const twice = Object.values(st.answered).filter((c) => c > 1).length;
    const workChunks = perChunk.filter((c) => c.done > 0);
    const maxGet = Math.max(...workChunks.map((c) => c.getValues));
    const maxSet = Math.max(...workChunks.map((c) => c.setValues));
    const urlPerSku = (st.generateRequests + st.imageRequests) / n;
    const rate = n / (wallMs / 1000);
    const figures = {
      skus: n,
      status: p.status,
      'rate SKU/s (end to end)': Math.round(rate * 10) / 10,
      'wall s': Math.round(wallMs / 100) / 10,
      chunks: perChunk.length,
      'slowest chunk s': Math.round(Math.max(...perChunk.map((c) => c.ms)) / 100) / 10,
      'tagged rows': tagged,
      'no image': p.noImage,
      errors: p.errors,
      'model requests': st.generateRequests,
      'image requests': st.imageRequests,
      '429 answers': st.byStatus['429'] ?? 0,
      '500 answers': st.byStatus['500'] ?? 0,
      retries: p.retries,
      'UrlFetch requests / SKU': Math.round(urlPerSku * 1000) / 1000,
      'max getValues / chunk': maxGet,
      'max setValues / chunk': maxSet,
      'finishing execution getValues/setValues': perChunk
        .filter((c) => c.done === 0)
        .map((c) => `${c.getValues}/${c.setValues}`)
        .join(' '),
      'SKUs answered twice': twice,
      'forbidden words kept': forbidden,
      tokens: p.tokens,
      'est. cost Rp': p.costRp,
      'max requests in flight': st.maxInFlight,
    };
    const met =
      rate >= 15 && maxGet <= 2 && maxSet <= 1 && urlPerSku <= 1.3 && tagged + p.errors === n && forbidden === 0 && twice === 0;
    return [
      {
        name: `tagging: ${n} SKUs, latency median 2 s / p95 6 s, 2 % 429, 1 % 500`,
        figures,
        counts: totals,
        target: {
          text: '≥ 15 SKUs/s end to end, ≤ 2 getValues and 1 setValues per chunk, ≤ 1.3 UrlFetch requests per SKU, every SKU once, no forbidden word',
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
