// Workbench panels for the emulated Calendar, the forms linked to the open spreadsheet (submit a response) and the
// Xendit stand-in (invoices with "Mark paid" / "Expire", the callback URL, web-app deployments).
import { h, wib } from './dom';
import { getJson, postJson } from './api';

import type { XenditInvoice as Invoice, CallbackDelivery as Delivery } from '../../standins/xendit/index';
import type { LinkedForm } from '../../services/forms/index';
import type { CalendarSummary } from '../../services/calendar/store';

type ApiEvent = GoogleAppsScript.Calendar.Schema.Event;
type CalendarView = CalendarSummary & { events: ApiEvent[] };
interface Run {
  fn: string;
  user: string;
  ok: boolean;
  error: string | null;
  durationMs: number;
  logs: string[];
}

const rupiah = (n: number) => `Rp ${Math.trunc(n).toLocaleString('id-ID')}`;

function when(e: ApiEvent): string {
  if (e.start?.date) return `${e.start.date} (all day)`;
  const start = e.start?.dateTime ?? '';
  const t = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' });
  return `${wib(start).replace(/ \d{2}:\d{2} WIB$/, '')} ${t(new Date(start))}–${t(new Date(e.end?.dateTime ?? start))} WIB`;
}

function reminderText(e: ApiEvent): string {
  const r = e.reminders;
  if (!r || r.useDefault) return 'calendar default reminders';
  if (!r.overrides?.length) return 'no reminders';
  const span = (m: number) => (m % 1440 === 0 ? `${m / 1440} day(s)` : m % 60 === 0 ? `${m / 60} h` : `${m} min`);
  return r.overrides.map((o) => `${o.method} ${span(o.minutes ?? 0)} before`).join(', ');
}

function eventCard(e: ApiEvent, cal: CalendarView): HTMLElement {
  const pending = e.conferenceData?.createRequest?.status?.statusCode === 'pending';
  const guests = (e.attendees ?? []).filter((a) => !a.organizer);
  return h(
    'div',
    { class: `cal-event${e.status === 'cancelled' ? ' cancelled' : ''}`, 'data-title': e.summary ?? '', 'data-id': e.id },
    h('b', {}, e.summary || '(no title)'),
    h('div', { class: 'muted' }, when(e)),
    e.hangoutLink
      ? h(
          'div',
          {},
          'Meet: ',
          h(
            'a',
            { class: 'meet-link', href: e.hangoutLink, target: '_blank', rel: 'noopener' },
            e.hangoutLink.replace('https://', ''),
          ),
        )
      : pending
        ? h('div', { class: 'muted' }, 'Meet: being created (pending)')
        : null,
    guests.length
      ? h(
          'div',
          { class: 'cal-guests' },
          'Guests: ',
          ...guests.map((g, i) =>
            h('span', { class: 'guest', 'data-status': g.responseStatus }, `${i ? ', ' : ''}${g.email} (${g.responseStatus})`),
          ),
        )
      : null,
    h('div', { class: 'muted cal-reminders' }, `Reminders: ${reminderText(e)}`),
    e.organizer && e.organizer.email !== cal.id ? h('div', { class: 'muted' }, `Invitation from ${e.organizer.email}`) : null,
  );
}

type Drawn = HTMLElement & { drawnFrom?: string };

/** Starts a draw of panel `p`; the answer, given the fetched data, says whether to draw it. A draw started later
 * makes an earlier one stop after its fetch (a change event and an execution's end drew the panel twice), and data
 * equal to what the panel shows keeps its elements, so a click or an amount typed there is not lost to a refresh
 * that changed nothing. The panel is cleared only when the new content replaces it, never during the fetch. */
function startDrawing(p: HTMLElement): (data: unknown) => boolean {
  p.dataset.loaded = '0';
  const n = String(Number(p.dataset.draw ?? 0) + 1);
  p.dataset.draw = n;
  return (data) => {
    if (p.dataset.draw !== n) return false;
    const key = JSON.stringify(data);
    const same = (p as Drawn).drawnFrom === key;
    (p as Drawn).drawnFrom = key;
    p.dataset.loaded = '1';
    return !same;
  };
}

