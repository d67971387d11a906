// A chunk's model work with fake HTTP: parallel rounds, cache, retries honouring retryDelay, RPM, splits on safety blocks.
import { runEngine, EngineConfig } from '../../../src/server/tagging/engine';
import type { AnswerCache, EnginePorts, FetchHold, Held } from '../../../src/server/tagging/ports';
import type { HttpReq, HttpRes } from '../../../src/server/core/http';
import { ITEMS_MARKER, fixedPromptTokens } from '../../../src/server/tagging/prompt';

type Reply = (skus: string[], req: HttpReq, n: number) => { code: number; body: string };

function harness(
  reply: Reply,
  opts: Partial<EngineConfig> = {},
  images: Record<string, number> = {},
  /** Projected ms each picture adds to its fetchAll (a slow image host, the bridge, base64, hash). */
  pictureMs = 0,
) {
  let now = 1_000_000;
  const gets: Record<string, number> = {};
  const asked: Record<string, number> = {};
  const sleeps: number[] = [];
  const rounds: number[] = [];
  let n = 0;
  const store: Record<string, string[]> = {};
  const ports: EnginePorts = {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    remainingMs: () => 270_000 - (now - 1_000_000),
    hash: (s, b) => `h${s.length}:${s}${b ? `+${b}` : ''}`,
    fetchAll: (reqs) => {
      rounds.push(reqs.length);
      now += 500 + reqs.filter((r) => r.method === 'get').length * pictureMs;
      return reqs.map((r): HttpRes => {
        if (r.method === 'get') {
          const sku = /\/(\w+)\.png$/.exec(r.url)![1];
          gets[sku] = (gets[sku] ?? 0) + 1;
          const code = images[sku] ?? 200;
          return {
            code,
            text: '',
            base64: code === 200 ? `IMG${sku}` : null,
            binary: code === 200 ? `bytes${sku}` : null,
            contentType: 'image/png',
          };
        }
        const body = JSON.parse(r.payload!);
        const head: string = body.contents[0].parts[0].text;
        const skus = (JSON.parse(head.slice(head.indexOf(ITEMS_MARKER) + ITEMS_MARKER.length)) as Array<{ sku: string }>).map(
          (x) => x.sku,
        );
        for (const sku of skus) asked[sku] = (asked[sku] ?? 0) + 1;
        const out = reply(skus, r, ++n);
        return { code: out.code, text: out.body, binary: null, base64: null, contentType: 'application/json' };
      });
    },
  };
  const cache: AnswerCache = {
    getAll: (keys) => Object.fromEntries(keys.filter((k) => store[k]).map((k) => [k, store[k]])),
    putAll: (e) => Object.assign(store, e),
  };
  const cfg: EngineConfig = {
    baseUrl: 'http://g',
    apiKey: 'k',
    model: 'm',
    batchSize: 5,
    maxRequestBytes: 1e6,
    maxParallel: 50,
    rpm: 1000,
    urlMode: false,
    top: [],
    budgetSpent: () => false,
    ...opts,
  };
  return { ports, cache, cfg, sleeps, rounds, store, gets, asked, calls: () => n, started: 1_000_000 };
}

/** A job's hold in memory, as adapters.ts keeps it in CacheService. */
function memoryHold(): FetchHold & { held: Record<string, Held> } {
  const held: Record<string, Held> = {};
  return {
    held,
    load: (skus) => Object.fromEntries(skus.filter((k) => held[k]).map((k) => [k, { ...held[k] }])),
    save: (e) => Object.assign(held, structuredClone(e)),
    release: (skus) => {
      for (const k of skus) if (held[k]) held[k] = { key: held[k].key, mimeType: held[k].mimeType };
    },
  };
}

const ok = (skus: string[]) => ({
  code: 200,
  body: JSON.stringify({
    candidates: [
      {
        content: { parts: [{ text: JSON.stringify(skus.map((s) => ({ sku: s, keywords: [`kata ${s}`] }))) }] },
        finishReason: 'STOP',
      },
    ],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 10 },
  }),
});
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    sku: `S${i}`,
    name: `Produk ${i}`,
    category: 'Dapur',
    imageUrl: `http://img/S${i}.png`,
  }));

