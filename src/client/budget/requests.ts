// Budget requests in the sidebar: the cluster asks (draft or at once) and follows its requests, the Region adds a
// recommendation note, the Area decides with the cluster's figures in view. The server checks every step again.
import { t, TextKey } from '../../server/core/text';
import { formatMonth, formatNumber, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { latestCall } from '../core/actions';
import { amountOf, asAmountInput, el } from '../core/dom';
import { showError } from '../core/errors';
import { action, field, fields, monthInput, ok, readFiles, section } from './ui';
import { fileLink } from './cards';
import type { Me } from './main';

type List = RpcResult<'budget_requests'>;
type Request = List['items'][number];

/** User data (names, justifications, notes) is shown as entered: translate="no". */
const data = (text: string) => el('span', { translate: 'no' }, text);
const BADGE: Record<Request['state'], string> = {
  draft: '',
  submitted: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: '',
};

/** One request: amounts, state, the cluster-month's and region's figures, the region's note, the decision. */
function requestCard(r: Request, ...after: Array<Node | null>): HTMLElement {
  const preview = el('div', { class: 'preview' });
  const lines = Object.entries(r.lines);
  return el(
    'div',
    { class: 'card', 'data-request': r.id },
    el(
      'div',
      {},
      el('span', { class: 'amt' }, t('budget.ui.request.asked', { amount: r.amount })),
      ' ',
      el('span', { class: `badge ${BADGE[r.state]}` }, t(`budget.request.state.${r.state}` as TextKey)),
      r.approvedAmount !== null
        ? el('span', { class: 'amt' }, ` · ${t('budget.ui.request.granted', { amount: r.approvedAmount })}`)
        : null,
    ),
    el(
      'div',
      { class: 'meta' },
      `#${r.id} · `,
      data(r.clusterName),
      ` · ${t('budget.ui.request.month')}: `,
      formatMonth(r.month),
    ),
    lines.length
      ? el(
          'div',
          { class: 'meta', translate: 'no' },
          lines.map(([code, amount]) => `${code} ${formatRupiah(amount)}`).join(' · '),
        )
      : null,
    el('div', { translate: 'no' }, r.justification),
    el(
      'div',
      { class: 'meta' },
      t('budget.ui.request.figures', {
        allocation: r.allocation === null ? t('budget.ui.request.noAllocation') : formatRupiah(r.allocation),
        approved: r.approved,
        recommendation: r.recommendation,
      }),
    ),
    r.regionName
      ? el(
          'div',
          { class: 'meta' },
          t('budget.ui.request.region', {
            region: r.regionName,
            allocation: r.regionAllocation,
            approved: r.regionApproved,
            remaining: r.regionRemaining,
          }),
        )
      : null,
    r.note ? el('div', { class: 'explain' }, t('budget.ui.request.note', { by: r.noteBy ?? '' }), data(r.note)) : null,
    r.decidedBy && r.decidedAt
      ? el('div', { class: 'meta' }, t('budget.ui.request.decision', { by: r.decidedBy, at: r.decidedAt }))
      : null,
    r.reason
      ? el('div', { class: r.state === 'rejected' ? 'warn' : 'meta' }, t('budget.ui.request.reason'), data(r.reason))
      : null,
    r.files.length ? el('div', {}, ...r.files.flatMap((f) => [fileLink(f, preview), ' '])) : null,
    preview,
    ...after,
  );
}

/** A list that reloads itself: `show` renders the answer of the newest call only. */
function requestList(filter: () => { month: string; state: '' | Request['state'] }, show: (l: List, box: HTMLElement) => void) {
  const box = el('div', {});
  const reload = latestCall(
    () => call('budget_requests', filter()),
    (l) => {
      box.textContent = '';
      show(l, box);
    },
  );
  return { box, reload };
}

/** SBP Cluster: ask for budget for a month and follow its own requests (decided ones are announced on top). */
export function clusterRequestSection(me: Me): HTMLElement {
  const month = monthInput(me, 1);
  month.name = 'req-month';
  const justification = el('textarea', { name: 'req-justification', rows: 2, maxlength: 2000 }) as HTMLTextAreaElement;
  const total = asAmountInput(el('input', { name: 'req-total', placeholder: formatNumber(2_500_000) }) as HTMLInputElement);
  const lineInputs = new Map<string, HTMLInputElement>();
  const sum = el('div', { class: 'muted' });
  const showSum = () => {
    const s = [...lineInputs.values()].reduce((a, i) => a + (amountOf(i) ?? 0), 0);
    sum.textContent = s ? t('budget.ui.request.sum', { total: s }) : '';
    total.disabled = s > 0;
  };
  const lines = el(
    'div',
    { class: 'lines' },
    ...me.pointTypes.map((p) => {
      const i = asAmountInput(el('input', { name: `req-line-${p}` }) as HTMLInputElement);
      i.addEventListener('input', showSum);
      lineInputs.set(p, i);
      return field(p, i);
    }),
  );
  const files = el('input', {
    name: 'req-files',
    type: 'file',
    multiple: true,
    accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf',
  }) as HTMLInputElement;
  const ceiling = el('div', { class: 'muted', id: 'req-ceiling' });
  const news = el('div', { id: 'req-news' });
  /** The draft being changed (null: the form asks for a new request). */
  let editing: Request | null = null;
  const editBanner = el('div', { class: 'explain', id: 'req-editing', hidden: true });
  const clearForm = () => {
    editing = null;
    editBanner.hidden = true;
    justification.value = '';
    total.value = '';
    files.value = '';
    for (const i of lineInputs.values()) i.value = '';
    showSum();
  };
  const startEdit = (r: Request) => {
    clearForm();
    editing = r;
    month.value = r.month;
    justification.value = r.justification;
    const lineEntries = Object.entries(r.lines);
    for (const [code, amount] of lineEntries) {
      const i = lineInputs.get(code);
      if (i) i.value = formatNumber(amount);
    }
    if (!lineEntries.length) total.value = formatNumber(r.amount);
    showSum();
    const stop = action(t('budget.ui.request.cancelEdit'), async () => clearForm());
    stop.name = 'req-cancel-edit';
    editBanner.replaceChildren(el('span', {}, t('budget.ui.request.editing', { id: r.id })), ' ', stop);
    editBanner.hidden = false;
    month.focus();
  };

  const { box, reload } = requestList(
    () => ({ month: '', state: '' }),
    (l, list) => {
      ceiling.textContent = t('budget.ui.request.ceiling', { ceiling: l.ceiling });
      month.min = l.openFrom;
      // The cluster is told in its sidebar when its requests are decided (the last 14 days).
      const since = new Date(Date.parse(`${me.today}T00:00:00+07:00`) - 14 * 86_400_000).toISOString();
      news.replaceChildren(
        ...l.items
          .filter((r) => (r.state === 'approved' || r.state === 'rejected') && (r.decidedAt ?? '') >= since)
          .map((r) =>
            el(
              'div',
              { class: `status ${r.state === 'approved' ? 'ok' : 'error'}`, 'data-news': r.id },
              t('budget.ui.request.decidedNotice', {
                id: r.id,
                month: r.month,
                status: t(`budget.request.state.${r.state}` as TextKey),
              }),
            ),
          ),
      );
      if (!l.items.length) list.append(el('p', { class: 'muted' }, t('budget.ui.request.none')));
      for (const r of l.items) {
        const buttons: HTMLElement[] = [];
        if (r.state === 'draft')
          buttons.push(
            action(t('budget.ui.request.edit'), async () => startEdit(r)),
            action(t('budget.ui.request.submitNow'), async () => {
              await call('budget_submitRequest', r.id);
              ok(t('budget.ui.request.sent', { id: r.id }));
              await reload();
            }),
          );
        if (r.state === 'draft' || r.state === 'submitted')
          buttons.push(
            action(t('budget.ui.request.withdraw'), async () => {
              if (!confirm(t('budget.ui.request.confirmWithdraw', { id: r.id }))) return;
              await call('budget_withdrawRequest', r.id);
              ok(t('budget.ui.request.withdrawn', { id: r.id }));
              await reload();
            }),
          );
        list.append(requestCard(r, el('div', {}, ...buttons)));
      }
    },
  );

  const create = (mode: 'draft' | 'submit') => async () => {
    const lineValues: Record<string, string | number> = {};
    for (const [code, i] of lineInputs) if (i.value.trim()) lineValues[code] = amountOf(i) ?? i.value.trim();
    const input = {
      month: month.value,
      justification: justification.value,
      lines: lineValues,
      total: Object.keys(lineValues).length ? '' : (amountOf(total) ?? total.value),
    };
    const uploads = await readFiles(files);
    const r = editing
      ? await call('budget_updateRequest', editing.id, input, uploads, mode)
      : await call('budget_createRequest', input, uploads, mode);
    const done =
      mode === 'submit' ? 'budget.ui.request.sent' : editing ? 'budget.ui.request.updated' : 'budget.ui.request.created';
    ok(t(done, { id: r.id }));
    clearForm();
    await reload();
  };
  const submit = action(t('budget.ui.request.submitNow'), create('submit'), true);
  submit.name = 'req-submit';
  const draft = action(t('budget.ui.request.saveDraft'), create('draft'));
  draft.name = 'req-draft';
  void reload().catch(showError);

  const sec = section(
    t('budget.ui.request.heading'),
    true,
    news,
    editBanner,
    ...fields(
      [t('budget.ui.request.month'), month],
      [t('budget.ui.request.justification'), justification],
      [t('budget.ui.request.total'), total],
    ),
    el('label', {}, t('budget.ui.request.lines')),
    lines,
    sum,
    field(t('budget.ui.request.files'), files),
    ceiling,
    submit,
    draft,
    el('h2', {}, t('budget.ui.request.mine')),
    box,
  );
  sec.id = 'sec-requests';
  return sec;
}

/** Area: open requests first, each with the decision controls and what the allocation would become. */
/** Sent on the document when an approval changed allocations (the allocation list reloads). */
export const ALLOCATIONS_CHANGED = 'budget-allocations-changed';

export function areaRequestSection(): HTMLElement {
  const { box, reload } = requestList(
    () => ({ month: '', state: '' }),
    (l, list) => {
      const open = l.items.filter((r) => r.state === 'submitted');
      if (!open.length) list.append(el('p', { class: 'muted' }, t('budget.ui.request.openNone')));
      for (const r of open) {
        const amount = asAmountInput(
          el('input', { name: `req-amount-${r.id}`, placeholder: formatNumber(r.amount) }) as HTMLInputElement,
        );
        const reason = el('textarea', { name: `req-reason-${r.id}`, rows: 2, maxlength: 500 }) as HTMLTextAreaElement;
        const after = el('div', { class: 'meta' });
        const showAfter = () => {
          after.textContent = t('budget.ui.request.after', { amount: (r.allocation ?? 0) + (amountOf(amount) ?? r.amount) });
        };
        amount.addEventListener('input', showAfter);
        showAfter();
        const approve = action(
          t('budget.ui.request.approve'),
          async () => {
            const d = await call('budget_approveRequest', r.id, amountOf(amount) ?? amount.value, reason.value);
            ok(t('budget.ui.request.approved', { id: r.id, amount: d.approvedAmount ?? 0, allocation: d.allocation ?? 0 }));
            await reload();
            document.dispatchEvent(new Event(ALLOCATIONS_CHANGED));
          },
          true,
        );
        approve.name = `req-approve-${r.id}`;
        const reject = action(t('budget.ui.request.reject'), async () => {
          await call('budget_rejectRequest', r.id, reason.value);
          ok(t('budget.ui.request.rejected', { id: r.id }));
          await reload();
        });
        reject.name = `req-reject-${r.id}`;
        list.append(
          requestCard(
            r,
            after,
            field(t('budget.ui.request.amountLabel'), amount),
            field(t('budget.ui.request.reasonLabel'), reason),
            el('div', {}, approve, reject),
          ),
        );
      }
      const decided = l.items.filter((r) => r.state !== 'submitted');
      if (decided.length)
        list.append(section(t('budget.ui.request.decided'), false, ...decided.slice(0, 20).map((r) => requestCard(r))));
    },
  );
  void reload().catch(showError);
  const sec = section(t('budget.ui.request.areaHeading'), true, box);
  sec.id = 'sec-request-decide';
  return sec;
}

/** Region: its clusters' requests; a waiting one takes a recommendation note for the Area. */
export function regionRequestSection(): HTMLElement {
  const { box, reload } = requestList(
    () => ({ month: '', state: '' }),
    (l, list) => {
      if (!l.items.length) list.append(el('p', { class: 'muted' }, t('budget.ui.request.none')));
      for (const r of l.items) {
        if (r.state !== 'submitted') {
          list.append(requestCard(r));
          continue;
        }
        const note = el('textarea', { name: `req-note-${r.id}`, rows: 2, maxlength: 1000 }) as HTMLTextAreaElement;
        note.value = r.note ?? '';
        const save = action(t('budget.ui.request.saveNote'), async () => {
          await call('budget_noteRequest', r.id, note.value);
          ok(t('budget.ui.request.noteSaved', { id: r.id }));
          await reload();
        });
        save.name = `req-note-save-${r.id}`;
        list.append(requestCard(r, field(t('budget.ui.request.noteLabel'), note), save));
      }
    },
  );
  void reload().catch(showError);
  const sec = section(t('budget.ui.request.regionHeading'), true, box);
  sec.id = 'sec-request-region';
  return sec;
}
