// Workbench routes for the mentoring and weekly-report groundwork: calendars and their events, forms linked to the open
// spreadsheet (submit a response), the Xendit stand-in's invoices (pay, expire, callback URL), web-app deployments and
// embedded charts drawn as SVG.
//
//   GET  /api/calendar?user=&from=&to=      calendars `user` can see and their events in [from, to) (API resources)
//   GET  /api/forms?doc=                    forms linked to a spreadsheet
//   POST /api/forms/link {doc, title, questions[], sheetName?, collectEmail?}
//   POST /api/forms/submit {formId, answers, respondent?}      → the row and the form-submit trigger runs
//   GET  /api/xendit                        invoices, callback URL, callback deliveries
//   POST /api/xendit/pay {id, paid_amount?, payment_channel?}  POST /api/xendit/expire {id}
//   POST /api/xendit/callback-url {url}     (null clears)
//   GET  /api/webapps                       deployments with their URLs;  POST /api/webapps/deploy {user}
//   GET  /api/chart.svg?id=&sheet=&chart=   one embedded chart as SVG (served as an image: it can run no script)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime/runtime';
import type { Standins } from './standins';
import { HttpError, readJson, sendJson, sendBytes, str } from './http';
import { calendarStore, CalendarApi } from '../services/calendar/index';
import { linkForm, linkedForms, submitFormResponse } from '../services/forms/index';
import { deployments, deployWebApp, webAppUrl } from '../services/webapp/index';
import { getSpreadsheetStore } from '../services/spreadsheet/store';
import { chartSvg } from '../services/spreadsheet/chart-svg';
import type { PayOptions } from '../standins/xendit/index';

const DAY = 86_400_000;

function time(v: string | null, fallback: number, name: string): number {
  if (v === null || v === '') return fallback;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new HttpError(400, `${name} is not a time: ${v}`);
  return t;
}