describe('runEngine', () => {
  it('fetches images then sends batched model requests in one parallel round', () => {
    const h = harness(ok);
    const { results, stats } = runEngine(items(12), h.cfg, h.ports, h.cache, []);
    expect(h.rounds).toEqual([12, 3]);
    expect(results).toHaveLength(12);
    expect(results.every((r) => r.outcome === 'done' && r.raw[0] === `kata ${r.sku}`)).toBe(true);
    expect(stats).toMatchObject({ requests: 3, imageRequests: 12, retries: 0, tokensIn: 300, tokensOut: 30 });
  });

  it('sends a round biggest request first, so the lanes take the longest answers first and short ones fill the tail', () => {
    const sizes: number[] = [];
    const h = harness((skus) => (sizes.push(skus.length), ok(skus)), { maxRequestBytes: 8_000 });
    const list = items(12);
    list[0] = { ...list[0], name: 'Rak '.repeat(600) }; // 4,800 bytes of name: its request holds it alone
    const { results } = runEngine(list, h.cfg, h.ports, h.cache, []);
    expect(results.filter((r) => r.outcome === 'done')).toHaveLength(12);
    expect(h.rounds).toEqual([12, 4]);
    expect(sizes).toEqual([5, 5, 1, 1]); // batched in order as [1, 5, 5, 1]
  });

  it("works slice by slice: a slice's pictures ride in the fetchAll of the requests queued before them", () => {
    const h = harness(ok);
    const { results, stats } = runEngine(items(250), h.cfg, h.ports, h.cache, []);
    // 20 requests of 5 SKUs a slice: the first slice's pictures (100) alone, then its requests (20) with the next
    // slice's pictures (100), those requests with the last slice's pictures (50), and the last requests (10).
    expect(h.rounds).toEqual([100, 120, 70, 10]);
    expect(results).toHaveLength(250);
    expect(stats).toMatchObject({ requests: 50, imageRequests: 250, stoppedBy: 'done' });
  });

  it('near the deadline no further slice is started: its pictures are not fetched, its SKUs stay pending', () => {
    const h = harness(ok);
    let calls = 0;
    h.ports.remainingMs = () => (++calls === 1 ? 200_000 : 21_000);
    const { results, stats } = runEngine(items(250), h.cfg, h.ports, h.cache, []);
    // The fetched slice's first round still goes (fetched pictures are always sent); no slice after it.
    expect(h.rounds).toEqual([100, 20]);
    expect(results).toHaveLength(100);
    expect(stats).toMatchObject({ imageRequests: 100, stoppedBy: 'deadline' });
  });

  it('a chunk whose pictures are slow still makes progress: slices follow the measured pace, every picture is sent', () => {
    // 400 ms a picture: one full slice (400 pictures) would take 160 s, more than the chunk's 150 s.
    const h = harness(ok, { batchSize: 20, maxParallel: 100 }, {}, 400);
    h.ports.remainingMs = () => 150_000 - (h.ports.now() - h.started);
    const { results, stats } = runEngine(items(2000), h.cfg, h.ports, h.cache, []);
    expect(results.length).toBeGreaterThanOrEqual(100);
    expect(stats.stoppedBy).toBe('deadline');
    // Nothing fetched and left unsent: every picture fetched went to the model once.
    expect(Object.keys(h.gets).sort()).toEqual(Object.keys(h.asked).sort());
    expect(Object.values(h.asked).every((c) => c === 1)).toBe(true);
    expect(results.map((r) => r.sku).sort()).toEqual(Object.keys(h.asked).sort());
    // Within the chunk's budget, and the pace measured for the next chunk.
    expect(h.ports.now() - h.started).toBeLessThanOrEqual(150_000);
    expect(stats.pace.pictureMs).toBeGreaterThanOrEqual(400);
  });

  it("a job's first slice, its pace not measured yet, is one request's worth; what it measures sizes the next", () => {
    const h = harness(ok, {}, {}, 100);
    const { results, stats } = runEngine(items(250), h.cfg, h.ports, h.cache, [], { pace: null });
    expect(h.rounds.slice(0, 3)).toEqual([5, 101, 120]);
    expect(results).toHaveLength(250);
    expect(stats.pace.pictureMs).toBeGreaterThanOrEqual(100);
  });

  it('a chunk killed mid-round leaves nothing to fetch or ask twice: answers and pictures are held', () => {
    const hold = memoryHold();
    let h = harness(
      (skus, _r, n) => {
        if (n === 3) throw new Error('Exceeded maximum execution time');
        return ok(skus);
      },
      { batchSize: 5, maxParallel: 2 },
    );
    // Round 1 (S0…S9) is answered; the execution dies in round 2 (S10…S19).
    expect(() => runEngine(items(20), h.cfg, h.ports, h.cache, [], { hold })).toThrow('Exceeded maximum execution time');
    const firstGets = { ...h.gets };
    const firstAsked = { ...h.asked };
    const store = h.store;
    const payloads: string[] = [];
    h = harness((skus, r) => (payloads.push(r.payload!), ok(skus)), { batchSize: 5, maxParallel: 2 });
    Object.assign(h.store, store);
    const { results, stats } = runEngine(items(20), h.cfg, h.ports, h.cache, [], { hold });
    expect(results).toHaveLength(20);
    expect(results.every((r) => r.outcome === 'done')).toBe(true);
    expect(Object.keys(firstGets)).toHaveLength(20);
    expect(h.gets).toEqual({}); // no picture fetched again
    expect(stats).toMatchObject({ imageRequests: 0, heldPictures: 10, cacheHits: 10 });
    for (let i = 0; i < 10; i++) expect([firstAsked[`S${i}`], h.asked[`S${i}`]]).toEqual([1, undefined]);
    for (let i = 10; i < 20; i++) expect(h.asked[`S${i}`]).toBe(1); // in flight at the kill: asked again, once
    // The model saw the held pictures themselves; once answered, the hold lets go of them.
    for (let i = 10; i < 20; i++) expect(payloads.join('')).toContain(`"data":"IMGS${i}"`);
    expect(Object.values(hold.held).every((x) => !x.data)).toBe(true);
  });

  it('answers identical inputs from the cache on the next run', () => {
    const h = harness(ok);
    runEngine(items(5), h.cfg, h.ports, h.cache, []);
    const again = runEngine(items(5), h.cfg, h.ports, h.cache, []);
    expect(again.stats.requests).toBe(0);
    expect(again.stats.cacheHits).toBe(5);
    expect(h.calls()).toBe(1);
  });

  it("retries 429 after the server's retryDelay and 500 with backoff", () => {
    const sentAt: Record<string, number[]> = {};
    let h: ReturnType<typeof harness> = null!;
    h = harness(
      (skus, _r, n) => (
        (sentAt[skus[0]] ??= []).push(h.ports.now()),
        n === 1
          ? {
              code: 429,
              body: JSON.stringify({
                error: {
                  code: 429,
                  status: 'RESOURCE_EXHAUSTED',
                  message: 'q',
                  details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }],
                },
              }),
            }
          : n === 2
            ? { code: 500, body: '{"error":{"code":500,"status":"INTERNAL","message":"x"}}' }
            : ok(skus)
      ),
    );
    const { results, stats } = runEngine(items(10), h.cfg, h.ports, h.cache, []);
    expect(results.every((r) => r.outcome === 'done')).toBe(true);
    expect(stats.retries).toBe(2);
    // The 429'd batch (S0…S4) goes again only after its 9 s retryDelay.
    expect(sentAt.S0).toHaveLength(2);
    expect(sentAt.S0[1] - sentAt.S0[0]).toBeGreaterThanOrEqual(9000);
  });

  it('stops the job on 403/404 (key, model) but never retries them', () => {
    const h = harness(() => ({
      code: 404,
      body: '{"error":{"code":404,"status":"NOT_FOUND","message":"models/m is not found"}}',
    }));
    expect(() => runEngine(items(3), h.cfg, h.ports, h.cache, [])).toThrow(/Model Gemini "m" tidak ditemukan/);
    expect(h.calls()).toBe(1);
    const k = harness(() => ({
      code: 400,
      body: '{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"API key not valid. Please pass a valid API key."}}',
    }));
    expect(() => runEngine(items(3), k.cfg, k.ports, k.cache, [])).toThrow(/kunci API/);
  });

  it('rejects invalid JSON and strangers, retries, then marks the rows as errors', () => {
    const h = harness(() => ({
      code: 200,
      body: JSON.stringify({
        candidates: [{ content: { parts: [{ text: '[{"sku":"ZZ","keywords":["a"]}]' }] }, finishReason: 'STOP' }],
      }),
    }));
    const { results } = runEngine(items(2), h.cfg, h.ports, h.cache, []);
    // Twice as a batch, then each SKU alone until it has been rejected three times in all.
    expect(h.calls()).toBe(6);
    expect(results.map((r) => r.outcome)).toEqual(['error', 'error']);
    expect(results[0].reason).toMatch(/tidak ditanyakan/);
  });

  it('isolates a SKU whose answers keep being rejected, so its batch-mates are still tagged', () => {
    const h = harness((skus) =>
      skus.includes('S3')
        ? {
            code: 200,
            body: JSON.stringify({ candidates: [{ content: { parts: [{ text: '[{"sku":' }] }, finishReason: 'STOP' }] }),
          }
        : ok(skus),
    );
    const { results } = runEngine(items(5), h.cfg, h.ports, h.cache, []);
    const by = Object.fromEntries(results.map((r) => [r.sku, r.outcome]));
    expect(by).toEqual({ S0: 'done', S1: 'done', S2: 'done', S3: 'error', S4: 'done' });
  });

  it('isolates a safety block to the one SKU the model refuses', () => {
    const h = harness((skus) =>
      skus.includes('S2') ? { code: 200, body: '{"candidates":[{"finishReason":"SAFETY"}]}' } : ok(skus),
    );
    const { results } = runEngine(items(5), h.cfg, h.ports, h.cache, []);
    const by = Object.fromEntries(results.map((r) => [r.sku, r.outcome]));
    expect(by).toEqual({ S0: 'done', S1: 'done', S2: 'blocked', S3: 'done', S4: 'done' });
  });

  it('tags from text and marks "no image" when the picture cannot be fetched', () => {
    const h = harness(ok, {}, { S1: 404 });
    const { results } = runEngine(items(3), h.cfg, h.ports, h.cache, []);
    expect(results.find((r) => r.sku === 'S1')).toMatchObject({ outcome: 'no_image', raw: ['kata S1'] });
  });

  it('keeps to the requests-per-minute limit by waiting for the window', () => {
    const h = harness(ok, { rpm: 2, batchSize: 1 });
    const win: number[] = [];
    const { results } = runEngine(items(5), h.cfg, h.ports, h.cache, win);
    expect(results).toHaveLength(5);
    expect(h.rounds.slice(1)).toEqual([2, 2, 1]);
    expect(h.sleeps.filter((s) => s > 50_000).length).toBe(2);
  });

  /** An answer that charges what Google would: the prompt every request carries and 20 tokens a SKU. */
  const FIXED = fixedPromptTokens([], 'm');
  const charged = (skus: string[]) => {
    const a = ok(skus);
    return { ...a, body: a.body.replace('"promptTokenCount":100', `"promptTokenCount":${FIXED + 20 * skus.length}`) };
  };

  it("keeps to its share of the minute's input tokens, learning a SKU's tokens from the answers", () => {
    // A 5-SKU request takes the fixed prompt and 100 tokens. Before anything is answered a SKU is expected to take
    // 1,200 (the high side), so the first request goes alone; once answered the minute holds what it took, so two
    // more fit a minute of three such requests and a bit, and the last waits for the first to leave it.
    const h = harness(charged, { tpm: 3 * (FIXED + 100) + 50 });
    const tokens: Array<[number, number]> = [];
    const { results, stats } = runEngine(items(20), h.cfg, h.ports, h.cache, [], { tokens });
    expect(results).toHaveLength(20);
    expect(h.rounds.slice(1)).toEqual([1, 2, 1]);
    expect(h.sleeps.filter((s) => s > 50_000)).toHaveLength(1);
    expect(stats.pace.tokensPerSku).toBe(20);
    // The window the job keeps: what each answered request took, when it went (the first one's minute has passed).
    expect(tokens.map(([, n]) => n)).toEqual([FIXED + 100, FIXED + 100, FIXED + 100]);
  });

  it("expects a request of one SKU to carry the whole prompt, not a SKU's share of a full one", () => {
    // S5 goes alone and is refused: the minute keeps what it was expected to take, the prompt and one SKU's 20.
    const refused = {
      code: 400,
      body: '{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}}',
    };
    const h = harness((skus) => (skus.includes('S5') ? refused : charged(skus)), { tpm: 100_000 });
    const tokens: Array<[number, number]> = [];
    const { results } = runEngine(items(6), h.cfg, h.ports, h.cache, [], { tokens });
    expect(results.find((r) => r.sku === 'S5')?.outcome).toBe('error');
    expect(tokens.map(([, n]) => n)).toEqual([FIXED + 100, FIXED + 20]);
  });

  it('stops cleanly when the daily budget is spent, leaving the rest untouched', () => {
    let spent = false;
    const h = harness(
      (skus) => {
        spent = true;
        return ok(skus);
      },
      { batchSize: 1, maxParallel: 2, budgetSpent: () => spent },
    );
    const { results, stats } = runEngine(items(5), h.cfg, h.ports, h.cache, []);
    expect(results).toHaveLength(2);
    expect(stats.stoppedBy).toBe('budget');
  });
});

