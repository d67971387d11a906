// biome-ignore-all lint/suspicious/noExplicitAny: the stand-in answers are read field by field as JSON
// The Xendit stand-in speaks the Invoice API's wire format (developers.xendit.co/api-reference/#create-invoice;
// github.com/xendit/xendit-node invoice/models: Invoice, CreateInvoiceRequest, InvoiceCallback, error models), its
// errors {error_code, message} and rate limit (docs.xendit.co/apidocs/rate-limits), and sends invoice callbacks.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startXenditStandin,
  XenditStandin,
  DEFAULT_SECRET_KEY,
  DEFAULT_CALLBACK_TOKEN,
} from '../../../../src/local/standins/xendit/index';
import { Runtime } from '../../../../src/local/runtime/runtime';

jest.setTimeout(60_000);

const AUTH = `Basic ${Buffer.from(`${DEFAULT_SECRET_KEY}:`).toString('base64')}`;

describe('Xendit Invoice API stand-in', () => {
  let x: XenditStandin;
  let clock = Date.parse('2030-01-06T03:00:00Z');
  let hook: Server;
  const received: Array<{ token: string | undefined; body: any }> = [];
  beforeAll(async () => {
    hook = createServer(async (req, res) => {
      const parts: Buffer[] = [];
      for await (const c of req) parts.push(c as Buffer);
      received.push({ token: req.headers['x-callback-token'] as string, body: JSON.parse(Buffer.concat(parts).toString()) });
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', () => ok()));
    x = await startXenditStandin({
      now: () => new Date(clock),
      callbackUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/cb`,
    });
  });
  afterAll(async () => {
    await x.close();
    await new Promise<void>((ok) => hook.close(() => ok()));
  });

  const api = (method: string, path: string, body?: unknown, auth: string | null = AUTH) =>
    fetch(x.url + path, {
      method,
      headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates a PENDING IDR invoice and answers the Invoice resource', async () => {
    const r = await api('POST', '/v2/invoices', {
      external_id: 'ORD-1',
      amount: 250000.75,
      payer_email: 'rina@gmail.com',
      description: 'Sesi mentoring SQL',
      invoice_duration: 3600,
      success_redirect_url: 'https://example.com/ok',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('rate-limit-limit')).toBe('60');
    const inv = await r.json();
    expect(inv).toMatchObject({
      external_id: 'ORD-1',
      status: 'PENDING',
      amount: 250000,
      currency: 'IDR',
      payer_email: 'rina@gmail.com',
      description: 'Sesi mentoring SQL',
      created: '2030-01-06T03:00:00.000Z',
      expiry_date: '2030-01-06T04:00:00.000Z',
      success_redirect_url: 'https://example.com/ok',
      should_send_email: false,
    });
    expect(inv.id).toMatch(/^[0-9a-f]{24}$/);
    expect(inv.invoice_url).toBe(`${x.url}/web/${inv.id}`);
    expect(inv.available_banks.map((b: any) => b.bank_code)).toContain('BCA');
    const again = await (await api('GET', `/v2/invoices/${inv.id}`)).json();
    expect(again).toEqual(inv);
    const page = await (await fetch(inv.invoice_url)).text();
    expect(page).toContain('Rp 250.000');
  });

  it('answers Xendit’s errors: bad key, field validation, bad JSON, unknown invoice', async () => {
    const cases: Array<[Response, number, string, string]> = [
      [
        await api('POST', '/v2/invoices', { external_id: 'a', amount: 20000 }, null),
        401,
        'INVALID_API_KEY',
        'API key format is invalid',
      ],
      [
        await api(
          'POST',
          '/v2/invoices',
          { external_id: 'a', amount: 20000 },
          `Basic ${Buffer.from('xnd_development_nope:').toString('base64')}`,
        ),
        401,
        'INVALID_API_KEY',
        'API key is not authorized for this API service',
      ],
      [await api('POST', '/v2/invoices', { amount: 20000 }), 400, 'API_VALIDATION_ERROR', '"external_id" is required'],
      [
        await api('POST', '/v2/invoices', { external_id: 'a', amount: '20000' }),
        400,
        'API_VALIDATION_ERROR',
        '"amount" must be a number',
      ],
      [
        await api('POST', '/v2/invoices', { external_id: 'a', amount: 500 }),
        400,
        'API_VALIDATION_ERROR',
        '"amount" must be greater than or equal to 10000',
      ],
      [
        await api('POST', '/v2/invoices', { external_id: 'a', amount: 20000, payer_email: 'x@' }),
        400,
        'EMAIL_FORMAT_ERROR',
        'payer_email is not a valid email format',
      ],
      [
        await api('POST', '/v2/invoices', { external_id: 'a', amount: 20000, currency: 'USD' }),
        400,
        'UNSUPPORTED_CURRENCY',
        'Currency USD is not supported for this business',
      ],
      [
        await api('POST', '/v2/invoices', '{"external_id":'),
        400,
        'INVALID_JSON_FORMAT',
        'The request body is not a valid JSON format',
      ],
      [
        await api('GET', '/v2/invoices/000000000000000000000000'),
        404,
        'INVOICE_NOT_FOUND_ERROR',
        'Invoice with id 000000000000000000000000 could not be found',
      ],
    ];
    for (const [r, status, code, message] of cases) {
      expect([r.status, await r.json()]).toEqual([status, { error_code: code, message }]);
    }
  });

  it('marks an invoice paid and posts the PAID callback with x-callback-token', async () => {
    const inv = await (
      await api('POST', '/v2/invoices', { external_id: 'ORD-2', amount: 300000, payer_email: 'budi@gmail.com' })
    ).json();
    received.length = 0;
    await x.markPaid(inv.id, { payment_channel: 'BNI' });
    expect(received).toHaveLength(1);
    expect(received[0].token).toBe(DEFAULT_CALLBACK_TOKEN);
    expect(received[0].body).toMatchObject({
      id: inv.id,
      external_id: 'ORD-2',
      status: 'PAID',
      amount: 300000,
      paid_amount: 300000,
      payment_method: 'BANK_TRANSFER',
      payment_channel: 'BNI',
      bank_code: 'BNI',
      paid_at: '2030-01-06T03:00:00.000Z',
      currency: 'IDR',
    });
    expect(x.callbacks().at(-1)).toMatchObject({ invoiceId: inv.id, status: 'PAID', httpStatus: 200 });
    const got = await (await api('GET', `/v2/invoices/${inv.id}`)).json();
    expect(got).toMatchObject({ status: 'PAID', paid_amount: 300000, payment_channel: 'BNI' });
    // a paid invoice can neither be paid again nor expired
    await expect(x.markPaid(inv.id)).rejects.toThrow('is PAID, not PENDING');
    const ex = await api('POST', `/invoices/${inv.id}/expire!`);
    expect([ex.status, (await ex.json()).error_code]).toEqual([404, 'INVOICE_NOT_FOUND_ERROR']);
  });

  it('expires on request and by the clock, each with an EXPIRED callback; lists by external_id and status', async () => {
    const a = await (await api('POST', '/v2/invoices', { external_id: 'ORD-3', amount: 100000 })).json();
    const b = await (await api('POST', '/v2/invoices', { external_id: 'ORD-4', amount: 100000, invoice_duration: 60 })).json();
    received.length = 0;
    const ex = await (await api('POST', `/invoices/${a.id}/expire!`)).json();
    expect(ex.status).toBe('EXPIRED');
    clock += 61_000;
    const got = await (await api('GET', `/v2/invoices/${b.id}`)).json();
    expect(got.status).toBe('EXPIRED');
    expect(received.map((r) => [r.body.external_id, r.body.status])).toEqual([
      ['ORD-3', 'EXPIRED'],
      ['ORD-4', 'EXPIRED'],
    ]);
    const listed = await (await api('GET', '/v2/invoices?external_id=ORD-4&statuses=["EXPIRED"]')).json();
    expect(listed.map((i: any) => i.id)).toEqual([b.id]);
  });

  it('enforces the per-endpoint rate limit with 429 RATE_LIMIT_EXCEEDED', async () => {
    const y = await startXenditStandin({ rateLimitPerMinute: 3 });
    try {
      const call = (path: string) => fetch(y.url + path, { headers: { authorization: AUTH } });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await call('/v2/invoices/000000000000000000000000')).status);
      expect(codes).toEqual([404, 404, 404, 429]);
      const r = await call('/v2/invoices/000000000000000000000000');
      expect(await r.json()).toEqual({
        error_code: 'RATE_LIMIT_EXCEEDED',
        message: 'You have exceeded the API rate limit. Please retry after the time in Rate-Limit-Reset.',
      });
      expect(r.headers.get('rate-limit-remaining')).toBe('0');
      // another endpoint has its own window
      expect((await call('/v2/invoices?limit=1')).status).toBe(200);
      expect(y.stats()).toEqual({ '200': 1, '404': 3, '429': 2 });
    } finally {
      await y.close();
    }
  });

  it('keeps invoices and the callback URL across restarts when given a state file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dd-xendit-')), 'xendit.json');
    const a = await startXenditStandin({ stateFile: file, callbackUrl: 'https://script.google.com/macros/s/AKfycbX/exec' });
    const made = await (
      await fetch(`${a.url}/v2/invoices`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ external_id: 'ORD-P', amount: 50000 }),
      })
    ).json();
    await a.close();
    const b = await startXenditStandin({ stateFile: file });
    try {
      const got = await (await fetch(`${b.url}/v2/invoices/${made.id}`, { headers: { authorization: AUTH } })).json();
      expect([got.external_id, got.user_id, b.callbackUrl()]).toEqual([
        'ORD-P',
        made.user_id,
        'https://script.google.com/macros/s/AKfycbX/exec',
      ]);
    } finally {
      await b.close();
    }
  });

  it('is reachable from Apps Script through UrlFetchApp with Basic auth', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-xendit-')) });
    try {
      const r = await rt.call<{ code: number; inv: any }>('f', [{ url: x.url, key: DEFAULT_SECRET_KEY }], {
        script: `function f(a) {
            var res = UrlFetchApp.fetch(a.url + '/v2/invoices', { method: 'post', contentType: 'application/json',
              headers: { Authorization: 'Basic ' + Utilities.base64Encode(a.key + ':') },
              payload: JSON.stringify({ external_id: 'ORD-GAS', amount: 150000, payer_email: 'sari@gmail.com', invoice_duration: 86400 }),
              muteHttpExceptions: true });
            return { code: res.getResponseCode(), inv: JSON.parse(res.getContentText()) };
          }`,
      });
      expect(r.code).toBe(200);
      expect(r.inv).toMatchObject({ external_id: 'ORD-GAS', status: 'PENDING', amount: 150000 });
    } finally {
      await rt.close();
    }
  });
});
