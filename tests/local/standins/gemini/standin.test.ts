// The Gemini stand-in speaks Google's generateContent wire format (checked through the official @google/genai SDK)
// and answers from what it is sent, image bytes included. Reference: ai.google.dev/api/generate-content.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  startGeminiStandin,
  GeminiStandin,
  imageWord,
  productPng,
  productImage,
  productImageExtension,
  imageDimensions,
  imageTokens,
  TIERS,
  DEFAULT_KEY,
} from '../../../../src/local/standins/gemini';
import { fetchUris } from '../../../../src/local/standins/gemini/file-uri';
import { pictureTokens, type Level } from '../../../../src/local/standins/gemini/media-resolution';
import { buildRequest } from '../../../../src/server/tagging/prompt';
import { parseAnswer } from '../../../../src/server/tagging/parse';

let s: GeminiStandin;
beforeAll(async () => {
  s = await startGeminiStandin({ imageMissing: (sku) => sku.startsWith('NOIMG') });
});
afterAll(() => s.close());
beforeEach(() => {
  s.resetStats();
  s.setFaults({
    rate429: 0,
    rate500: 0,
    rateMalformed: 0,
    rateSafety: 0,
    safetySkus: [],
    malformedSkus: [],
    strangerSkus: [],
    latency: null,
  });
});