describe('runEngine with a model that fetches picture URLs (Gemini 2.5+)', () => {
  const https = (n: number) => items(n).map((it) => ({ ...it, imageUrl: it.imageUrl.replace('http:', 'https:') }));
  /** The pictures of a request: fileData URIs and inline data, by part. */
  const pictures = (payload: string) =>
    (JSON.parse(payload).contents[0].parts as Array<Record<string, { fileUri?: string; data?: string }>>)
      .map((p) => p.fileData?.fileUri ?? (p.inlineData ? `inline:${p.inlineData.data}` : ''))
      .filter(Boolean);
  const refusal = (uri: string) => ({
    code: 400,
    body: JSON.stringify({
      error: { code: 400, message: `Invalid or unsupported file uri: ${uri}`, status: 'INVALID_ARGUMENT' },
    }),
  });

  it('sends https pictures as fileData URLs and downloads none', () => {
    const sent: string[] = [];
    const h = harness((skus, r) => (sent.push(r.payload!), ok(skus)), { urlMode: true });
    const { results, stats } = runEngine(https(12), h.cfg, h.ports, h.cache, []);
    expect(h.gets).toEqual({});
    expect(results.map((r) => [r.sku, r.outcome]).sort()).toEqual(
      https(12)
        .map((it) => [it.sku, 'done'])
        .sort(),
    );
    expect(sent.flatMap(pictures).sort()).toEqual(
      https(12)
        .map((it) => it.imageUrl)
        .sort(),
    );
    expect(sent[0]).toContain('"fileData":{"mimeType":"image/png","fileUri":"https://img/S0.png"}');
    expect(stats).toMatchObject({ imageRequests: 0, urlPictures: 12, urlFallbacks: 0 });
  });

  it('downloads http pictures, and every picture when the model does not take URLs', () => {
    const mixed = https(6).map((it, i) => (i % 3 === 0 ? { ...it, imageUrl: it.imageUrl.replace('https:', 'http:') } : it));
    const h = harness(ok, { urlMode: true });
    const a = runEngine(mixed, h.cfg, h.ports, h.cache, []);
    expect(Object.keys(h.gets).sort()).toEqual(['S0', 'S3']);
    expect(a.stats).toMatchObject({ imageRequests: 2, urlPictures: 4 });
    const h2 = harness(ok, { urlMode: false });
    const b = runEngine(https(6), h2.cfg, h2.ports, h2.cache, []);
    expect(Object.keys(h2.gets)).toHaveLength(6);
    expect(b.stats).toMatchObject({ imageRequests: 6, urlPictures: 0 });
  });

  it('a request Google refuses for one URL: that SKU goes inline, the rest by URL again; each SKU tagged once, none failed', () => {
    const sent: string[][] = [];
    const refused = new Set<string>();
    const h = harness(
      (skus, r) => {
        const pics = pictures(r.payload!);
        sent.push(pics);
        return pics.includes('https://img/S3.png') ? refusal('https://img/S3.png') : ok(skus);
      },
      { urlMode: true },
    );
    const { results, stats } = runEngine(https(10), h.cfg, h.ports, h.cache, [], { urlRefused: refused });
    expect(results.map((r) => r.sku).sort()).toEqual(
      https(10)
        .map((it) => it.sku)
        .sort(),
    );
    expect(results.every((r) => r.outcome === 'done' && r.raw[0] === `kata ${r.sku}`)).toBe(true);
    expect(h.gets).toEqual({ S3: 1 });
    // S3 went inline once, never by URL again; its batch-mates went by URL again.
    expect(sent.flat().filter((p) => p === 'inline:IMGS3')).toHaveLength(1);
    expect(sent.flat().filter((p) => p === 'https://img/S3.png')).toHaveLength(1);
    for (const s of ['S0', 'S1', 'S2', 'S4']) expect(sent.flat().filter((p) => p === `https://img/${s}.png`)).toHaveLength(2);
    expect(stats).toMatchObject({ urlFallbacks: 1, imageRequests: 1, retries: 0 });
    expect([...refused]).toEqual(['S3']);
    // A later chunk of the job downloads S3 at once, without asking Google to fetch its URL.
    const h2 = harness((skus, r) => (sent.push(pictures(r.payload!)), ok(skus)), { urlMode: true });
    sent.length = 0;
    runEngine(https(10).slice(3, 4), h2.cfg, h2.ports, h2.cache, [], { urlRefused: refused });
    expect(sent).toEqual([['inline:IMGS3']]);
  });

  it("a refused request's rest goes again as one request: a second dead link costs one more quick refusal", () => {
    const sent: string[][] = [];
    const dead = ['https://img/S3.png', 'https://img/S8.png'];
    const h = harness(
      (skus, r) => {
        const pics = pictures(r.payload!);
        sent.push(pics);
        const bad = pics.find((u) => dead.includes(u));
        return bad ? refusal(bad) : ok(skus);
      },
      { urlMode: true, batchSize: 10 },
      { S3: 404, S8: 404 },
    );
    const { results, stats } = runEngine(https(10), h.cfg, h.ports, h.cache, []);
    expect(results).toHaveLength(10);
    expect(
      results
        .filter((r) => r.outcome === 'no_image')
        .map((r) => r.sku)
        .sort(),
    ).toEqual(['S3', 'S8']);
    // 10 refused (S3) → the other 9 together, refused (S8) → the other 8 answered; S3 and S8 downloaded (404) and
    // asked about without a picture. Never two requests for what one can carry.
    expect(sent.map((x) => x.length)).toEqual([10, 9, 8, 0, 0]);
    expect(stats.urlFallbacks).toBe(2);
  });

  it('a slice counts only the pictures it downloads: a chunk of linked pictures goes in one round, not one a slice', () => {
    // 1,000 SKUs, one in 20 with an http picture (downloaded); a slow measured pace (250 ms a picture, 20 s a round).
    const mixed = https(1000).map((it, i) => (i % 20 ? it : { ...it, imageUrl: it.imageUrl.replace('https:', 'http:') }));
    const h = harness((skus) => ok(skus), { urlMode: true, batchSize: 20, maxParallel: 100, rpm: 1000 });
    const { results } = runEngine(mixed, h.cfg, h.ports, h.cache, [], { pace: { pictureMs: 250, roundMs: 20_000 } });
    expect(results).toHaveLength(1000);
    // Counting every SKU, 250 ms each would fit 460 of them a slice (three rounds of requests); counting the 50
    // downloads, the chunk is one slice: its downloads alone, then its 50 requests in one round.
    expect(h.rounds).toEqual([50, 50]);
    expect(Object.keys(h.gets)).toHaveLength(50);
  });

  it("with pictures as URLs a job's first chunk sends no one-request probe: its pace sizes only downloads", () => {
    const mixed = https(200).map((it, i) => (i % 20 ? it : { ...it, imageUrl: it.imageUrl.replace('https:', 'http:') }));
    const h = harness((skus) => ok(skus), { urlMode: true, batchSize: 20, maxParallel: 100, rpm: 1000 });
    const { results } = runEngine(mixed, h.cfg, h.ports, h.cache, [], { pace: null });
    expect(results).toHaveLength(200);
    // The 10 http pictures downloaded alone, then all 10 requests in one round (not 1 request, then 9).
    expect(h.rounds).toEqual([10, 10]);
    const dl = harness((skus) => ok(skus), { urlMode: false, batchSize: 20, maxParallel: 100, rpm: 1000 });
    runEngine(mixed, dl.cfg, dl.ports, dl.cache, [], { pace: null });
    expect(dl.rounds[0]).toBe(20); // downloading, the first slice is still one request's pictures
  });

  it('with more SKUs waiting, a refused request goes again with the next chunk (keys kept, nothing hashed twice); the last chunk sends it at once', () => {
    const sent: string[][] = [];
    const refused = new Set<string>();
    const hold = memoryHold();
    const reply: Reply = (skus, r) => {
      const pics = pictures(r.payload!);
      sent.push(pics);
      return pics.includes('https://img/S3.png') ? refusal('https://img/S3.png') : ok(skus);
    };
    const h = harness(reply, { urlMode: true, moreWaiting: true });
    const first = runEngine(https(10), h.cfg, h.ports, h.cache, [], { urlRefused: refused, hold });
    // S0–S4 (with S3's dead link) were refused; S5–S9 answered. Nothing was sent again in this chunk.
    expect(first.results.map((r) => r.sku).sort()).toEqual(['S5', 'S6', 'S7', 'S8', 'S9']);
    expect(first.stats.stoppedBy).toBe('deferred');
    expect(h.rounds).toEqual([2]);
    expect(h.gets).toEqual({});
    expect(first.stats.hashes).toBe(1 + 10);
    // The next chunk (the same hold and refusals, no more rows beyond it) finishes S0–S4: S3 downloaded and inline,
    // the others by URL again; their keys come from the hold, none is hashed again (only the top-search list).
    sent.length = 0;
    const h2 = harness(reply, { urlMode: true, moreWaiting: false });
    const next = runEngine(https(5), h2.cfg, h2.ports, h2.cache, [], { urlRefused: refused, hold });
    expect(next.results.map((r) => [r.sku, r.outcome]).sort()).toEqual(https(5).map((it) => [it.sku, 'done']));
    expect(next.stats).toMatchObject({ hashes: 1, stoppedBy: 'done' });
    expect(h2.gets).toEqual({ S3: 1 });
    expect(sent.flat().sort()).toEqual([
      'https://img/S0.png',
      'https://img/S1.png',
      'https://img/S2.png',
      'https://img/S4.png',
      'inline:IMGS3',
    ]);
    // Their answers were cached under the keys of the first chunk: asking again would find them.
    expect(Object.keys(h2.store).sort()).toEqual(
      Object.values(hold.held)
        .map((x) => x.key)
        .filter((k) => /S[0-4]\.png/.test(k))
        .sort(),
    );
  });

  it('with more SKUs waiting, a chunk that answered nothing still retries (its retry limit ends what cannot succeed)', () => {
    const h = harness(() => ({ code: 500, body: '{"error":{"code":500,"message":"x","status":"INTERNAL"}}' }), {
      urlMode: true,
      moreWaiting: true,
    });
    const { results, stats } = runEngine(https(5), h.cfg, h.ports, h.cache, []);
    expect(stats.stoppedBy).toBe('done');
    expect(results.every((r) => r.outcome === 'error')).toBe(true);
    expect(h.calls()).toBe(7);
  });

  it('a refusal that names no URL of the request downloads all its URL pictures; a picture that is 404 leaves its SKU without one', () => {
    let n = 0;
    const h = harness((skus) => (++n === 1 ? refusal('') : ok(skus)), { urlMode: true }, { S2: 404 });
    const { results, stats } = runEngine(https(5), h.cfg, h.ports, h.cache, []);
    expect(Object.keys(h.gets).sort()).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(results).toHaveLength(5);
    expect(results.find((r) => r.sku === 'S2')).toMatchObject({ outcome: 'no_image', raw: ['kata S2'] });
    expect(results.filter((r) => r.outcome === 'done')).toHaveLength(4);
    expect(stats).toMatchObject({ urlFallbacks: 5, requests: 2 });
  });
});
