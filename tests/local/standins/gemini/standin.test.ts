// The Gemini stand-in speaks Google's generateContent wire format (checked through the official @google/genai SDK)
// and answers from what it is sent, image bytes included. Reference: ai.google.dev/api/generate-content.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { startGeminiStandin, GeminiStandin, imageWord, productPng, DEFAULT_KEY } from '../../../../src/local/standins/gemini';
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

describe('Gemini stand-in: wire format', () => {
  it('answers generateContent with candidates, finishReason and usageMetadata, keywords per SKU asked', async () => {
    const r = await post('gemini-2.5-flash', buildRequest([item('A1'), item('B2', false)], ['rak bumbu dinding']));
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
      const body = buildRequest([{ ...item('A1'), image: { mimeType: 'image/png', data: img.toString('base64') } }], []);
      return parseAnswer(await (await post('gemini-2.5-flash', body)).text(), ['A1']);
    };
    const p1 = productPng('ONE');
    const p2 = productPng('TWO-xyz');
    const a1 = await text(p1);
    expect(a1.kind === 'ok' && a1.keywords.A1).toContain(`rak ${imageWord(p1)}`);
    const a2 = await text(p2);
    expect(a2.kind === 'ok' && a2.keywords.A1).toContain(`rak ${imageWord(p2)}`);
    const none = parseAnswer(await (await post('gemini-2.5-flash', buildRequest([item('A1', false)], []))).text(), ['A1']);
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
    const body = buildRequest([item('A1')], []);
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
    const body = buildRequest([item('A1')], []);
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
    await Promise.all(Array.from({ length: 20 }, () => post('gemini-2.5-flash', buildRequest([item('A1', false)], []))));
    const took = Date.now() - t0;
    expect(took).toBeGreaterThan(100);
    expect(took).toBeLessThan(3000);
    expect(s.stats().maxInFlight).toBeGreaterThan(5);
  });

  it('serves deterministic PNG product pictures, and 404 for products without one', async () => {
    const r = await fetch(`${s.url}/images/SKU-1.png`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const buf = Buffer.from(await r.arrayBuffer());
    expect(buf.subarray(1, 4).toString()).toBe('PNG');
    expect(createHash('sha256').update(buf).digest('hex')).toBe(createHash('sha256').update(productPng('SKU-1')).digest('hex'));
    // IDAT inflates to 48 rows of 1 + 48*3 bytes.
    const idatLen = buf.readUInt32BE(33);
    expect(inflateSync(buf.subarray(41, 41 + idatLen)).length).toBe(48 * (1 + 48 * 3));
    expect((await fetch(`${s.url}/images/NOIMG-7.png`)).status).toBe(404);
  });
});

describe("Gemini stand-in through Google's official SDK (@google/genai)", () => {
  // Async: the stand-in answers from this very process, so its event loop must keep running.
  const sdk = async (key: string, model: string, mode: 'tag' | 'plain') => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'sdk-client.ts'), s.url, key, model, mode],
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
