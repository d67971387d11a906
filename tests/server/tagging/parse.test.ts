// Reading Gemini answers: valid JSON for the SKUs asked, safety blocks, malformed text, strangers, missing SKUs.
import { parseAnswer } from '../../../src/server/tagging/parse';
import { batchItems } from '../../../src/server/tagging/batch';
import { buildRequest, ITEMS_MARKER, requestPayload, RESPONSE_SCHEMA } from '../../../src/server/tagging/prompt';
import { backoffMs, classify, parseRetryDelay } from '../../../src/server/tagging/backoff';

const answer = (text: string, finishReason = 'STOP') =>
  JSON.stringify({
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason }],
    usageMetadata: { promptTokenCount: 120, candidatesTokenCount: 30, totalTokenCount: 150 },
  });

describe('parseAnswer', () => {
  it('reads keywords per SKU and the token use', () => {
    const a = parseAnswer(
      answer(
        JSON.stringify([
          { sku: 'A1', keywords: ['rak bumbu'] },
          { sku: 'B2', keywords: ['botol'] },
        ]),
      ),
      ['A1', 'B2'],
    );
    expect(a).toEqual({
      kind: 'ok',
      keywords: { A1: ['rak bumbu'], B2: ['botol'] },
      missing: [],
      usage: { promptTokens: 120, outputTokens: 30 },
    });
  });
  it('accepts text split over several parts and an {items:[...]} wrapper', () => {
    const body = JSON.stringify({
      candidates: [
        { content: { parts: [{ text: '{"items":[{"sku":"A1",' }, { text: '"keywords":["x"]}]}' }] }, finishReason: 'STOP' },
      ],
    });
    expect(parseAnswer(body, ['A1'])).toMatchObject({ kind: 'ok', keywords: { A1: ['x'] } });
  });
  it('lists SKUs the model left out', () => {
    expect(parseAnswer(answer('[{"sku":"A1","keywords":[]}]'), ['A1', 'B2'])).toMatchObject({ kind: 'ok', missing: ['B2'] });
  });
  it('rejects an answer naming a SKU it was not asked about', () => {
    expect(parseAnswer(answer('[{"sku":"ZZZ","keywords":["a"]}]'), ['A1'])).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('ZZZ'),
    });
  });
  it('rejects text that is not valid JSON, and keywords that are not strings', () => {
    expect(parseAnswer(answer('[{"sku":"A1", "keywords": ["a",'), ['A1'])).toMatchObject({ kind: 'invalid' });
    expect(parseAnswer(answer('[{"sku":"A1","keywords":[1,2]}]'), ['A1'])).toMatchObject({ kind: 'invalid' });
    expect(parseAnswer('<html>oops</html>', ['A1'])).toMatchObject({ kind: 'invalid', reason: 'jawaban HTTP bukan JSON' });
    expect(parseAnswer(answer('"just text"'), ['A1'])).toMatchObject({ kind: 'invalid' });
  });
  it('recognises safety blocks in finishReason and promptFeedback', () => {
    expect(parseAnswer(answer('', 'SAFETY'), ['A1'])).toMatchObject({ kind: 'blocked', reason: 'SAFETY' });
    expect(parseAnswer(JSON.stringify({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } }), ['A1'])).toMatchObject({
      kind: 'blocked',
      reason: 'PROHIBITED_CONTENT',
    });
  });
});

