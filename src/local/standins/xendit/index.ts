// The local Xendit stand-in: the Invoice API's wire format (developers.xendit.co/api-reference/#create-invoice; the
// request and response shapes of Xendit's own SDK, github.com/xendit/xendit-node invoice/models) on a plain Node HTTP
// server — create, get, list, expire — with Basic auth by secret key, Xendit's error bodies {error_code, message},
// the documented rate limit (docs.xendit.co/apidocs/rate-limits: 60 requests per minute per endpoint per account in
// test mode, 600 in live mode, sliding window, 429 RATE_LIMIT_EXCEEDED with Rate-Limit-* headers), and controls for
// tests and the workbench to have an invoice paid or expired, which sends Xendit's invoice callback (POST with the
// x-callback-token header) to the configured callback URL. See README.md beside this file.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export const DEFAULT_SECRET_KEY = 'xnd_development_DataDeskLocalStandinSecretKey0000000000000000000';
export const DEFAULT_CALLBACK_TOKEN = 'datadesk-local-callback-token-0000000000000000';

/** Xendit's invoice statuses (xendit-node invoice/models/InvoiceStatus). */
export type InvoiceStatus = 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED';

/** An invoice as the API answers it (snake_case wire names). */
export interface XenditInvoice {
  id: string;
  external_id: string;
  user_id: string;
  status: InvoiceStatus;
  merchant_name: string;
  merchant_profile_picture_url: string;
  amount: number;
  payer_email?: string;
  description?: string;
  expiry_date: string;
  invoice_url: string;
  available_banks: Array<Record<string, unknown>>;
  available_retail_outlets: Array<Record<string, unknown>>;
  available_ewallets: Array<Record<string, unknown>>;
  available_qr_codes: Array<Record<string, unknown>>;
  available_direct_debits: Array<Record<string, unknown>>;
  available_paylaters: Array<Record<string, unknown>>;
  should_exclude_credit_card: boolean;
  should_send_email: boolean;
  created: string;
  updated: string;
  currency: 'IDR';
  success_redirect_url?: string;
  failure_redirect_url?: string;
  items?: unknown[];
  fees?: unknown[];
  customer?: unknown;
  metadata?: unknown;
  paid_amount?: number;
  paid_at?: string;
  payment_method?: string;
  payment_channel?: string;
  payment_destination?: string;
  bank_code?: string;
}

export interface CallbackDelivery {
  at: string;
  url: string;
  invoiceId: string;
  status: string;
  /** The HTTP status the receiver answered (Xendit counts only 2xx as delivered), or null when it could not connect. */
  httpStatus: number | null;
  error: string | null;
  body: Record<string, unknown>;
}

export interface PayOptions {
  /** Defaults to the invoice amount; tests pass another to exercise a paid amount that differs. */
  paid_amount?: number;
  payment_method?: string;
  payment_channel?: string;
  paid_at?: Date;
}

export interface XenditStandinOptions {
  port?: number;
  host?: string;
  /** Secret keys accepted (Basic auth username, empty password). */
  secretKeys?: string[];
  /** The token Xendit sends in x-callback-token (the dashboard's "callback verification token"). */
  callbackToken?: string;
  /** Where invoice callbacks go (the dashboard's invoice callback URL); null: none sent. */
  callbackUrl?: string | null;
  /** Maps a callback URL before delivery (the workbench maps script.google.com web-app URLs to its /exec route). */
  resolveCallbackUrl?: (url: string) => string;
  /** The time invoices are created and expire in (the runtime's emulated clock); default: real time. */
  now?: () => Date;
  /** Requests per minute per endpoint per key; default 60 for xnd_development_ keys, 600 for xnd_production_. */
  rateLimitPerMinute?: number;
  merchantName?: string;
  /** Called after every change (the workbench refreshes its panel). */
  onChange?: (invoiceId: string) => void;
  /** Keeps invoices, the merchant's user id and the callback URL in this JSON file across restarts (the workbench's
   * <state>/xendit.json); without it they live in memory. */
  stateFile?: string;
}

export interface XenditStandin {
  url: string;
  invoices(): XenditInvoice[];
  invoice(id: string): XenditInvoice | null;
  /** Has a PENDING invoice paid and sends the PAID callback; throws when it is not PENDING. */
  markPaid(id: string, opts?: PayOptions): Promise<XenditInvoice>;
  /** Has a PENDING invoice expire (as at its expiry date) and sends the EXPIRED callback. */
  expire(id: string): Promise<XenditInvoice>;
  /** Expires every PENDING invoice whose expiry date has passed on the clock (with callbacks). */
  sweep(): Promise<number>;
  setCallbackUrl(url: string | null): void;
  callbackUrl(): string | null;
  callbacks(): CallbackDelivery[];
  /** Requests answered per status code (tests check 429s). */
  stats(): Record<string, number>;
  setRateLimit(perMinute: number | null): void;
  close(): Promise<void>;
}