const post = (model: string, body: unknown, key: string | null = DEFAULT_KEY) =>
  fetch(`${s.url}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key !== null ? { 'x-goog-api-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const png = (sku: string) => productPng(sku).toString('base64');
const item = (sku: string, withImage = true) => ({
  sku,
  name: 'Rak Bumbu Dapur Kayu 3 Susun',
  category: 'Peralatan Dapur',
  image: withImage ? { mimeType: 'image/png', data: png(sku) } : null,
});
/** The URL of a SKU's picture at the stand-in (https unless another scheme's base is given). */
const link = (sku: string, base = s.httpsUrl) => `${base}/images/${sku}.${productImageExtension(sku)}`;
/** A product whose picture goes as a fileData URL. */
const linked = (sku: string, uri = link(sku)) => ({
  ...item(sku, false),
  image: { fileUri: uri, mimeType: uri.endsWith('.png') ? 'image/png' : 'image/jpeg' },
});

describe('Gemini stand-in: wire format', () => {
  it('answers generateContent with candidates, finishReason and usageMetadata, keywords per SKU asked', async () => {
    const r = await post(
      'gemini-2.5-flash',
      buildRequest([item('A1'), item('B2', false)], ['rak bumbu dinding'], 'gemini-2.5-flash'),
    );
    expect(r.status).toBe(200);
    const text = await r.text();
    const json = JSON.parse(text);
    expect(json.candidates[0].finishReason).toBe('STOP');
    expect(json.usageMetadata.promptTokenCount).toBeGreaterThan(258);
    const a = parseAnswer(text, ['A1', 'B2']);
    expect(a.kind).toBe('ok');
    if (a.kind !== 'ok') return;
    expect(a.keywords.A1).toContain('rak bumbu');
    expect(a.keywords.A1).toContain('rak bumbu dinding');
    expect(s.stats().inlineImages).toBe(1);
  });

  it('derives a keyword from the image bytes, so a test can prove the image was sent', async () => {
    const text = async (img: Buffer) => {
      const body = buildRequest(
        [{ ...item('A1'), image: { mimeType: 'image/png', data: img.toString('base64') } }],
        [],
        'gemini-2.5-flash',
      );
      return parseAnswer(await (await post('gemini-2.5-flash', body)).text(), ['A1']);
    };
    const p1 = productPng('ONE');
    const p2 = productPng('TWO-xyz');
    const a1 = await text(p1);
    expect(a1.kind === 'ok' && a1.keywords.A1).toContain(`rak ${imageWord(p1)}`);
    const a2 = await text(p2);
    expect(a2.kind === 'ok' && a2.keywords.A1).toContain(`rak ${imageWord(p2)}`);
    const none = parseAnswer(
      await (await post('gemini-2.5-flash', buildRequest([item('A1', false)], [], 'gemini-2.5-flash'))).text(),
      ['A1'],
    );
    expect(
      none.kind === 'ok' &&
        none.keywords.A1.some(
          (k) =>
            k.startsWith('rak ') &&
            k.split(' ').length === 2 &&
            [
              'lipat',
              'gantung',
              'dinding',
              'portabel',
              'susun',
              'serbaguna',
              'anak',
              'travel',
              'minimalis',
              'transparan',
              'tebal',
              'mini',
            ].includes(k.split(' ')[1]),
        ),
    ).toBe(false);
  });

  it('refuses a missing key (403), a wrong key (400 API_KEY_INVALID) and an unknown model (404), as Google does', async () => {
    const body = buildRequest([item('A1')], [], 'gemini-2.5-flash');
    const noKey = await post('gemini-2.5-flash', body, null);
    expect(noKey.status).toBe(403);
    expect((await noKey.json()).error.status).toBe('PERMISSION_DENIED');
    const bad = await post('gemini-2.5-flash', body, 'nope');
    expect(bad.status).toBe(400);
    const badJson = await bad.json();
    expect(badJson.error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'API key not valid. Please pass a valid API key.',
    });
    expect(badJson.error.details[0].reason).toBe('API_KEY_INVALID');
    const model = await post('gemini-9-ultra', body);
    expect(model.status).toBe(404);
    expect((await model.json()).error).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
      message: expect.stringContaining('models/gemini-9-ultra is not found'),
    });
    expect((await post('gemini-2.5-flash', '{oops')).status).toBe(400);
  });

  it('injects 429 with RetryInfo, 500, malformed JSON and safety blocks', async () => {
    const body = buildRequest([item('A1')], [], 'gemini-2.5-flash');
    s.setFaults({ rate429: 1, retryDelaySec: 3 });
    const r429 = await post('gemini-2.5-flash', body);
    expect(r429.status).toBe(429);
    const e = (await r429.json()).error;
    expect(e.status).toBe('RESOURCE_EXHAUSTED');
    expect(e.details.find((d: { '@type': string }) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo').retryDelay).toBe(
      '3s',
    );
    s.setFaults({ rate429: 0, rate500: 1 });
    expect((await post('gemini-2.5-flash', body)).status).toBe(500);
    s.setFaults({ rate500: 0, rateMalformed: 1 });
    expect(parseAnswer(await (await post('gemini-2.5-flash', body)).text(), ['A1']).kind).toBe('invalid');
    s.setFaults({ rateMalformed: 0, safetySkus: ['A1'] });
    expect(parseAnswer(await (await post('gemini-2.5-flash', body)).text(), ['A1']).kind).toBe('blocked');
    s.setFaults({ safetySkus: [], strangerSkus: ['A1'] });
    expect(parseAnswer(await (await post('gemini-2.5-flash', body)).text(), ['A1'])).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('tidak ditanyakan'),
    });
  });

  it('adds latency with the configured median', async () => {
    s.setFaults({ latency: { medianMs: 150, p95Ms: 300 } });
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 20 }, () => post('gemini-2.5-flash', buildRequest([item('A1', false)], [], 'gemini-2.5-flash'))),
    );
    const took = Date.now() - t0;
    expect(took).toBeGreaterThan(100);
    expect(took).toBeLessThan(3000);
    expect(s.stats().maxInFlight).toBeGreaterThan(5);
  });

  it('sums the time clients’ requests stay open (their lane time), leaving out its own fetches of picture URLs', async () => {
    s.setFaults({ latency: { medianMs: 200, p95Ms: 201 }, imageLatencyMs: 400 });
    try {
      /** How long the client saw the request open, to its answer's last byte. */
      const open = async (send: () => Promise<Response>) => {
        const t0 = Date.now();
        await (await send()).arrayBuffer();
        return Date.now() - t0;
      };
      // A linked picture: Gemini's 400 ms fetch of it, then the 200 ms wait; the fetch happens inside the request's
      // own time, so counting it as well would pass what the client saw by 400 ms.
      const one = await open(() => post('gemini-2.5-flash', buildRequest([linked('L1')], [], 'gemini-2.5-flash')));
      expect(s.stats().urlImages).toBe(1);
      expect(s.stats().laneMs).toBeGreaterThanOrEqual(590);
      expect(s.stats().laneMs).toBeLessThanOrEqual(one);
      // Clients' requests at once: a wait and a download, each counted.
      s.resetStats();
      const seen = await Promise.all([
        open(() => post('gemini-2.5-flash', buildRequest([item('A1', false)], [], 'gemini-2.5-flash'))),
        open(() => fetch(link('L1', s.url))), // a client's download (http: no test certificate)
      ]);
      expect(s.stats().laneMs).toBeGreaterThanOrEqual(190 + 390);
      expect(s.stats().laneMs).toBeLessThanOrEqual(seen[0] + seen[1]);
    } finally {
      s.setFaults({ imageLatencyMs: 0 });
    }
  });

  it('writes a longer answer for longer: its output tokens at the configured speed, on top of the wait', async () => {
    s.setFaults({ latency: { medianMs: 1, p95Ms: 2, outputTokensPerSec: 2000 } });
    const timed = async (n: number) => {
      const t0 = Date.now();
      const r = await post(
        'gemini-2.5-flash',
        buildRequest(
          Array.from({ length: n }, (_, i) => item(`W${i}`, false)),
          [],
          'gemini-2.5-flash',
        ),
      );
      const out = ((await r.json()) as { usageMetadata: { candidatesTokenCount: number } }).usageMetadata.candidatesTokenCount;
      return { ms: Date.now() - t0, out };
    };
    const one = await timed(1);
    const many = await timed(60);
    expect(many.out).toBeGreaterThan(20 * one.out);
    // 60 SKUs' answer: its tokens at 2,000 a second (about a second); one SKU's: a few ms.
    expect(many.ms).toBeGreaterThanOrEqual(Math.floor((many.out / 2000) * 1000) - 5);
    expect(one.ms).toBeLessThan(many.ms / 4);
  });

  it('thinks as Google does by model: 2.5 Flash unless told not to, its thoughts billed and taken from maxOutputTokens', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => item(`T${i}`, false));
    const bare = (model: string, generationConfig: Record<string, unknown>) => ({
      contents: buildRequest(ten, [], model).contents,
      generationConfig: { responseMimeType: 'application/json', ...generationConfig },
    });
    const answer = async (model: string, generationConfig: Record<string, unknown>) => {
      const r = await post(model, bare(model, generationConfig));
      return { status: r.status, body: await r.json() };
    };
    // Left to decide, 2.5 Flash thinks (300 + 60 a product here); the answer still fits Google's default maximum.
    const free = await answer('gemini-2.5-flash', {});
    expect(free.body.usageMetadata.thoughtsTokenCount).toBe(900);
    expect(free.body.candidates[0].finishReason).toBe('STOP');
    expect(free.body.usageMetadata.totalTokenCount).toBe(
      free.body.usageMetadata.promptTokenCount + free.body.usageMetadata.candidatesTokenCount + 900,
    );
    // The same room an answer needs, with thinking on: its thoughts take it, the answer is cut off (MAX_TOKENS).
    const room = free.body.usageMetadata.candidatesTokenCount + 10;
    const cut = await answer('gemini-2.5-flash', { maxOutputTokens: room });
    expect(cut.body.candidates[0].finishReason).toBe('MAX_TOKENS');
    expect(cut.body.candidates[0].content).toBeUndefined();
    const off = await answer('gemini-2.5-flash', { maxOutputTokens: room, thinkingConfig: { thinkingBudget: 0 } });
    expect(off.body.candidates[0].finishReason).toBe('STOP');
    expect(off.body.usageMetadata.thoughtsTokenCount).toBeUndefined();
    // Flash-Lite thinks only when asked; 2.5 Pro cannot stop (its least is 128); Gemini 3 takes levels.
    expect((await answer('gemini-2.5-flash-lite', {})).body.usageMetadata.thoughtsTokenCount).toBeUndefined();
    const pro = await answer('gemini-2.5-pro', { thinkingConfig: { thinkingBudget: 128 } });
    expect(pro.body.usageMetadata.thoughtsTokenCount).toBe(128);
    const refusals: Array<[string, Record<string, unknown>, string]> = [
      ['gemini-2.5-pro', { thinkingBudget: 0 }, 'Budget 0 is invalid. This model only works in thinking mode.'],
      ['gemini-2.5-flash', { thinkingLevel: 'MINIMAL' }, 'Thinking level is not supported for this model.'],
      ['gemini-2.5-flash', { thinkingBudget: 30000 }, 'The thinking budget (30000) is invalid.'],
      ['gemini-2.0-flash', { thinkingBudget: 0 }, 'thinking_config is not supported.'],
      ['gemini-3-flash-preview', { thinkingBudget: 0 }, 'Budget 0 is invalid. This model only works in thinking mode.'],
    ];
    for (const [model, thinkingConfig, message] of refusals) {
      const r = await answer(model, { thinkingConfig });
      expect([model, r.status, r.body.error?.status, r.body.error?.message]).toEqual([model, 400, 'INVALID_ARGUMENT', message]);
    }
    const minimal = await answer('gemini-3-flash-preview', { thinkingConfig: { thinkingLevel: 'MINIMAL' } });
    expect(minimal.body.usageMetadata.thoughtsTokenCount).toBeUndefined();
    expect(s.stats().thoughtsTokens).toBe(900 + room + 128);
  });

  it("DataDesk's requests think as little as each model allows, and their answers fit, one SKU or twenty", async () => {
    const models = [
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'gemini-2.5-pro',
      'gemini-3-flash-preview',
      'gemini-3-pro-preview',
    ];
    const kinds: string[] = [];
    for (const n of [1, 20]) {
      const items = Array.from({ length: n }, (_, i) => item(`D${i}`, false));
      for (const model of models) {
        const text = await (await post(model, buildRequest(items, [], model))).text();
        kinds.push(
          `${model} × ${n}: ${
            parseAnswer(
              text,
              items.map((it) => it.sku),
            ).kind
          }`,
        );
      }
    }
    expect(kinds).toEqual([1, 20].flatMap((n) => models.map((m) => `${m} × ${n}: ok`)));
    // Only 2.5 Pro's 128 and Gemini 3 Pro's LOW level are left (billed as output: parseAnswer counts them).
    expect(s.stats().thoughtsTokens).toBe(2 * 128 + Math.floor(0.25 * 360) + Math.floor(0.25 * 1500));
    const pro = parseAnswer(
      await (await post('gemini-2.5-pro', buildRequest([item('P1', false)], [], 'gemini-2.5-pro'))).text(),
      ['P1'],
    );
    expect(pro.usage.outputTokens).toBeGreaterThan(128);
  });

  it('serves product pictures of realistic size, JPEG and PNG, one per SKU; 404 for products without one', async () => {
    const skus = Array.from({ length: 12 }, (_, i) => `SKU-${i}`);
    const formats = new Set(skus.map(productImageExtension));
    expect(formats).toEqual(new Set(['jpg', 'png']));
    for (const sku of skus.slice(0, 6)) {
      const r = await fetch(`${s.url}/images/${sku}.${productImageExtension(sku)}`);
      expect(r.status).toBe(200);
      const buf = Buffer.from(await r.arrayBuffer());
      const want = productImage(sku);
      expect(r.headers.get('content-type')).toBe(want.mimeType);
      expect(createHash('sha256').update(buf).digest('hex')).toBe(createHash('sha256').update(want.bytes).digest('hex'));
      // Tens to hundreds of KB, as marketplace pictures are; each one a valid picture of its stated size.
      expect(buf.length).toBeGreaterThan(40_000);
      expect(buf.length).toBeLessThan(600_000);
      expect(imageDimensions(buf)).toEqual({ width: want.width, height: want.height });
      if (want.mimeType === 'image/jpeg') expect([buf[0], buf[1], buf[2]]).toEqual([0xff, 0xd8, 0xff]);
      else expect(buf.subarray(1, 4).toString()).toBe('PNG');
    }
    // Two SKUs never share bytes (the picture carries its SKU).
    expect(productImage('SKU-0').bytes.equals(productImage('SKU-4').bytes)).toBe(false);
    expect((await fetch(`${s.url}/images/NOIMG-7.png`)).status).toBe(404);
  });

  it('counts image tokens as the API does: 258 up to 384 px, then 258 per 768 × 768 tile', () => {
    expect(imageTokens(productPng('X', 48))).toBe(258);
    expect(imageTokens(productImage('SKU-0').bytes)).toBe(258); // 640 or 480 px: one tile
    const big = Buffer.from(productPng('X', 8)); // rewrite the IHDR size: 1600 × 800 → 3 × 2 tiles
    big.writeUInt32BE(1600, 16);
    big.writeUInt32BE(800, 20);
    expect(imageTokens(big)).toBe(6 * 258);
  });
});

describe('Gemini stand-in: the tier’s rate limits (ai.google.dev/gemini-api/docs/rate-limits)', () => {
  const retryDelay = (e: { details: Array<Record<string, unknown>> }) =>
    e.details.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo')?.retryDelay as string;

  it('answers 429 RESOURCE_EXHAUSTED with RetryInfo once the tier’s RPM is spent', async () => {
    const g = await startGeminiStandin({ tier: { ...TIERS.free, rpm: 3 } });
    try {
      const body = buildRequest([item('A1', false)], [], 'gemini-2.5-flash');
      const ask = () =>
        fetch(`${g.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-goog-api-key': DEFAULT_KEY },
          body: JSON.stringify(body),
        });
      for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
      const r = await ask();
      expect(r.status).toBe(429);
      const e = (await r.json()).error;
      expect(e).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
      expect(e.message).toMatch(/exceeded your current quota/);
      expect(retryDelay(e)).toMatch(/^([1-9]|[1-5]\d|60)s$/);
      expect(e.details[0].violations[0].quotaId).toBe('GenerateRequestsPerMinutePerProjectPerModel-FreeTier');
      expect(g.stats().rateLimited.rpm).toBe(1);
      expect(g.stats().generateRequests).toBe(4);
    } finally {
      await g.close();
    }
  });

  it('refuses a request that would pass the tier’s input tokens per minute, and one past the daily requests', async () => {
    // One three-picture request is about 1,030 input tokens (the system instruction counts too): one fits, two do not.
    const g = await startGeminiStandin({ tier: { name: 'tier1', rpm: 100, tpm: 1600, rpd: 3 } });
    try {
      const ask = (items: ReturnType<typeof item>[]) =>
        fetch(`${g.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-goog-api-key': DEFAULT_KEY },
          body: JSON.stringify(buildRequest(items, [], 'gemini-2.5-flash')),
        });
      const three = [item('A1'), item('B2'), item('C3')]; // 3 × 258 image tokens + the prompt and system instruction
      expect((await ask(three)).status).toBe(200);
      const r = await ask(three);
      expect(r.status).toBe(429);
      const e = (await r.json()).error;
      expect(e.details[0].violations[0].quotaId).toBe('GenerateContentInputTokensPerModelPerMinute');
      expect(retryDelay(e)).toMatch(/^\d+s$/);
      expect((await ask([item('D4', false)])).status).toBe(200);
      expect((await ask([item('E5', false)])).status).toBe(200);
      const day = await ask([item('F6', false)]);
      expect(day.status).toBe(429);
      expect((await day.json()).error.details[0].violations[0].quotaId).toBe('GenerateRequestsPerDayPerProjectPerModel');
      expect(g.stats().rateLimited).toEqual({ rpm: 0, tpm: 1, rpd: 1 });
    } finally {
      await g.close();
    }
  });
});

describe('Gemini stand-in: a request refused for a dead picture link, and the minute’s input tokens', () => {
  /** Three answers in a row on a fresh stand-in: one refused for a dead link, then two answered of the same size. */
  const run = async (refusedTokensCount?: boolean) => {
    // One two-product request is about 600 input tokens with its picture's tile: two fit in 1,400, three do not.
    const g = await startGeminiStandin({
      tier: { name: 'tier1', rpm: 100, tpm: 1400, rpd: 100 },
      imageMissing: (sku) => sku.startsWith('NOIMG'),
      ...(refusedTokensCount === undefined ? {} : { refusedTokensCount }),
    });
    try {
      const ask = (sku: string) =>
        fetch(`${g.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-goog-api-key': DEFAULT_KEY },
          body: JSON.stringify(
            buildRequest([linked(sku, link(sku, g.httpsUrl)), item(`${sku}-T`, false)], [], 'gemini-2.5-flash'),
          ),
        });
      const codes = [(await ask('NOIMG-1')).status, (await ask('A1')).status, (await ask('B2')).status];
      return { codes, stats: g.stats() };
    } finally {
      await g.close();
    }
  };

  it('keeps its tokens in the minute by default (the strict side), and frees them when told Gemini does', async () => {
    const strict = await run();
    expect(strict.codes).toEqual([400, 200, 429]);
    expect(strict.stats.refusedTokens).toBeGreaterThan(258);
    expect(strict.stats.rateLimited.tpm).toBe(1);
    const freed = await run(false);
    expect(freed.codes).toEqual([400, 200, 200]);
    expect(freed.stats.refusedTokens).toBe(0);
    expect(freed.stats.rateLimited.tpm).toBe(0);
  });
});

