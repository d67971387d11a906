// Xendit's Invoice API as plain requests and answers (developers.xendit.co/api-reference/#create-invoice; the models
// of xendit-node invoice/models): create, get and list by external_id; amounts in whole rupiah (IDR).
import type { HttpReq, HttpRes } from '../core/http';

/** What DataDesk keeps of an invoice. */
export interface Invoice {
  id: string;
  externalId: string;
  status: 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED';
  amount: number;
  paidAmount: number | null;
  invoiceUrl: string;
  expiryDate: string;
}

/** Xendit's live API; a script property may point elsewhere (the local stand-in). */
export const XENDIT_DEFAULT_URL = 'https://api.xendit.co';

/** An invoice to create for an order. */
export interface InvoiceRequest {
  externalId: string;
  amount: number;
  payerEmail: string;
  description: string;
  durationSeconds: number;
}

/** Basic auth with the secret key as user name and an empty password (the API's authentication). */
export function authHeader(base64OfKeyColon: string): Record<string, string> {
  return { Authorization: `Basic ${base64OfKeyColon}` };
}

export function createRequest(base: string, auth: Record<string, string>, r: InvoiceRequest): HttpReq {
  return {
    url: `${base}/v2/invoices`,
    method: 'post',
    headers: auth,
    payload: JSON.stringify({
      external_id: r.externalId,
      amount: r.amount,
      payer_email: r.payerEmail,
      description: r.description,
      invoice_duration: r.durationSeconds,
      currency: 'IDR',
    }),
  };
}

export function getRequest(base: string, auth: Record<string, string>, id: string): HttpReq {
  return { url: `${base}/v2/invoices/${encodeURIComponent(id)}`, method: 'get', headers: auth };
}

/** Invoices made for an external id (Xendit does not keep external ids unique: a retry must look before it creates). */
export function listRequest(base: string, auth: Record<string, string>, externalId: string): HttpReq {
  return { url: `${base}/v2/invoices?external_id=${encodeURIComponent(externalId)}&limit=10`, method: 'get', headers: auth };
}

/** Xendit's failure: its error_code and message, or the HTTP status when the body is not Xendit's. */
export interface XenditFailure {
  code: string;
  message: string;
}

function toInvoice(raw: Record<string, unknown>): Invoice {
  return {
    id: String(raw.id ?? ''),
    externalId: String(raw.external_id ?? ''),
    status: String(raw.status ?? 'PENDING') as Invoice['status'],
    amount: Number(raw.amount ?? 0),
    paidAmount: raw.paid_amount === undefined || raw.paid_amount === null ? null : Number(raw.paid_amount),
    invoiceUrl: String(raw.invoice_url ?? ''),
    expiryDate: String(raw.expiry_date ?? ''),
  };
}

function failure(res: HttpRes): XenditFailure {
  try {
    const b = JSON.parse(res.text) as { error_code?: unknown; message?: unknown };
    if (typeof b.error_code === 'string') return { code: b.error_code, message: String(b.message ?? '') };
  } catch {
    // not Xendit's JSON: the status says enough
  }
  return { code: `HTTP_${res.code}`, message: res.text.slice(0, 200) };
}

/** One invoice from a create or get answer. */
export function parseInvoice(res: HttpRes): Invoice | XenditFailure {
  if (res.code !== 200) return failure(res);
  try {
    return toInvoice(JSON.parse(res.text) as Record<string, unknown>);
  } catch {
    return { code: 'BAD_RESPONSE', message: res.text.slice(0, 200) };
  }
}

/** The invoices of a list answer (the API answers an array). */
export function parseInvoiceList(res: HttpRes): Invoice[] | XenditFailure {
  if (res.code !== 200) return failure(res);
  try {
    const body = JSON.parse(res.text) as unknown;
    const list = Array.isArray(body) ? body : ((body as { data?: unknown[] }).data ?? []);
    return (list as Array<Record<string, unknown>>).map(toInvoice);
  } catch {
    return { code: 'BAD_RESPONSE', message: res.text.slice(0, 200) };
  }
}

export const isFailure = (v: unknown): v is XenditFailure => !!v && typeof v === 'object' && 'code' in v && 'message' in v;

/** Paid means PAID or SETTLED (settled is paid and moved to the balance). */
export const isPaid = (inv: Invoice): boolean => inv.status === 'PAID' || inv.status === 'SETTLED';
