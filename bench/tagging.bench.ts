// Product tagging at scale: 5,000 SKUs end to end in the runtime against the Gemini stand-in under a Tier 1 key (its
// RPM, input TPM and RPD enforced), realistic pictures (100–300 KB JPEG/PNG; the demo catalogue links most over https,
// one in 20 over http, about 4 % missing, each served in 300 ms), realistic latency (median 2 s, p95 6 s before an
// answer starts, then its writing at 200 output tokens a second; a picture sent as a URL adds Google's fetch of it,
// 300 ms), 2 % 429s (with RetryInfo) and 1 % 500s. With gemini-2.5-flash the https pictures go as URLs Gemini fetches;
// a request naming a missing one is refused (400) and its SKU sent again inline. The sidebar's chunk loop is replayed:
// its lanes of tagging_runChunk executions at once (one a worker), each chunk after chunk until the job is done; the
// projected time is tagging_start's plus the longest lane's.
// DataDesk runs with its default request size and workers and the tier's own RPM and input TPM. A baseline done
// the way FeedGen does it (one SKU per request, 30 requests at a time) runs on the same stand-in and tier, its thinking
// switched off as DataDesk's is (2.5 Flash thinks unless told not to), so the ratio measures the batching alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchAllConcurrency } from '../src/local/services/urlfetch';
import { Runtime } from '../src/local/runtime/runtime';
import { geminiRefusedTokensCount } from '../src/local/runtime/calibration';
import { setScriptProperties, runSnippet } from '../src/local/demo/script';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { startGeminiStandin } from '../src/local/standins/gemini';
import { writeTaggingDemo, demoCatalogue, DEMO_MODEL } from '../src/local/demo/tagging';
import { DEFAULT_KEY, TIERS } from '../src/local/standins/gemini';
import type { ExecResult } from '../src/local/runtime/types';
import { timed, timedAll } from './projected';
import { seedWordLists } from '../src/server/tagging/wordlists';
import { matchKeyword } from '../src/server/tagging/match';
import type { Progress } from '../src/server/tagging/job';
import type { BenchResult } from './types';

/** The FeedGen way: each SKU its own request (picture inline), 30 requests at a time with fetchAll, one round after
 * another in one execution. Returns [answered, tried, hashes]. */
const BASELINE = `function baseline(a) {
  var ok = 0, tried = 0;
  for (var at = 0; at < a.items.length; at += 30) {
    var items = a.items.slice(at, at + 30);
    var pics = UrlFetchApp.fetchAll(items.map(function (it) { return { url: it.imageUrl, muteHttpExceptions: true }; }));
    var reqs = items.map(function (it, i) {
      var parts = [{ text: 'Buat kata kunci pencarian marketplace untuk produk ini (JSON [{"sku","keywords"}]). ' +
        JSON.stringify([{ sku: it.sku, nama: it.name, kategori: it.category }]) }];
      if (pics[i].getResponseCode() === 200) {
        parts.push({ text: 'Gambar untuk SKU ' + it.sku + ':' });
        parts.push({ inlineData: { mimeType: pics[i].getHeaders()['Content-Type'], data: Utilities.base64Encode(pics[i].getContent()) } });
      }
      return { url: a.url + '/v1beta/models/' + a.model + ':generateContent', method: 'post', contentType: 'application/json',
        headers: { 'x-goog-api-key': a.key }, muteHttpExceptions: true,
        payload: JSON.stringify({ contents: [{ role: 'user', parts: parts }], generationConfig: { responseMimeType: 'application/json', thinkingConfig: { thinkingBudget: 0 } } }) };
    });
    var answers = UrlFetchApp.fetchAll(reqs);
    tried += items.length;
    answers.forEach(function (r) { if (r.getResponseCode() === 200) ok++; });
  }
  return [ok, tried];
}`;

const ADMIN = 'admin@datadesk.local';
/** The sidebar's lanes start this far apart and pause this long when told busy (src/client/tagging/main.ts). */
const LANE_STAGGER_MS = 1500;
const LANE_BUSY_MS = 3000;
const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));
const MERCH = 'merch@datadesk.local';