/** Forgets what panel `p` shows, so the next draw replaces it (after an error was appended to it). */
export function forgetDrawn(p: HTMLElement): void {
  (p as Drawn).drawnFrom = undefined;
}

/** The calendars `user` can see, with their events from a week ago to five weeks ahead (emulated clock). */
export async function showCalendar(p: HTMLElement, head: HTMLElement, user: string): Promise<void> {
  const shouldDraw = startDrawing(p);
  const v = await getJson<{
    calendars: CalendarView[];
    from: string;
    to: string;
    notifications: Array<{ kind: string; to: string[]; summary: string; at: string }>;
  }>(`/api/calendar?user=${encodeURIComponent(user)}`);
  if (!shouldDraw({ user, v })) return;
  const nodes: Node[] = [];
  nodes.push(h('div', { class: 'muted empty' }, `As ${user} · ${wib(v.from)} – ${wib(v.to)}`));
  for (const cal of v.calendars) {
    const events = cal.events.filter((e) => e.status !== 'cancelled');
    nodes.push(
      h(
        'div',
        { class: 'cal', 'data-calendar': cal.id },
        h('h3', {}, `${cal.summary}${cal.primary && cal.id === user ? ' (mine)' : ''}`),
        h(
          'div',
          { class: 'muted empty' },
          `${cal.role}${cal.owner !== user ? ` · owned by ${cal.owner}` : ''} · ${events.length} event(s)`,
        ),
        ...events.map((e) => eventCard(e, cal)),
      ),
    );
  }
  if (v.notifications.length) {
    nodes.push(
      h('h3', {}, 'Calendar notifications (sent by Google, not by the add-on)'),
      ...v.notifications
        .slice()
        .reverse()
        .map((n) =>
          h(
            'div',
            { class: 'trigger' },
            `${n.kind}: "${n.summary}" to ${n.to.join(', ')}`,
            h('div', { class: 'muted' }, wib(n.at)),
          ),
        ),
    );
  }
  p.replaceChildren(head, ...nodes);
}