/** Invoice limits this stand-in enforces. The minimum and maximum amounts are unconfirmed (Xendit states them per
 * payment channel); the strictest plausible ones are used. invoice_duration: seconds, default 24 hours. */
export const MIN_AMOUNT = 10_000;
export const MAX_AMOUNT = 1_000_000_000;
export const DEFAULT_DURATION_S = 86_400;
export const MAX_DURATION_S = 31_536_000;

const BANKS = ['BCA', 'BNI', 'BRI', 'MANDIRI', 'PERMATA', 'BSI'];

const hex24 = () => randomBytes(12).toString('hex');
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface ApiError {
  status: number;
  error_code: string;
  message: string;
}
const fail = (status: number, error_code: string, message: string): ApiError => ({ status, error_code, message });
const validation = (message: string) => fail(400, 'API_VALIDATION_ERROR', message);

function isUri(v: unknown): boolean {
  try {
    const u = new URL(String(v));
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks a create-invoice body as Xendit does (Joi-style messages for field errors). */
function checkCreate(b: Record<string, unknown>): ApiError | null {
  if (b.external_id === undefined) return validation('"external_id" is required');
  if (typeof b.external_id !== 'string') return validation('"external_id" must be a string');
  if (!b.external_id.trim()) return validation('"external_id" is not allowed to be empty');
  if (b.external_id.length > 1000) return validation('"external_id" length must be less than or equal to 1000 characters long');
  if (b.amount === undefined) return validation('"amount" is required');
  if (typeof b.amount !== 'number' || !Number.isFinite(b.amount)) return validation('"amount" must be a number');
  if (b.amount < MIN_AMOUNT) return validation(`"amount" must be greater than or equal to ${MIN_AMOUNT}`);
  if (b.amount > MAX_AMOUNT)
    return fail(400, 'MAXIMUM_TRANSFER_AMOUNT_ERROR', `The maximum amount for an invoice is ${MAX_AMOUNT} IDR`);
  if (b.payer_email !== undefined && (typeof b.payer_email !== 'string' || !EMAIL.test(b.payer_email)))
    return fail(400, 'EMAIL_FORMAT_ERROR', 'payer_email is not a valid email format');
  if (b.description !== undefined && typeof b.description !== 'string') return validation('"description" must be a string');
  if (b.invoice_duration !== undefined) {
    const d = Number(b.invoice_duration);
    if (!Number.isFinite(d) || (typeof b.invoice_duration !== 'number' && typeof b.invoice_duration !== 'string'))
      return validation('"invoice_duration" must be a number');
    if (d < 1) return validation('"invoice_duration" must be greater than or equal to 1');
    if (d > MAX_DURATION_S) return validation(`"invoice_duration" must be less than or equal to ${MAX_DURATION_S}`);
  }
  for (const k of ['success_redirect_url', 'failure_redirect_url'])
    if (b[k] !== undefined && !isUri(b[k])) return validation(`"${k}" must be a valid uri`);
  if (b.currency !== undefined && b.currency !== 'IDR')
    return fail(400, 'UNSUPPORTED_CURRENCY', `Currency ${String(b.currency)} is not supported for this business`);
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const rupiah = (n: number) => `Rp ${Math.trunc(n).toLocaleString('id-ID')}`;

export async function startXenditStandin(opts: XenditStandinOptions = {}): Promise<XenditStandin> {
  const keys = new Set(opts.secretKeys ?? [DEFAULT_SECRET_KEY]);
  const token = opts.callbackToken ?? DEFAULT_CALLBACK_TOKEN;
  const now = opts.now ?? (() => new Date());
  const merchant = opts.merchantName ?? 'DataDesk Mentoring';
  const saved =
    opts.stateFile && existsSync(opts.stateFile)
      ? (JSON.parse(readFileSync(opts.stateFile, 'utf8')) as {
          userId: string;
          callbackUrl: string | null;
          invoices: XenditInvoice[];
        })
      : null;
  const userId = saved?.userId ?? hex24();
  let callbackUrl: string | null = opts.callbackUrl ?? saved?.callbackUrl ?? null;
  let rateOverride: number | null = opts.rateLimitPerMinute ?? null;
  const invoices = new Map<string, XenditInvoice>((saved?.invoices ?? []).map((i) => [i.id, i]));
  const deliveries: CallbackDelivery[] = [];
  const byStatus: Record<string, number> = {};
  /** key|endpoint → request times (ms on the stand-in's clock) inside the sliding minute. */
  const windows = new Map<string, number[]>();
  let base = '';

  const save = () => {
    if (!opts.stateFile) return;
    writeFileSync(`${opts.stateFile}.tmp`, JSON.stringify({ userId, callbackUrl, invoices: [...invoices.values()] }));
    renameSync(`${opts.stateFile}.tmp`, opts.stateFile);
  };
  const changed = (id: string) => {
    save();
    opts.onChange?.(id);
  };

  async function deliver(inv: XenditInvoice): Promise<void> {
    if (!callbackUrl) return;
    const body: Record<string, unknown> =
      inv.status === 'PAID'
        ? {
            id: inv.id,
            external_id: inv.external_id,
            user_id: inv.user_id,
            is_high: false,
            payment_method: inv.payment_method,
            status: 'PAID',
            merchant_name: inv.merchant_name,
            amount: inv.amount,
            paid_amount: inv.paid_amount,
            bank_code: inv.bank_code,
            paid_at: inv.paid_at,
            payer_email: inv.payer_email,
            description: inv.description,
            adjusted_received_amount: inv.paid_amount,
            fees_paid_amount: 0,
            updated: inv.updated,
            created: inv.created,
            currency: inv.currency,
            payment_channel: inv.payment_channel,
            payment_destination: inv.payment_destination,
          }
        : {
            id: inv.id,
            external_id: inv.external_id,
            user_id: inv.user_id,
            status: inv.status,
            merchant_name: inv.merchant_name,
            amount: inv.amount,
            payer_email: inv.payer_email,
            description: inv.description,
            updated: inv.updated,
            created: inv.created,
            currency: inv.currency,
          };
    const url = opts.resolveCallbackUrl ? opts.resolveCallbackUrl(callbackUrl) : callbackUrl;
    const d: CallbackDelivery = {
      at: now().toISOString(),
      url: callbackUrl,
      invoiceId: inv.id,
      status: inv.status,
      httpStatus: null,
      error: null,
      body,
    };
    try {
      const r = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', 'x-callback-token': token, 'webhook-id': randomUUID() },
        body: JSON.stringify(body),
      });
      d.httpStatus = r.status;
      await r.arrayBuffer().catch(() => undefined);
    } catch (e) {
      d.error = (e as Error).message;
    }
    deliveries.push(d);
    if (deliveries.length > 500) deliveries.shift();
    changed(inv.id);
  }

  async function sweep(): Promise<number> {
    const t = now().getTime();
    const due = [...invoices.values()].filter((i) => i.status === 'PENDING' && Date.parse(i.expiry_date) <= t);
    for (const inv of due) {
      inv.status = 'EXPIRED';
      inv.updated = inv.expiry_date;
      changed(inv.id);
    }
    for (const inv of due) await deliver(inv);
    return due.length;
  }

  function authKey(req: IncomingMessage): string | ApiError {
    const h = String(req.headers.authorization ?? '');
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(h);
    if (!m) return fail(401, 'INVALID_API_KEY', 'API key format is invalid');
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const key = decoded.endsWith(':') ? decoded.slice(0, -1) : decoded.split(':')[0];
    if (!keys.has(key)) return fail(401, 'INVALID_API_KEY', 'API key is not authorized for this API service');
    return key;
  }

  /** Takes one request from the key's minute on this endpoint (ok false when over the limit). */
  function rate(key: string, endpoint: string): { ok: boolean; limit: number; remaining: number; reset: number } {
    const limit = rateOverride ?? (key.startsWith('xnd_production_') ? 600 : 60);
    const t = now().getTime();
    const list = (windows.get(`${key}|${endpoint}`) ?? []).filter((x) => t - x < 60_000);
    windows.set(`${key}|${endpoint}`, list);
    const reset = list.length ? (60_000 - (t - list[0])) / 1000 : 60;
    if (list.length >= limit) return { ok: false, limit, remaining: 0, reset };
    list.push(t);
    return { ok: true, limit, remaining: limit - list.length, reset };
  }

  function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...extra });
    res.end(text);
  }

  function create(b: Record<string, unknown>): XenditInvoice {
    const created = now();
    const duration = b.invoice_duration === undefined ? DEFAULT_DURATION_S : Number(b.invoice_duration);
    const id = hex24();
    const inv: XenditInvoice = {
      id,
      external_id: String(b.external_id),
      user_id: userId,
      status: 'PENDING',
      merchant_name: merchant,
      merchant_profile_picture_url: 'https://du8nwjtfkinx.cloudfront.net/xendit.png',
      // "if the currency is IDR and the amount includes decimals, the amount will be truncated" (create-invoice: amount)
      amount: Math.trunc(Number(b.amount)),
      expiry_date: new Date(created.getTime() + duration * 1000).toISOString(),
      invoice_url: `${base}/web/${id}`,
      available_banks: BANKS.map((bank_code) => ({
        bank_code,
        collection_type: 'POOL',
        transfer_amount: Math.trunc(Number(b.amount)),
        bank_branch: 'Virtual Account',
        account_holder_name: merchant.toUpperCase(),
        identity_amount: 0,
      })),
      available_retail_outlets: [{ retail_outlet_name: 'ALFAMART' }, { retail_outlet_name: 'INDOMARET' }],
      available_ewallets: [{ ewallet_type: 'OVO' }, { ewallet_type: 'DANA' }, { ewallet_type: 'SHOPEEPAY' }],
      available_qr_codes: [{ qr_code_type: 'QRIS' }],
      available_direct_debits: [],
      available_paylaters: [],
      should_exclude_credit_card: false,
      should_send_email: b.should_send_email === true,
      created: created.toISOString(),
      updated: created.toISOString(),
      currency: 'IDR',
    };
    for (const k of ['payer_email', 'description', 'success_redirect_url', 'failure_redirect_url'] as const)
      if (typeof b[k] === 'string') inv[k] = b[k] as string;
    for (const k of ['items', 'fees', 'customer', 'metadata'] as const) if (b[k] !== undefined) inv[k] = b[k] as never;
    invoices.set(id, inv);
    changed(id);
    return inv;
  }

  async function pay(id: string, p: PayOptions = {}): Promise<XenditInvoice> {
    await sweep();
    const inv = invoices.get(id);
    if (!inv) throw new Error(`xendit stand-in: no invoice ${id}`);
    if (inv.status !== 'PENDING') throw new Error(`xendit stand-in: invoice ${id} is ${inv.status}, not PENDING`);
    const at = (p.paid_at ?? now()).toISOString();
    const channel = p.payment_channel ?? 'BCA';
    Object.assign(inv, {
      status: 'PAID',
      paid_amount: p.paid_amount ?? inv.amount,
      paid_at: at,
      payment_method: p.payment_method ?? 'BANK_TRANSFER',
      payment_channel: channel,
      payment_destination: `8808${id.slice(0, 8).replace(/\D/g, '7')}`.slice(0, 12),
      bank_code: channel,
      updated: at,
    });
    changed(id);
    await deliver(inv);
    return inv;
  }

  async function expireNow(id: string): Promise<XenditInvoice> {
    const inv = invoices.get(id);
    if (!inv) throw new Error(`xendit stand-in: no invoice ${id}`);
    if (inv.status !== 'PENDING') throw new Error(`xendit stand-in: invoice ${id} is ${inv.status}, not PENDING`);
    inv.status = 'EXPIRED';
    inv.updated = now().toISOString();
    inv.expiry_date = inv.updated;
    changed(id);
    await deliver(inv);
    return inv;
  }

  function checkout(inv: XenditInvoice): string {
    const pending = inv.status === 'PENDING';
    return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Invoice ${esc(inv.external_id)}</title>
<style>body{font-family:Arial,sans-serif;max-width:420px;margin:40px auto;color:#202124}.st{font-weight:bold}
button{background:#1a73e8;color:#fff;border:0;padding:8px 16px;border-radius:4px}</style></head><body>
<h2>${esc(inv.merchant_name)}</h2><p>${esc(inv.description ?? '')}</p><p>Tagihan <b>${esc(inv.external_id)}</b>: ${rupiah(inv.amount)}</p>
<p>Status: <span class="st" id="status">${esc(inv.status)}</span> · berlaku sampai ${esc(inv.expiry_date)}</p>
${pending ? `<form method="post" action="/web/${esc(inv.id)}/pay"><button id="pay">Bayar (simulasi stand-in)</button></form>` : ''}
<p style="color:#5f6368;font-size:12px">Xendit stand-in (offline)</p></body></html>`;
  }

  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://local');
      const p = u.pathname.replace(/\/+$/, '') || '/';
      const web = /^\/web\/([0-9a-f]{24})(\/pay)?$/.exec(p);
      if (web) {
        await sweep();
        const inv = invoices.get(web[1]);
        if (!inv) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Invoice not found');
        if (web[2] && req.method === 'POST') {
          if (inv.status === 'PENDING') await pay(inv.id, { payment_channel: 'BCA' });
          res.writeHead(303, { location: `/web/${inv.id}` }).end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        });
        res.end(checkout(inv));
        return;
      }
      const isCreate = req.method === 'POST' && p === '/v2/invoices';
      const isGet = req.method === 'GET' && /^\/v2\/invoices\/[^/]+$/.test(p);
      const isList = req.method === 'GET' && p === '/v2/invoices';
      const isExpire = req.method === 'POST' && /^\/invoices\/[^/]+\/expire!$/.test(p);
      if (!isCreate && !isGet && !isList && !isExpire)
        return send(res, 404, { error_code: 'NOT_FOUND', message: 'The requested resource was not found' });
      const key = authKey(req);
      if (typeof key !== 'string') return send(res, key.status, { error_code: key.error_code, message: key.message });
      const endpoint = isCreate ? 'create' : isGet ? 'get' : isList ? 'list' : 'expire';
      const r = rate(key, endpoint);
      const headers = {
        'Rate-Limit-Limit': String(r.limit),
        'Rate-Limit-Remaining': String(r.remaining),
        'Rate-Limit-Reset': r.reset.toFixed(2),
      };
      if (!r.ok) {
        return send(
          res,
          429,
          {
            error_code: 'RATE_LIMIT_EXCEEDED',
            message: 'You have exceeded the API rate limit. Please retry after the time in Rate-Limit-Reset.',
          },
          headers,
        );
      }
      await sweep();
      if (isCreate) {
        const raw = await readBody(req);
        let b: unknown;
        try {
          b = JSON.parse(raw);
        } catch {
          return send(
            res,
            400,
            { error_code: 'INVALID_JSON_FORMAT', message: 'The request body is not a valid JSON format' },
            headers,
          );
        }
        if (!b || typeof b !== 'object' || Array.isArray(b))
          return send(
            res,
            400,
            { error_code: 'INVALID_JSON_FORMAT', message: 'The request body is not a valid JSON format' },
            headers,
          );
        const bad = checkCreate(b as Record<string, unknown>);
        if (bad) return send(res, bad.status, { error_code: bad.error_code, message: bad.message }, headers);
        return send(res, 200, create(b as Record<string, unknown>), headers);
      }
      if (isList) {
        const ext = u.searchParams.get('external_id');
        const statuses = u.searchParams.getAll('statuses').flatMap((s) => s.replace(/[[\]"]/g, '').split(','));
        const limit = Math.min(100, Math.max(1, Number(u.searchParams.get('limit') ?? 10)));
        const items = [...invoices.values()]
          .filter((i) => (ext === null || i.external_id === ext) && (!statuses.length || statuses.includes(i.status)))
          .sort((a, b) => b.created.localeCompare(a.created))
          .slice(0, limit);
        return send(res, 200, items, headers);
      }
      const id = decodeURIComponent(p.split('/')[isExpire ? 2 : 3]);
      const inv = invoices.get(id);
      if (!inv)
        return send(
          res,
          404,
          { error_code: 'INVOICE_NOT_FOUND_ERROR', message: `Invoice with id ${id} could not be found` },
          headers,
        );
      if (isGet) return send(res, 200, inv, headers);
      // Only a PENDING invoice can be expired; a paid or expired one answers not found (expireInvoice: 404).
      if (inv.status !== 'PENDING')
        return send(
          res,
          404,
          { error_code: 'INVOICE_NOT_FOUND_ERROR', message: `Invoice with id ${id} could not be found` },
          headers,
        );
      return send(res, 200, await expireNow(id), headers);
    } catch (e) {
      if (!res.headersSent) send(res, 500, { error_code: 'SERVER_ERROR', message: (e as Error).message });
      else res.end();
    }
  });
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  base = `http://${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  // Invoices kept from an earlier run point at this run's address (the port may have moved).
  for (const inv of invoices.values()) inv.invoice_url = `${base}/web/${inv.id}`;
  return {
    url: base,
    invoices: () => [...invoices.values()].sort((a, b) => a.created.localeCompare(b.created)),
    invoice: (id) => invoices.get(id) ?? null,
    markPaid: pay,
    expire: expireNow,
    sweep,
    setCallbackUrl: (u) => {
      callbackUrl = u;
      save();
    },
    callbackUrl: () => callbackUrl,
    callbacks: () => [...deliveries],
    stats: () => ({ ...byStatus }),
    setRateLimit: (n) => {
      rateOverride = n;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