describe('Gemini stand-in: pictures as fileData URLs (Gemini 2.5 and later)', () => {
  const refused = async (r: Response, uri: string) => {
    expect(r.status).toBe(400);
    expect((await r.json()).error).toEqual({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: `Invalid or unsupported file uri: ${uri}`,
    });
  };

  it('fetches each https URL as Google does: the model sees its bytes, 258 tokens a picture, no client download counted', async () => {
    const r = await post(
      'gemini-2.5-flash',
      buildRequest([linked('U1'), linked('U2'), item('T3', false)], [], 'gemini-2.5-flash'),
    );
    expect(r.status).toBe(200);
    const text = await r.text();
    const a = parseAnswer(text, ['U1', 'U2', 'T3']);
    expect(a.kind).toBe('ok');
    if (a.kind !== 'ok') return;
    for (const sku of ['U1', 'U2']) expect(a.keywords[sku]).toContain(`rak ${imageWord(productImage(sku).bytes)}`);
    expect(s.stats()).toMatchObject({ urlImages: 2, inlineImages: 0, imageRequests: 0, urlRefusals: 0 });
    // The same pictures sent inline cost the same tokens (258 each: one tile).
    const inline = (sku: string) => ({
      ...item(sku, false),
      image: { mimeType: productImage(sku).mimeType, data: productImage(sku).bytes.toString('base64') },
    });
    const same = await post(
      'gemini-2.5-flash',
      buildRequest([inline('U1'), inline('U2'), item('T3', false)], [], 'gemini-2.5-flash'),
    );
    const tokens = (t: string) => JSON.parse(t).usageMetadata.promptTokenCount as number;
    expect(tokens(text)).toBe(tokens(await same.text()));
    expect([imageTokens(productImage('U1').bytes), imageTokens(productImage('U2').bytes)]).toEqual([258, 258]);
  });

  it('a slow picture host is slow for every client and for a 404; Google’s fetch of it takes its 300 ms once', async () => {
    s.setFaults({ imageLatencyMs: 300 });
    try {
      const timed = async (fn: () => Promise<unknown>) => {
        const t0 = Date.now();
        await fn();
        return Date.now() - t0;
      };
      expect(await timed(() => fetch(link('U1', s.url)).then((r) => r.arrayBuffer()))).toBeGreaterThanOrEqual(290);
      expect(await timed(() => fetch(`${s.url}/images/NOIMG-7.png`).then((r) => r.text()))).toBeGreaterThanOrEqual(290);
      // The fetch waited the host's 300 ms, so nothing is added on top (URL_FETCH_LATENCY_MS is a floor, not a surcharge).
      expect((await fetchUris([link('U2'), link('U3')])).extraMs).toBeLessThan(50);
    } finally {
      s.setFaults({ imageLatencyMs: 0 });
    }
    // A host that answers at once: Google's fetch still takes its 300 ms.
    expect((await fetchUris([link('U2')])).extraMs).toBeGreaterThan(250);
    expect((await fetchUris([])).extraMs).toBe(0);
  });

  it("refuses an http URL, a 2.0 model and a URL that cannot be fetched with Google's 400, the whole request failing", async () => {
    const http = link('U1', s.url);
    await refused(await post('gemini-2.5-flash', buildRequest([linked('U2'), linked('U1', http)], [], 'gemini-2.5-flash')), http);
    await refused(await post('gemini-2.0-flash', buildRequest([linked('U1')], [], 'gemini-2.0-flash')), link('U1'));
    await refused(
      await post('gemini-2.5-flash', buildRequest([linked('U1'), linked('NOIMG-9')], [], 'gemini-2.5-flash')),
      link('NOIMG-9'),
    );
    const page = `${s.httpsUrl}/v1beta/models/gemini-2.5-flash.jpg`;
    await refused(await post('gemini-2.5-flash', buildRequest([linked('U1', page)], [], 'gemini-2.5-flash')), page);
    expect(s.stats()).toMatchObject({ urlRefusals: 4, answered: {}, imageRequests: 0, images404: 0 });
    // The two refused after fetching had their tokens admitted (text and 258 a URL picture); the two refused up front none.
    expect(s.stats().refusedTokens).toBeGreaterThan(3 * 258);
    expect(s.stats().byStatus).toEqual({ '400': 4 });
  });
});