/** DATADESK_BENCH_TRACE: one line an execution of a lane (rows it wrote, projected and emulator ms, ms a service). */
function traceExecution(lane: number, i: number, r: ExecResult, done: number): void {
  const services = Object.entries(r.cost.byService).map(([k, v]) => `${k} ${Math.round(v)}`);
  console.log(
    `lane ${lane} execution ${i}: +${done} rows, projected ${Math.round(r.projectedMs)} ms (start-up ${Math.round(
      r.cost.startupMs,
    )}, script ${Math.round(r.cost.scriptMs)}, ${services.join(', ')}), emulator ${r.durationMs} ms`,
  );
}

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.DATADESK_BENCH_TAG_SKUS ?? 5000);
  const tier = TIERS.tier1;
  const stateDir = mkdtempSync(join(tmpdir(), 'dd-bench-tag-'));
  const g = await startGeminiStandin({
    // The picture host answers everyone in 300 ms: DataDesk's own downloads (a refused URL's picture, http links) wait
    // as they would in Google, and Gemini's fetch takes its 300 ms once (URL_FETCH_LATENCY_MS is its floor).
    // The answer is written at 200 output tokens a second on top of the wait before it starts: Artificial Analysis
    // measures Gemini 2.5 Flash at about 217–271 tokens/s (amallo.ai/wiki/gemini-2-5-flash, ywian.com/blog/gemini-2-5-
    // flash-features-performance); the slower end, rounded down, so a long answer is never cheaper than in Google.
    faults: {
      latency: { medianMs: 2000, p95Ms: 6000, outputTokensPerSec: 200 },
      rate429: 0.02,
      rate500: 0.01,
      retryDelaySec: 2,
      imageLatencyMs: 300,
    },
    seed: 7,
    // DATADESK_BENCH_NO_DEAD: every picture link answers (an experiment: what the 4 % dead links cost the run).
    ...(process.env.DATADESK_BENCH_NO_DEAD ? { imageMissing: () => false } : {}),
    tier,
    // A refused request's tokens stay in the minute (strict) unless a calibration's probe showed Gemini frees them.
    refusedTokensCount: geminiRefusedTokensCount(stateDir),
  });
  const rt = new Runtime({ stateDir, settings: { geminiUrl: g.url } });
  try {
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [MERCH]: ['merchandiser'] }) });
    // DATADESK_BENCH_TAG_BATCH measures another request size than the default (an experiment, not the judged run).
    const batch = process.env.DATADESK_BENCH_TAG_BATCH ? { batchSize: Number(process.env.DATADESK_BENCH_TAG_BATCH) } : {};
    // DATADESK_BENCH_TAG_WORKERS, likewise, another number of chunks at once.
    const workersSet = process.env.DATADESK_BENCH_TAG_WORKERS ? { workers: Number(process.env.DATADESK_BENCH_TAG_WORKERS) } : {};
    await writeTaggingDemo(rt, documentId, g.url, n, n, {
      chunkSize: 1000,
      maxParallel: 100,
      rpm: tier.rpm,
      tpm: tier.tpm,
      ...batch,
      ...workersSet,
    });
    g.resetStats();

    const t0 = Date.now();
    const start = await rt.execute({ fn: 'tagging_start', args: ['Produk'], user: MERCH, kind: 'rpc', documentId });
    if (!start.ok) throw new Error(`tagging_start failed: ${start.error?.message}`);
    const id = (start.value as Progress).id;
    const totals: Record<string, number> = { ...start.counts };
    const execs: ExecResult[] = [start];
    const perChunk: Array<{ getValues: number; setValues: number; ms: number; projectedMs: number; done: number }> = [];
    let p = start.value as Progress;
    // The sidebar's lanes replayed (src/client/tagging/main.ts): as many chains of tagging_runChunk at once as the job
    // has workers, each starting 1.5 s after the one before and pausing 3 s when told busy, all stopping once the job
    // does. A chain's projected time is its executions' plus its pauses, up to the end of its last execution that did
    // work (claimed and wrote rows, or ended the job): a lane left polling while the others finish the last rows
    // delays nothing, and its polls, dearer projected than in the emulator, would drift past the real end. The run's
    // time is tagging_start's plus the longest chain's.
    const paused: number[] = [];
    const chain = async (lane: number): Promise<number> => {
      let projected = lane * LANE_STAGGER_MS;
      let worked = projected;
      paused[lane] = lane * LANE_STAGGER_MS;
      await pause(lane * LANE_STAGGER_MS);
      for (let i = 0; p.status === 'running' && i < 100; i++) {
        const r = await rt.execute({ fn: 'tagging_runChunk', args: [id], user: MERCH, kind: 'rpc', documentId });
        execs.push(r);
        if (!r.ok) throw new Error(`lane ${lane + 1}, chunk ${i + 1} failed: ${r.error?.message}`);
        projected += r.projectedMs;
        for (const [k, v] of Object.entries(r.counts)) totals[k] = (totals[k] ?? 0) + v;
        const c = r.value as { progress: Progress; busy: boolean };
        perChunk.push({
          getValues: r.counts['Range.getValues'] ?? 0,
          setValues: r.counts['Range.setValues'] ?? 0,
          ms: r.durationMs,
          projectedMs: r.projectedMs,
          done: c.busy ? 0 : Math.max(0, c.progress.done - p.done),
        });
        if (process.env.DATADESK_BENCH_TRACE) traceExecution(lane, i, r, perChunk[perChunk.length - 1].done);
        if (c.progress.status !== 'running' || c.progress.done >= p.done) p = c.progress;
        if (!c.busy) worked = projected;
        if (c.busy && p.status === 'running') {
          await pause(LANE_BUSY_MS);
          projected += LANE_BUSY_MS;
          paused[lane] += LANE_BUSY_MS;
        }
      }
      return worked;
    };
    const workers = p.workers;
    const chains = await Promise.all(Array.from({ length: workers }, (_, lane) => chain(lane)));
    const e2eMs = start.projectedMs + Math.max(...chains);
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
    const all = timedAll('tagging_start + tagging_runChunk × chunks, summed over the lanes', execs);
    const pRate = n / (e2eMs / 1000);
    const answeredSkus = Object.keys(st.answered).length;
    const tokensPerSku = st.promptTokens / Math.max(1, answeredSkus);
    const ceiling = tier.tpm / tokensPerSku / 60; // SKU/s the tier's input-token ceiling allows
    const hashes = (totals['Utilities.computeDigest'] ?? 0) / n;
    // SHA-256, all kinds, as the job counted them: one per SKU keyed (a computeDigest over its text and downloaded
    // picture, or in JavaScript over its text and picture URL, or its text alone) and one per chunk over the
    // top-search list (JavaScript); a held SKU and a SKU sent again inline are not hashed again.
    const allHashes = p.hashes / n;
    // Where the projected time goes, per SKU: the floor the pictures and the script's own JavaScript put under it.
    const byMethod: Record<string, number> = {};
    for (const r of execs) for (const [k, ms] of Object.entries(r.cost.byMethod)) byMethod[k] = (byMethod[k] ?? 0) + ms;
    const perSku = (ms: number) => ms / n;
    const bridgeMs = perSku(
      (byMethod['HTTPResponse.getContentText'] ?? 0) +
        (byMethod['HTTPResponse.getContent'] ?? 0) +
        (byMethod['HTTPResponse.getHeaders'] ?? 0),
    );
    const digestMs = perSku(byMethod['Utilities.computeDigest'] ?? 0);
    const scriptMs = perSku(all.byService.script ?? 0);
    const fetchMs = perSku(byMethod['UrlFetchApp.fetchAll'] ?? 0);
    const otherMs = perSku(all.projectedMs) - bridgeMs - digestMs - scriptMs - fetchMs;
    // The floor fetchAll's lanes put under the run: the time requests were open at Gemini and the picture host, summed,
    // can go no faster than every lane busy the whole time; the projected time outside HTTP comes on top.
    const lanes = fetchAllConcurrency(rt.env);
    const laneS = st.laneMs / 1000;
    const inFetchS = (all.byService.UrlFetchApp ?? 0) / 1000;
    const outsideS = all.projectedMs / 1000 - inFetchS;
    // With several executions at once, their lanes add up and the time outside HTTP is shared between them.
    const bestRate = n / (laneS / (lanes * workers) + outsideS / workers);

    // The FeedGen way on the same stand-in and tier: a sample of 300 SKUs.
    g.resetStats();
    const sample = demoCatalogue(Math.min(n, 300), g.url, 2);
    const base = await rt.execute({
      fn: 'baseline',
      script: BASELINE,
      args: [{ items: sample, url: g.url, model: DEMO_MODEL, key: DEFAULT_KEY }],
      user: MERCH,
    });
    const [baseOk] = (base.value as [number, number]) ?? [0, 0];
    const baseRate = baseOk / (base.projectedMs / 1000);
    const figures = {
      skus: n,
      status: p.status,
      'projected rate SKU/s (end to end)': pRate.toFixed(1),
      tier: `${tier.name}: ${tier.rpm} RPM, ${tier.tpm.toLocaleString('en')} input TPM, ${tier.rpd.toLocaleString('en')} RPD`,
      'input tokens per SKU': answeredSkus ? Math.round(tokensPerSku) : 'n/a (no SKU answered)',
      'TPM ceiling SKU/s (TPM ÷ tokens per SKU ÷ 60)': answeredSkus ? ceiling.toFixed(1) : 'n/a',
      'share of the ceiling (projected)': answeredSkus ? `${Math.round((100 * pRate) / ceiling)} %` : 'n/a',
      'computeDigest per SKU': hashes.toFixed(2),
      'SHA-256 per SKU, all kinds (1 a fetched SKU + 1 a chunk)': allHashes.toFixed(3),
      'pictures downloaded per SKU': (st.imageRequests / n).toFixed(2),
      'SKUs with the picture by URL (Gemini fetched) / inline (downloaded) / none': `${st.urlImages} / ${st.inlineImages} / ${n - st.urlImages - st.inlineImages}`,
      'URL refusals (400 requests) / SKUs sent again inline': `${st.urlRefusals} / ${p.urlFallbacks}`,
      // 2.5 Flash thinks unless told not to (its thoughts billed as output, written before the answer): DataDesk
      // switches it off, so this stays 0.
      "thinking tokens (the job's requests)": st.thoughtsTokens,
      'input tokens admitted for refused requests (count against TPM) / answered': `${st.refusedTokens.toLocaleString('en')} / ${st.promptTokens.toLocaleString('en')}`,
      // What the minute's tokens allow when refused requests count too: answered ÷ admitted, before any other wait.
      'most of the ceiling the admitted tokens allow (answered ÷ admitted)': `${Math.round((100 * st.promptTokens) / Math.max(1, st.promptTokens + st.refusedTokens))} %`,
      'projected ms per SKU: fetchAll (HTTP) / pictures over the bridge / computeDigest / script JS / rest': [
        fetchMs,
        bridgeMs,
        digestMs,
        scriptMs,
        otherMs,
      ]
        .map((x) => x.toFixed(1))
        .join(' / '),
      'where the time goes': answeredSkus
        ? `${(0.75 * ceiling).toFixed(1)} SKU/s needs ≤ ${(1000 / (0.75 * ceiling)).toFixed(1)} ms a SKU; the bridge, the hash and the script's JavaScript (base64, the request JSON, the keyword filter) cost ${(bridgeMs + digestMs + scriptMs).toFixed(1)} ms a SKU before any HTTP wait (at most ${(1000 / Math.max(0.1, bridgeMs + digestMs + scriptMs)).toFixed(1)} SKU/s), waiting in fetchAll ${fetchMs.toFixed(1)} ms`
        : 'n/a',
      'executions at once (lanes of the sidebar) / projected s each (start-up + chain to its last work) / paused (start, busy)': `${workers} / ${chains.map((c) => ((start.projectedMs + c) / 1000).toFixed(0)).join(', ')} / ${paused.map((ms) => (ms / 1000).toFixed(0)).join(', ')}`,
      'projected s summed over every execution (as if one lane)': (all.projectedMs / 1000).toFixed(0),
      'HTTP lane work (lane-s) / fetchAll lanes an execution / lanes busy while in fetchAll': `${laneS.toFixed(0)} / ${lanes} / ${Math.round((100 * laneS) / Math.max(0.001, lanes * inFetchS))} %`,
      'most this request mix allows (every lane of every execution always busy + the time outside HTTP, shared)': `${bestRate.toFixed(1)} SKU/s (${(laneS / (lanes * workers)).toFixed(0)} s + ${(outsideS / workers).toFixed(0)} s)`,
      '429s from the tier (rpm/tpm/rpd)': `${st.rateLimited.rpm}/${st.rateLimited.tpm}/${st.rateLimited.rpd}`,
      'baseline (FeedGen: 1 SKU/request, 30 at a time) SKU/s projected': `${baseRate.toFixed(2)} (${baseOk} of ${sample.length} answered)`,
      'ratio DataDesk / baseline (projected)': (pRate / Math.max(0.001, baseRate)).toFixed(1),
      'emulator rate SKU/s (end to end)': Math.round(rate * 10) / 10,
      'wall s': Math.round(wallMs / 100) / 10,
      chunks: perChunk.length,
      'slowest chunk s (emulator / projected)': (['ms', 'projectedMs'] as const)
        .map((k) => (Math.max(...perChunk.map((x) => x[k])) / 1000).toFixed(1))
        .join(' / '),
      'tagged rows': tagged,
      'no image': p.noImage,
      errors: p.errors,
      'model requests': st.generateRequests,
      'SKUs per model request (mean, retries included)': (n / Math.max(1, st.generateRequests)).toFixed(1),
      'image requests': st.imageRequests,
      '429 answers': st.byStatus['429'] ?? 0,
      '500 answers': st.byStatus['500'] ?? 0,
      retries: p.retries,
      'UrlFetch requests / SKU': Math.round(urlPerSku * 1000) / 1000,
      'UrlFetchApp.fetchAll calls': totals['UrlFetchApp.fetchAll'] ?? 0,
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
      pRate >= 25 &&
      pRate >= 0.75 * ceiling &&
      hashes <= 1 &&
      allHashes <= 1.01 &&
      tagged + p.errors === n &&
      forbidden === 0 &&
      twice === 0;
    return [
      {
        name: `tagging: ${n} SKUs under a Tier 1 key, realistic pictures, latency median 2 s / p95 6 s + 200 output tokens/s, 2 % 429, 1 % 500`,
        figures,
        counts: totals,
        times: [all, timed(`baseline, FeedGen way (${sample.length} SKUs)`, base)],
        target: {
          text: '≥ 25 SKU/s end to end and ≥ 75 % of the TPM ceiling (projected); ≤ 1 hash per SKU; every SKU once, no forbidden word',
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