/** Forms linked to the open spreadsheet: one submission form per linked form, and a way to link one. */
export async function showForms(p: HTMLElement, head: HTMLElement, docId: string, reload: () => void): Promise<void> {
  const shouldDraw = startDrawing(p);
  const { forms } = await getJson<{ forms: LinkedForm[] }>(`/api/forms?doc=${encodeURIComponent(docId)}`);
  if (!shouldDraw({ docId, forms })) return;
  const nodes: Node[] = [];
  const out = h('div', { id: 'form-result', 'data-state': 'idle' });
  if (!forms.length) nodes.push(h('div', { class: 'muted empty' }, 'No form is linked to this spreadsheet yet.'));
  for (const f of forms) {
    const inputs = f.questions.map(
      (q) => h('input', { type: 'text', 'data-question': q, spellcheck: 'false' }) as HTMLInputElement,
    );
    const email = f.collectEmail ? (h('input', { type: 'email', 'data-question': 'Email Address' }) as HTMLInputElement) : null;
    const submit = async () => {
      out.dataset.state = 'running';
      out.replaceChildren(h('div', { class: 'muted' }, 'Submitting and running the form-submit triggers…'));
      try {
        const answers = Object.fromEntries(inputs.map((i) => [i.dataset.question!, i.value]));
        const r = await postJson<{ row: number; runs: Run[] }>('/api/forms/submit', {
          formId: f.formId,
          answers,
          respondent: email?.value,
        });
        out.replaceChildren(
          h('div', { class: 'muted' }, `Response written to row ${r.row} of "${f.sheetName}" · ${r.runs.length} trigger run(s)`),
          ...r.runs.map((x) =>
            h(
              'div',
              { class: `run ${x.ok ? 'ok' : 'bad'}`, 'data-fn': x.fn, 'data-ok': x.ok ? '1' : '0' },
              h('b', {}, x.fn),
              ` as ${x.user} · ${x.ok ? 'ok' : 'failed'} in ${x.durationMs} ms`,
              x.error ? h('div', { class: 'err' }, x.error) : null,
              x.logs.length ? h('pre', { class: 'logs' }, x.logs.slice(-20).join('\n')) : null,
            ),
          ),
        );
        inputs.forEach((i) => (i.value = ''));
      } catch (e) {
        out.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
      }
      out.dataset.state = 'done';
      reload();
    };
    nodes.push(
      h(
        'div',
        { class: 'form-card', 'data-form': f.title },
        h('h3', {}, `${f.title} → ${f.sheetName}`),
        ...(email ? [h('div', { class: 'field' }, h('label', {}, 'Email Address'), email)] : []),
        ...f.questions.map((q, i) => h('div', { class: 'field' }, h('label', {}, q), inputs[i])),
        h('button', { class: 'primary form-submit', onclick: () => void submit() }, 'Submit response'),
      ),
    );
  }
  const title = h('input', { type: 'text', id: 'form-link-title', placeholder: 'Pesan sesi mentoring' }) as HTMLInputElement;
  const questions = h('input', {
    type: 'text',
    id: 'form-link-questions',
    placeholder: 'Nama, Email, Mentor, Topik',
  }) as HTMLInputElement;
  const sheet = h('input', { type: 'text', id: 'form-link-sheet', placeholder: 'Form Responses 1' }) as HTMLInputElement;
  nodes.push(
    out,
    h('h3', {}, 'Link a new form'),
    h('div', { class: 'field' }, h('label', { for: 'form-link-title' }, 'Form title'), title),
    h('div', { class: 'field' }, h('label', { for: 'form-link-questions' }, 'Questions (comma-separated)'), questions),
    h('div', { class: 'field' }, h('label', { for: 'form-link-sheet' }, 'Responses sheet'), sheet),
    h(
      'div',
      { class: 'quick' },
      h(
        'button',
        {
          class: 'small',
          id: 'form-link',
          onclick: async () => {
            try {
              await postJson('/api/forms/link', {
                doc: docId,
                title: title.value.trim(),
                questions: questions.value
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
                sheetName: sheet.value.trim() || undefined,
              });
              await showForms(p, head, docId, reload);
            } catch (e) {
              out.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
            }
          },
        },
        'Link form',
      ),
    ),
  );
  p.replaceChildren(head, ...nodes);
}

