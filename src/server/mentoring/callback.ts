// Xendit's invoice callback read for the one thing it may be trusted with: which invoice to ask Xendit about now.
//
// Xendit sends its callback verification token in the x-callback-token header (docs.xendit.co/api-integration/callback/
// setup; help.xendit.co "How to validate if the callback is sent from Xendit"), but an Apps Script web app's doPost(e)
// is given no request headers (developers.google.com/apps-script/guides/web#request_parameters: queryString,
// parameter(s), pathInfo, contextPath, contentLength, postData only). The token therefore cannot be checked, anyone
// who knows the web app's URL can post, and the body proves nothing: its status, amount and paid_amount are never
// read. The callback only asks for the same status check the hourly trigger makes (GET /v2/invoices/{id} with the
// secret key), for an invoice the orders sheet already holds, at most once a minute per invoice and a few times a
// minute in all.

/** Xendit's invoice ids are 24 hex digits; anything id-like up to 64 characters is accepted, nothing else. */
const INVOICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A callback body is about 1 KB; a bigger one is not Xendit's and is not parsed. */
const MAX_BODY = 20_000;

/** The invoice id a callback names, or null when the body is not a JSON object with one. */
export function invoiceIdOfCallback(contents: unknown): string | null {
  if (typeof contents !== 'string' || contents.length > MAX_BODY) return null;
  let body: unknown;
  try {
    body = JSON.parse(contents);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const id = (body as { id?: unknown }).id;
  return typeof id === 'string' && INVOICE_ID.test(id) ? id : null;
}

/** One minute between two checks of one invoice; at most this many checks a minute in all. */
export const PER_INVOICE_MS = 60_000;
export const PER_MINUTE = 20;

/** What the rate limiter remembers: when each invoice was last checked, and the checks of the last minute. */
export interface CallbackWindow {
  last: number | null;
  recent: number[];
}

/** Whether a check of this invoice may run now, and the window to keep when it does. */
export function admitCallback(w: CallbackWindow, now: number): { ok: boolean; recent: number[] } {
  const recent = w.recent.filter((t) => now - t < 60_000);
  if (w.last !== null && now - w.last < PER_INVOICE_MS) return { ok: false, recent };
  if (recent.length >= PER_MINUTE) return { ok: false, recent };
  return { ok: true, recent: [...recent, now] };
}