describe('Gemini stand-in: media resolution (ai.google.dev/gemini-api/docs/media-resolution)', () => {
  /** The request as JSON goes out, open to edits. */
  type Wire = { contents: Array<{ parts: Array<Record<string, unknown>> }>; generationConfig: Record<string, unknown> };
  const tokens = async (model: string, items: ReturnType<typeof item>[], edit: (b: Wire) => void = () => {}) => {
    const body = buildRequest(items, [], model) as unknown as Wire;
    edit(body);
    const r = await post(model, body);
    const json = await r.json();
    return r.status === 200 ? (json.usageMetadata.promptTokenCount as number) : (json.error.message as string);
  };
  const picture = (level: string) => (b: Wire) => {
    const part = b.contents[0].parts.find((p) => p.inlineData);
    if (part) part.mediaResolution = { level };
  };

  it('reads a picture at Gemini 3’s default HIGH, 1,120 tokens, where 2.5 counts one 258-token tile', () => {
    const small = productPng('X', 48);
    expect(pictureTokens('gemini-2.5-flash', null, small)).toBe(258);
    expect(pictureTokens('gemini-2.5-flash', null, null)).toBe(258); // a URL not fetched yet: one tile
    expect(pictureTokens('gemini-3-flash-preview', null, small)).toBe(1120);
    expect(pictureTokens('gemini-3-pro-preview', null, null)).toBe(1120);
    expect(
      ['LOW', 'MEDIUM', 'HIGH', 'ULTRA_HIGH'].map((l) => pictureTokens('gemini-3-flash-preview', l as Level, small)),
    ).toEqual([280, 560, 1120, 2240]);
    expect(['LOW', 'MEDIUM', 'HIGH'].map((l) => pictureTokens('gemini-2.5-flash', l as Level, small))).toEqual([64, 256, 256]);
  });

  it('counts the same request’s picture by model and by the resolution asked, in usageMetadata', async () => {
    const one = [item('M1')];
    // The request's text, the same for every model: 2.5's count less its one tile (the tile rule has its own test).
    const text = ((await tokens('gemini-2.5-flash', one)) as number) - 258;
    expect(text).toBeGreaterThan(200);
    expect(await tokens('gemini-3-flash-preview', one)).toBe(text + 1120);
    const low = (b: Wire) => {
      b.generationConfig.mediaResolution = 'MEDIA_RESOLUTION_LOW';
    };
    expect(await tokens('gemini-2.5-flash', one, low)).toBe(text + 64);
    expect(await tokens('gemini-3-flash-preview', one, low)).toBe(text + 280);
    expect(await tokens('gemini-3-pro-preview', one, picture('MEDIA_RESOLUTION_ULTRA_HIGH'))).toBe(text + 2240);
  });

  it('refuses a resolution the enum lacks, ULTRA_HIGH for a whole request, and per-picture levels before Gemini 3', async () => {
    const one = [item('M2')];
    expect(await tokens('gemini-2.5-flash', one, (b) => (b.generationConfig.mediaResolution = 'SHARP'))).toBe(
      "Invalid value at 'generation_config.media_resolution' " +
        '(type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.MediaResolution), "SHARP"',
    );
    expect(
      await tokens('gemini-3-flash-preview', one, (b) => (b.generationConfig.mediaResolution = 'MEDIA_RESOLUTION_ULTRA_HIGH')),
    ).toMatch(/only supported per part/);
    expect(await tokens('gemini-2.5-flash', one, picture('MEDIA_RESOLUTION_LOW'))).toMatch(/not supported for this model/);
    expect(s.stats().generateRequests).toBe(3);
    expect(s.stats().promptTokens).toBe(0);
  });

  it('admits a linked picture at its model’s allowance: a minute that takes 2.5’s request refuses Gemini 3’s', async () => {
    const status = async (model: string) => {
      const g = await startGeminiStandin({ tier: { name: 'tier1', rpm: 100, tpm: 1000, rpd: 100 } });
      try {
        const body = buildRequest([linked('M3', link('M3', g.httpsUrl))], [], model);
        const r = await fetch(`${g.url}/v1beta/models/${model}:generateContent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-goog-api-key': DEFAULT_KEY },
          body: JSON.stringify(body),
        });
        return { status: r.status, limited: g.stats().rateLimited.tpm };
      } finally {
        await g.close();
      }
    };
    expect(await status('gemini-2.5-flash')).toEqual({ status: 200, limited: 0 });
    expect(await status('gemini-3-flash-preview')).toEqual({ status: 429, limited: 1 });
  });
});

describe("Gemini stand-in through Google's official SDK (@google/genai)", () => {
  // Async: the stand-in answers from this very process, so its event loop must keep running.
  const sdk = async (key: string, model: string, mode: 'tag' | 'tag-low' | 'plain', picture?: string) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'sdk-client.ts'), s.url, key, model, mode, ...(picture ? [picture] : [])],
      { cwd: join(__dirname, '../../../..'), encoding: 'utf8', timeout: 60_000 },
    );
    return JSON.parse(stdout) as {
      ok: boolean;
      text?: string;
      finishReason?: string;
      usage?: { promptTokenCount?: number };
      status?: number | null;
      message?: string;
    };
  };

  it('generateContent with inline image, system instruction and a response schema parses', async () => {
    const r = await sdk(DEFAULT_KEY, 'gemini-2.5-flash', 'tag');
    expect(r.ok).toBe(true);
    expect(r.finishReason).toBe('STOP');
    expect(r.usage?.promptTokenCount).toBeGreaterThan(258);
    const rows = JSON.parse(r.text ?? '') as Array<{ sku: string; keywords: string[] }>;
    expect(rows[0].sku).toBe('SDK-1');
    expect(rows[0].keywords).toContain(`rak ${imageWord(productPng('SDK-1'))}`);
    expect(s.stats().inlineImages).toBe(1);
    // DataDesk's thinkingConfig goes through the SDK as the stand-in reads it: 2.5 Flash's off, Gemini 3 Pro's LOW.
    expect(s.stats().thoughtsTokens).toBe(0);
    expect(await sdk(DEFAULT_KEY, 'gemini-3-pro-preview', 'tag')).toMatchObject({ ok: true, finishReason: 'STOP' });
    expect(s.stats().thoughtsTokens).toBe(Math.floor(0.25 * 360));
    // The SDK's mediaResolution reaches the stand-in under the wire name it reads: Gemini 3 Flash's picture at LOW.
    const [high, low] = await Promise.all([
      sdk(DEFAULT_KEY, 'gemini-3-flash-preview', 'tag'),
      sdk(DEFAULT_KEY, 'gemini-3-flash-preview', 'tag-low'),
    ]);
    expect((high.usage?.promptTokenCount ?? 0) - (low.usage?.promptTokenCount ?? 0)).toBe(1120 - 280);
  }, 60_000);

  it('generateContent with a fileData picture URL: the stand-in fetches it and the model sees its bytes', async () => {
    const picture = `${s.httpsUrl}/images/SDK-1.${productImageExtension('SDK-1')}`;
    const r = await sdk(DEFAULT_KEY, 'gemini-2.5-flash', 'tag', picture);
    expect(r.ok).toBe(true);
    const rows = JSON.parse(r.text ?? '') as Array<{ sku: string; keywords: string[] }>;
    expect(rows[0].keywords).toContain(`rak ${imageWord(productImage('SDK-1').bytes)}`);
    expect(s.stats()).toMatchObject({ urlImages: 1, inlineImages: 0, imageRequests: 0 });
  }, 60_000);

  it("surfaces the stand-in's errors as the SDK's ApiError with Google's status", async () => {
    const [badKey, badModel, ok] = await Promise.all([
      sdk('wrong', 'gemini-2.5-flash', 'plain'),
      sdk(DEFAULT_KEY, 'gemini-nope', 'plain'),
      sdk(DEFAULT_KEY, 'gemini-2.5-flash', 'plain'),
    ]);
    expect(badKey).toMatchObject({
      ok: false,
      name: 'ApiError',
      status: 400,
      message: expect.stringContaining('API key not valid'),
    });
    expect(badModel).toMatchObject({ ok: false, name: 'ApiError', status: 404 });
    expect(ok).toMatchObject({ ok: true });
  }, 60_000);
});
