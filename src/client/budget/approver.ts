// Approvers (Region, Branch manager, MCOT) decide pending evidence; GM SBP sees the same list without buttons.
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { ok, t, showError } from './i18n';
import { action, clusterSelect, field, section } from './ui';
import { evidenceCard } from './cards';
import type { Me } from './main';

export function approvalSection(me: Me, canApprove: boolean): HTMLElement {
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
      if (!r.items.length)
        list.append(el('p', { class: 'muted' }, t('Tidak ada evidence yang menunggu.', 'No evidence is waiting.')));
      for (const it of r.items) {
        const buttons = canApprove
          ? [
              action(
                t('Setujui', 'Approve'),
                async () => {
                  await call('budget_approve', it.id);
                  ok(`Evidence #${it.id} disetujui.`, `Evidence #${it.id} approved.`);
                  await refresh();
                },
                true,
              ),
              action(t('Tolak', 'Reject'), async () => {
                const reason = prompt(t('Alasan penolakan:', 'Reason for rejecting:'));
                if (reason === null) return;
                await call('budget_reject', it.id, reason);
                ok(`Evidence #${it.id} ditolak.`, `Evidence #${it.id} rejected.`);
                await refresh();
              }),
              action(
                t(`Setujui semua ${it.clusterName} ${it.month}`, `Approve all of ${it.clusterName} ${it.month}`),
                async () => {
                  const d = await call('budget_approveAll', it.clusterId, it.month);
                  ok(
                    `${d.decided} evidence disetujui (${rupiah(d.amount)}).`,
                    `${d.decided} items approved (${rupiah(d.amount)}).`,
                  );
                  await refresh();
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
        el('span', {}, `${t('Halaman', 'Page')} ${page + 1} / ${pages} · ${r.total} ${t('menunggu', 'waiting')}`),
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
    canApprove
      ? t('Menunggu persetujuan', 'Waiting for approval')
      : t('Evidence menunggu (lihat saja)', 'Pending evidence (view only)'),
    true,
    field(t('Filter cluster', 'Filter by cluster'), cluster),
    field(t('Filter bulan (kosong = semua)', 'Filter by month (empty = all)'), month),
    action(t('Muat ulang', 'Reload'), refresh),
    list,
    pager,
  );
  sec.id = 'sec-approval';
  return sec;
}