/** Answers the routes above; false for any other path. */
export async function capabilityRoute(
  rt: Runtime,
  standins: Standins,
  req: IncomingMessage,
  res: ServerResponse,
  u: URL,
): Promise<boolean> {
  const p = u.pathname;
  const q = (k: string) => u.searchParams.get(k);
  const get = req.method === 'GET';
  const post = req.method === 'POST';

  if (get && p === '/api/calendar') {
    const user = str(q('user'), 'user');
    const now = rt.env.clock.now().getTime();
    const from = time(q('from'), now - 7 * DAY, 'from');
    const to = time(q('to'), now + 35 * DAY, 'to');
    if (to <= from) throw new HttpError(400, 'to must be after from');
    const store = calendarStore(rt.env);
    const api = new CalendarApi(store, { user, now: () => rt.env.clock.now() });
    const calendars = store.visibleTo(user).map((c) => {
      const cal = store.calendar(c.id)!;
      const readable = c.role !== 'freeBusyReader';
      const events = readable
        ? api
            .records(cal, { timeMin: new Date(from).toISOString(), timeMax: new Date(to).toISOString() })
            .sort((a, b) => a.startMs - b.startMs)
            .map((e) => api.view(e, cal.id))
        : [];
      return { ...c, events };
    });
    const notifications = store.notifications.filter((n) => n.to.includes(user) || n.by === user).slice(-50);
    await rt.env.flush();
    sendJson(res, 200, { user, from: new Date(from).toISOString(), to: new Date(to).toISOString(), calendars, notifications });
    return true;
  }

  if (get && p === '/api/forms') {
    sendJson(res, 200, { forms: linkedForms(rt.env, q('doc') || undefined) });
    return true;
  }
  if (post && p === '/api/forms/link') {
    const b = await readJson<{ doc: string; title: string; questions: string[]; sheetName?: string; collectEmail?: boolean }>(
      req,
    );
    if (!Array.isArray(b.questions) || !b.questions.every((x) => typeof x === 'string' && x.trim()))
      throw new HttpError(400, 'questions must be a list of titles');
    const form = linkForm(rt, {
      spreadsheetId: str(b.doc, 'doc'),
      title: str(b.title, 'title'),
      questions: b.questions.map((x) => x.trim()),
      sheetName: b.sheetName?.trim() || undefined,
      collectEmail: !!b.collectEmail,
    });
    await rt.env.flush();
    sendJson(res, 200, { form });
    return true;
  }
  if (post && p === '/api/forms/submit') {
    const b = await readJson<{ formId: string; answers: Record<string, string | string[]>; respondent?: string }>(req);
    if (!b.answers || typeof b.answers !== 'object') throw new HttpError(400, 'answers must be an object');
    let r: Awaited<ReturnType<typeof submitFormResponse>>;
    try {
      r = await submitFormResponse(rt, {
        formId: str(b.formId, 'formId'),
        answers: b.answers,
        respondent: b.respondent || undefined,
      });
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
    sendJson(res, 200, {
      row: r.row,
      values: r.values,
      runs: r.fired.map((f) => ({
        fn: f.fn,
        user: f.user,
        ok: f.result.ok,
        error: f.result.error ? `${f.result.error.name}: ${f.result.error.message}` : null,
        durationMs: f.result.durationMs,
        logs: f.result.logs,
      })),
    });
    return true;
  }

  if (p.startsWith('/api/xendit')) {
    const x = standins.xendit;
    if (!x) throw new HttpError(501, 'the Xendit stand-in is not running (settings.xenditUrl points elsewhere)');
    if (get && p === '/api/xendit') {
      await x.sweep();
      sendJson(res, 200, {
        url: x.url,
        callbackUrl: x.callbackUrl(),
        invoices: x.invoices(),
        callbacks: x.callbacks().slice(-50),
      });
      return true;
    }
    try {
      if (post && p === '/api/xendit/pay') {
        const b = await readJson<{ id: string; paid_amount?: number; payment_channel?: string }>(req);
        const opts: PayOptions = {};
        if (b.paid_amount !== undefined) {
          if (!(typeof b.paid_amount === 'number' && b.paid_amount > 0))
            throw new HttpError(400, 'paid_amount must be a positive number');
          opts.paid_amount = b.paid_amount;
        }
        if (b.payment_channel) opts.payment_channel = String(b.payment_channel);
        sendJson(res, 200, { invoice: await x.markPaid(str(b.id, 'id'), opts) });
        return true;
      }
      if (post && p === '/api/xendit/expire') {
        const b = await readJson<{ id: string }>(req);
        sendJson(res, 200, { invoice: await x.expire(str(b.id, 'id')) });
        return true;
      }
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(409, (e as Error).message);
    }
    if (post && p === '/api/xendit/callback-url') {
      const b = await readJson<{ url: string | null }>(req);
      if (b.url !== null && !/^https?:\/\/\S+$/.test(String(b.url ?? '')))
        throw new HttpError(400, 'url must be an http(s) URL or null');
      x.setCallbackUrl(b.url);
      sendJson(res, 200, { callbackUrl: x.callbackUrl() });
      return true;
    }
  }

  if (get && p === '/api/webapps') {
    sendJson(res, 200, { deployments: deployments(rt.env).map((d) => ({ ...d, url: webAppUrl(d), local: `/exec/${d.id}` })) });
    return true;
  }
  if (post && p === '/api/webapps/deploy') {
    const b = await readJson<{ user: string }>(req);
    try {
      const d = deployWebApp(rt, { deployer: str(b.user, 'user') });
      await rt.env.flush();
      sendJson(res, 200, { deployment: { ...d, url: webAppUrl(d), local: `/exec/${d.id}` } });
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
    return true;
  }

  if (get && p === '/api/chart.svg') {
    const store = getSpreadsheetStore(rt.env);
    const book = store.get(str(q('id'), 'id'));
    const sheet = book?.sheets.find((s) => s.name === q('sheet'));
    const chart = sheet?.charts.find((c) => String(c.chartId) === q('chart'));
    if (!book || !chart) throw new HttpError(404, 'no such chart');
    sendBytes(res, 'image/svg+xml; charset=utf-8', chartSvg(book, chart), {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    });
    return true;
  }
  return false;
}
