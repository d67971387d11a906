// Approvers (Region, Branch manager, MCOT) decide pending evidence; GM SBP sees the same list without buttons.
import { t } from '../../server/core/text';
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { el } from '../core/dom';
import { showError } from '../core/errors';
import { tData } from '../core/i18n';
import { action, clusterSelect, field, ok, section } from './ui';
import { evidenceCard } from './cards';
import type { Me } from './main';

/** The event that reloads the pending list (after a decision was undone elsewhere in the sidebar). */
export const RELOAD = 'dd-reload';

/** `onDecided` reloads what shows the caller's decisions ("Keputusan saya"). */
export function approvalSection(me: Me, canApprove: boolean, onDecided: () => Promise<void> = async () => {}): HTMLElement {
  const cluster = clusterSelect(me, true);
  const month = el('input', { type: 'month', value: '' }) as HTMLInputElement;
  const list = el('div', {});
  const pager = el('div', { class: 'pager' });
  let page = 0;
  const pageSize = 10;
  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const refresh = latestCall(
    () =>
      call('budget_listEvidence', {
        status: 'pending',
        clusterId: cluster.value,
        month: month.value,
        page,
        pageSize,
      }),
    (r) => {
      list.textContent = '';
      if (!r.items.length) list.append(el('p', { class: 'muted' }, t('budget.ui.approval.none')));
      for (const it of r.items) {
        const buttons = canApprove
          ? [
              action(
                t('budget.ui.approval.approve'),
                async () => {
                  await call('budget_approve', it.id);
                  ok(t('budget.ui.approval.approved', { id: it.id }));
                  await refresh();
                  await onDecided();
                },
                true,
              ),
              action(t('budget.ui.approval.reject'), async () => {
                const reason = prompt(t('budget.ui.approval.reasonPrompt'));
                if (reason === null) return;
                await call('budget_reject', it.id, reason);
                ok(t('budget.ui.approval.rejected', { id: it.id }));
                await refresh();
                await onDecided();
              }),
              action(
                tData('budget.ui.approval.approveAll', { cluster: it.clusterName, month: it.month }, ['cluster']),
                async () => {
                  // The approver sees what "all" means (count and total) first; the server approves only those.
                  const p = await call('budget_bulkPreview', it.clusterId, it.month);
                  const question = t('budget.ui.approval.confirmAll', {
                    count: p.count,
                    cluster: p.clusterName,
                    month: p.month,
                    amount: p.amount,
                  });
                  if (!confirm(question)) return;
                  const d = await call('budget_approveAll', it.clusterId, it.month, { count: p.count, amount: p.amount });
                  ok(t('budget.ui.approval.allApproved', { count: d.decided, amount: d.amount }));
                  await refresh();
                  await onDecided();
                },
              ),
            ]
          : [];
        list.append(evidenceCard(it, buttons));
      }
      pager.textContent = '';
      const pages = Math.max(1, Math.ceil(r.total / pageSize));
      pager.append(
        el(
          'button',
          {
            disabled: page === 0,
            onclick: () => {
              page--;
              void refresh().catch(showError);
            },
          },
          '‹',
        ),
        el('span', {}, t('budget.ui.approval.page', { page: page + 1, pages, total: r.total })),
        el(
          'button',
          {
            disabled: page + 1 >= pages,
            onclick: () => {
              page++;
              void refresh().catch(showError);
            },
          },
          '›',
        ),
      );
    },
  );
  const reset = () => {
    page = 0;
    void refresh().catch(showError);
  };
  cluster.addEventListener('change', reset);
  month.addEventListener('change', reset);
  void refresh().catch(showError);

  const sec = section(
    canApprove ? t('budget.ui.approval.heading') : t('budget.ui.approval.viewOnly'),
    true,
    field(t('budget.ui.approval.filterCluster'), cluster),
    field(t('budget.ui.approval.filterMonth'), month),
    action(t('budget.ui.reload'), refresh),
    list,
    pager,
  );
  sec.id = 'sec-approval';
  sec.addEventListener(RELOAD, () => void refresh().catch(showError));
  return sec;
}

/** "Keputusan saya": the approver's own decisions, newest first; each can be undone until its month closes. */
export function decisionsSection(onUndone: () => Promise<void>): { section: HTMLElement; reload: () => Promise<void> } {
  const list = el('div', {});
  const reload = latestCall(
    () => call('budget_myDecisions', '', 0),
    (r) => {
      list.textContent = '';
      if (!r.items.length) list.append(el('p', { class: 'muted' }, t('budget.ui.decisions.none')));
      for (const it of r.items)
        list.append(
          evidenceCard(it, [
            action(t('budget.ui.decisions.undo'), async () => {
              const question =
                it.status === 'approved'
                  ? t('budget.ui.decisions.confirmUndoApproval', { id: it.id })
                  : t('budget.ui.decisions.confirmUndoRejection', { id: it.id });
              if (!confirm(question)) return;
              await call('budget_undoDecision', it.id);
              ok(t('budget.ui.decisions.undone', { id: it.id }));
              await reload();
              await onUndone();
            }),
          ]),
        );
    },
  );
  void reload().catch(showError);
  const sec = section(t('budget.ui.decisions.heading'), false, list);
  sec.id = 'sec-decisions';
  return { section: sec, reload };
}