describe('request building and batching', () => {
  const item = (i: number, img = 1000) => ({
    sku: `S${i}`,
    name: `Produk ${i}`,
    category: 'Dapur',
    image: img ? { mimeType: 'image/png', data: 'A'.repeat(img) } : null,
  });
  it('puts the product list, images with their SKU and the schema in the request', () => {
    const r = buildRequest([item(1), item(2, 0)], ['rak bumbu'], 'gemini-2.5-flash');
    const parts = r.contents[0].parts;
    const head = (parts[0] as { text: string }).text;
    expect(head).toContain('rak bumbu');
    const list = JSON.parse(head.slice(head.indexOf(ITEMS_MARKER) + ITEMS_MARKER.length));
    expect(list).toEqual([
      { sku: 'S1', nama: 'Produk 1', kategori: 'Dapur', gambar: 1 },
      { sku: 'S2', nama: 'Produk 2', kategori: 'Dapur', gambar: null },
    ]);
    expect(parts[1]).toEqual({ text: 'Gambar 1 untuk SKU S1:' });
    expect(parts[2]).toEqual({ inlineData: { mimeType: 'image/png', data: 'A'.repeat(1000) } });
    expect(parts).toHaveLength(3);
    expect(r.generationConfig).toMatchObject({ responseMimeType: 'application/json', responseSchema: RESPONSE_SCHEMA });
    expect(r.systemInstruction.parts[0].text).toMatch(/intensi pencarian pembeli/);
  });
  it('keeps thinking as low as each model allows, with room in maxOutputTokens for what is left', () => {
    const config = (model: string) => buildRequest([item(1, 0)], [], model).generationConfig;
    expect(config('gemini-2.5-flash')).toMatchObject({ maxOutputTokens: 352, thinkingConfig: { thinkingBudget: 0 } });
    expect(config('gemini-2.5-flash-lite-preview-06-17').thinkingConfig).toEqual({ thinkingBudget: 0 });
    expect(config('gemini-2.5-pro')).toMatchObject({ maxOutputTokens: 352 + 128, thinkingConfig: { thinkingBudget: 128 } });
    expect(config('gemini-3-flash-preview').thinkingConfig).toEqual({ thinkingLevel: 'MINIMAL' });
    expect(config('gemini-3.1-pro-preview').thinkingConfig).toEqual({ thinkingLevel: 'LOW' });
    // Older models refuse thinkingConfig; an alias may be either kind: none is sent, and room is left for thinking.
    expect(config('gemini-2.0-flash')).toEqual(expect.not.objectContaining({ thinkingConfig: expect.anything() }));
    expect(config('gemini-flash-latest')).toMatchObject({ maxOutputTokens: 352 + 8192 });
    expect('thinkingConfig' in config('gemini-flash-latest')).toBe(false);
  });
  it('counts thinking tokens as output (Google bills them as output)', () => {
    const body = JSON.stringify({
      candidates: [{ content: { parts: [{ text: '[{"sku":"A","keywords":["rak"]}]' }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 12, thoughtsTokenCount: 128, totalTokenCount: 240 },
    });
    expect(parseAnswer(body, ['A']).usage).toEqual({ promptTokens: 100, outputTokens: 140 });
  });
  it('writes the request JSON with the pictures put in as they are: the same text JSON.stringify gives', () => {
    const hostile = { sku: 'S"9', name: 'Rak "dinding"\\ \u0000 \u2028 "data":"', category: '</script>', image: null };
    const pic = { ...item(3), image: { mimeType: 'image/jpeg', data: 'AbC+/9==' } };
    const odd = { ...item(4), image: { mimeType: 'image/png', data: 'not "base64"' } };
    const items = [item(1), hostile, pic, item(2, 0), odd];
    const text = requestPayload(items, ['rak "bumbu"'], 'gemini-2.5-flash');
    expect(text).toBe(JSON.stringify(buildRequest(items, ['rak "bumbu"'], 'gemini-2.5-flash')));
    expect(JSON.parse(text).contents[0].parts[6]).toEqual({ inlineData: { mimeType: 'image/png', data: 'not "base64"' } });
  });
  it('bounds batches by item count and by request bytes', () => {
    const items = Array.from({ length: 25 }, (_, i) => item(i));
    expect(batchItems(items, { maxItems: 10, maxBytes: 1e9 }).map((b) => b.length)).toEqual([10, 10, 5]);
    const big = Array.from({ length: 6 }, (_, i) => item(i, 40_000));
    const batches = batchItems(big, { maxItems: 10, maxBytes: 100_000 });
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
    for (const b of batches) expect(JSON.stringify(buildRequest(b, [], 'gemini-2.5-flash')).length).toBeLessThan(100_000);
    expect(batchItems([item(1, 500_000)], { maxItems: 10, maxBytes: 100_000 })).toHaveLength(1);
  });
});

describe('retry decisions', () => {
  const err429 = JSON.stringify({
    error: {
      code: 429,
      status: 'RESOURCE_EXHAUSTED',
      message: 'quota',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
    },
  });
  it('honours the server retryDelay on 429', () => {
    expect(classify(429, err429, 1)).toEqual({ kind: 'retry', delayMs: 7000, reason: '429 RESOURCE_EXHAUSTED' });
  });
  it('backs off exponentially on 5xx without a delay', () => {
    const a = classify(500, '{"error":{"code":500,"status":"INTERNAL","message":"x"}}', 1, 3);
    const b = classify(503, '', 3, 3);
    expect(a.kind).toBe('retry');
    expect(b.kind === 'retry' && a.kind === 'retry' && b.delayMs > a.delayMs).toBe(true);
    expect(backoffMs(10)).toBeLessThanOrEqual(45_000);
  });
  it('retries a request that got no answer at all (code 0) like a 503', () => {
    expect(classify(0, 'connect ECONNREFUSED', 1).kind).toBe('retry');
  });
  it('never retries 400/403/404', () => {
    for (const c of [400, 403, 404])
      expect(classify(c, '{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad"}}', 1).kind).toBe('fatal');
  });
  it('reads retryDelay strings', () => {
    expect(parseRetryDelay('1.5s')).toBe(1500);
    expect(parseRetryDelay('soon')).toBeNull();
  });
});