/** The Xendit stand-in: invoices with their state and the controls a payer (or Xendit) would trigger. */
export async function showXendit(p: HTMLElement, head: HTMLElement, user: string): Promise<void> {
  const shouldDraw = startDrawing(p);
  const v = await getJson<{ url: string; callbackUrl: string | null; invoices: Invoice[]; callbacks: Delivery[] }>('/api/xendit');
  const { deployments } = await getJson<{ deployments: Array<{ id: string; url: string; deployer: string }> }>('/api/webapps');
  if (!shouldDraw({ user, v, deployments })) return;
  const nodes: Node[] = [];
  const refresh = () => void showXendit(p, head, user);
  const err = h('div', { id: 'xendit-error' });
  const act = (path: string, body: unknown) => async () => {
    try {
      await postJson(path, body);
      refresh();
    } catch (e) {
      err.replaceChildren(h('div', { class: 'panel-error' }, (e as Error).message));
    }
  };
  const cb = h('input', {
    type: 'text',
    id: 'xendit-callback',
    value: v.callbackUrl ?? '',
    placeholder: 'https://script.google.com/macros/s/…/exec',
  }) as HTMLInputElement;
  nodes.push(
    h('div', { class: 'muted empty' }, `Invoice API at ${v.url}`),
    err,
    h('h3', {}, `Invoices (${v.invoices.length})`),
    ...(v.invoices.length
      ? [...v.invoices].reverse().map((inv) => {
          const paid = h('input', {
            type: 'number',
            class: 'xendit-paid-amount',
            value: String(inv.amount),
            min: 1,
            title: 'Paid amount (IDR)',
          }) as HTMLInputElement;
          return h(
            'div',
            { class: 'invoice', 'data-external-id': inv.external_id, 'data-status': inv.status, 'data-id': inv.id },
            h(
              'div',
              {},
              h('b', {}, inv.external_id),
              ' · ',
              rupiah(inv.amount),
              ' · ',
              h('span', { class: `inv-status s-${inv.status.toLowerCase()}` }, inv.status),
            ),
            h('div', { class: 'muted' }, `${inv.payer_email ?? 'no payer e-mail'} · ${inv.description ?? ''}`),
            h(
              'div',
              { class: 'muted' },
              inv.status === 'PAID'
                ? `paid ${rupiah(inv.paid_amount ?? 0)} via ${inv.payment_channel ?? '?'} · ${wib(inv.paid_at!)}`
                : `expires ${wib(inv.expiry_date)}`,
              ' · ',
              h('a', { href: inv.invoice_url, target: '_blank', rel: 'noopener' }, 'invoice page'),
            ),
            inv.status === 'PENDING'
              ? h(
                  'div',
                  { class: 'quick' },
                  paid,
                  h(
                    'button',
                    {
                      class: 'small xendit-pay',
                      onclick: () => void act('/api/xendit/pay', { id: inv.id, paid_amount: Number(paid.value) })(),
                    },
                    'Mark paid',
                  ),
                  h(
                    'button',
                    { class: 'small xendit-expire', onclick: () => void act('/api/xendit/expire', { id: inv.id })() },
                    'Expire',
                  ),
                )
              : null,
          );
        })
      : [h('div', { class: 'muted empty' }, 'No invoices yet.')]),
    h('h3', {}, 'Callback URL (Xendit dashboard setting)'),
    h('div', { class: 'field' }, cb),
    h(
      'div',
      { class: 'quick' },
      h(
        'button',
        {
          class: 'small',
          id: 'xendit-callback-save',
          onclick: () => void act('/api/xendit/callback-url', { url: cb.value.trim() || null })(),
        },
        'Save',
      ),
      // one button per deployer, for their newest deployment (deploying again must not double the button)
      ...[...new Map(deployments.map((d) => [d.deployer, d])).values()]
        .slice(-3)
        .map((d) =>
          h(
            'button',
            { class: 'small', onclick: () => void act('/api/xendit/callback-url', { url: d.url })() },
            `Use web app of ${d.deployer}`,
          ),
        ),
      h(
        'button',
        { class: 'small', id: 'webapp-deploy', onclick: () => void act('/api/webapps/deploy', { user })() },
        `Deploy web app as ${user}`,
      ),
    ),
    h('h3', {}, 'Callbacks sent'),
    h(
      'div',
      { id: 'xendit-callbacks' },
      ...(v.callbacks.length
        ? [...v.callbacks]
            .reverse()
            .map((d) =>
              h(
                'div',
                { class: `run ${d.httpStatus !== null && d.httpStatus < 300 ? 'ok' : 'bad'}`, 'data-invoice': d.invoiceId },
                `${d.status} → ${d.url}`,
                h(
                  'div',
                  { class: 'muted' },
                  `${d.httpStatus === null ? `not delivered: ${d.error}` : `HTTP ${d.httpStatus}`}${
                    d.httpStatus === 302
                      ? ' (an Apps Script web app answers with a redirect; Xendit counts only 2xx as delivered)'
                      : ''
                  } · ${wib(d.at)}`,
                ),
              ),
            )
        : [h('div', { class: 'muted' }, 'None yet.')]),
    ),
  );
  p.replaceChildren(head, ...nodes);
}
