// Approvers (Region, Branch manager, MCOT) decide pending evidence, listed per cluster (the newest first, 10 each and
// the rest counted) or for one cluster; GM SBP sees the same list without buttons.
import { t } from '../../server/core/text';
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { el } from '../core/dom';
import { showError } from '../core/errors';
import { tData } from '../core/i18n';
import { action, clusterSelect, field, ok, section } from './ui';
import { evidenceCard, Item } from './cards';
import type { RpcResult } from '../core/rpc';
import type { Me } from './main';

/** The event that reloads the pending list (after a decision was undone elsewhere in the sidebar). */
export const RELOAD = 'dd-reload';

/** What the pending list shows: every cluster (grouped, the newest first: 10 items each, the rest counted) or one
 * cluster's items, paged. */
type Shown = { grouped: true; r: RpcResult<'budget_pendingByCluster'> } | { grouped: false; r: RpcResult<'budget_listEvidence'> };

/** `onDecided` reloads what shows the caller's decisions ("Keputusan saya"). */
export function approvalSection(me: Me, canApprove: boolean, onDecided: () => Promise<void> = async () => {}): HTMLElement {
  const cluster = clusterSelect(me, true);
  const month = el('input', { type: 'month', value: '' }) as HTMLInputElement;
  const list = el('div', {});
  const pager = el('div', { class: 'pager' });
  let page = 0;
  const pageSize = 10;
  const after = async () => {
    await refresh();
    await onDecided();
  };
  const buttonsFor = (it: Item): HTMLElement[] =>
    canApprove
      ? [
          action(
            t('budget.ui.approval.approve'),
            async () => {
              await call('budget_approve', it.id);
              ok(t('budget.ui.approval.approved', { id: it.id }));
              await after();
            },
            true,
          ),
          action(t('budget.ui.approval.reject'), async () => {
            const reason = prompt(t('budget.ui.approval.reasonPrompt'));
            if (reason === null) return;
            await call('budget_reject', it.id, reason);
            ok(t('budget.ui.approval.rejected', { id: it.id }));
            await after();
          }),
          action(tData('budget.ui.approval.approveAll', { cluster: it.clusterName, month: it.month }, ['cluster']), async () => {
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
            await after();
          }),
        ]
      : [];
  const showGroups = (r: RpcResult<'budget_pendingByCluster'>) => {
    for (const g of r.groups) {
      const box = el(
        'div',
        { class: 'group', 'data-cluster': g.clusterId },
        el(
          'h3',
          {},
          tData('budget.ui.approval.group', { cluster: g.clusterName, count: g.count, amount: g.amount }, ['cluster']),
        ),
      );
      for (const it of g.items) box.append(evidenceCard(it, buttonsFor(it)));
      if (g.more > 0)
        box.append(
          el('p', { class: 'muted more' }, t('budget.ui.approval.more', { count: g.more })),
          el(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: () => {
                cluster.value = g.clusterId;
                reset();
              },
            },
            t('budget.ui.approval.showCluster'),
          ),
        );
      list.append(box);
    }
  };
  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const refresh = latestCall(
    async (): Promise<Shown> =>
      cluster.value
        ? {
            grouped: false,
            r: await call('budget_listEvidence', {
              status: 'pending',
              clusterId: cluster.value,
              month: month.value,
              page,
              pageSize,
            }),
          }
        : { grouped: true, r: await call('budget_pendingByCluster', month.value, page) },
    (shown) => {
      list.textContent = '';
      const empty = shown.grouped ? !shown.r.groups.length : !shown.r.items.length;
      if (empty) list.append(el('p', { class: 'muted' }, t('budget.ui.approval.none')));
      let pages: number;
      let label: string;
      if (shown.grouped) {
        pages = Math.max(1, Math.ceil(shown.r.clusters / shown.r.pageSize));
        showGroups(shown.r);
        label = t('budget.ui.approval.clusterPage', { page: page + 1, pages, total: shown.r.clusters });
      } else {
        for (const it of shown.r.items) list.append(evidenceCard(it, buttonsFor(it)));
        pages = Math.max(1, Math.ceil(shown.r.total / pageSize));
        label = t('budget.ui.approval.page', { page: page + 1, pages, total: shown.r.total });
      }
      pager.textContent = '';
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
        el('span', {}, label),
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
