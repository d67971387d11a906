// Approvers (Region, Branch manager, MCOT) decide pending evidence; GM SBP sees the same list without buttons.
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { ok, t, showError } from './i18n';
import { action, clusterSelect, field, section } from './ui';
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
      if (!r.items.length)
        list.append(el('p', { class: 'muted' }, t('Tidak ada evidence yang menunggu.', 'No evidence is waiting.')));
      for (const it of r.items) {
        const buttons = canApprove
          ? [
              action(
                t('Setujui', 'Approve'),
                async () => {
                  await call('budget_approve', it.id);
                  ok(
                    `Evidence #${it.id} disetujui. Salah? Batalkan di "Keputusan saya".`,
                    `Evidence #${it.id} approved. A mistake? Undo it under "My decisions".`,
                  );
                  await refresh();
                  await onDecided();
                },
                true,
              ),
              action(t('Tolak', 'Reject'), async () => {
                const reason = prompt(t('Alasan penolakan:', 'Reason for rejecting:'));
                if (reason === null) return;
                await call('budget_reject', it.id, reason);
                ok(
                  `Evidence #${it.id} ditolak. Salah? Batalkan di "Keputusan saya".`,
                  `Evidence #${it.id} rejected. A mistake? Undo it under "My decisions".`,
                );
                await refresh();
                await onDecided();
              }),
              action(
                t(`Setujui semua ${it.clusterName} ${it.month}`, `Approve all of ${it.clusterName} ${it.month}`),
                async () => {
                  // The approver sees what "all" means (count and total) first; the server approves only those.
                  const p = await call('budget_bulkPreview', it.clusterId, it.month);
                  const question = t(
                    `Setujui ${p.count} evidence ${p.clusterName} ${p.month} senilai ${rupiah(p.amount)}?`,
                    `Approve ${p.count} items of ${p.clusterName} ${p.month} worth ${rupiah(p.amount)}?`,
                  );
                  if (!confirm(question)) return;
                  const d = await call('budget_approveAll', it.clusterId, it.month, { count: p.count, amount: p.amount });
                  ok(
                    `${d.decided} evidence disetujui (${rupiah(d.amount)}). Salah? Batalkan di "Keputusan saya".`,
                    `${d.decided} items approved (${rupiah(d.amount)}). A mistake? Undo it under "My decisions".`,
                  );
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
      if (!r.items.length)
        list.append(
          el('p', { class: 'muted' }, t('Anda belum memutuskan evidence apa pun.', 'You have not decided any evidence yet.')),
        );
      for (const it of r.items)
        list.append(
          evidenceCard(it, [
            action(t('Batalkan keputusan', 'Undo decision'), async () => {
              const what = it.status === 'approved' ? t('persetujuan', 'approval') : t('penolakan', 'rejection');
              if (
                !confirm(
                  t(
                    `Batalkan ${what} evidence #${it.id}? Evidence kembali menunggu.`,
                    `Undo the ${what} of evidence #${it.id}? It will wait again.`,
                  ),
                )
              )
                return;
              await call('budget_undoDecision', it.id);
              ok(
                `Keputusan atas evidence #${it.id} dibatalkan; evidence menunggu lagi.`,
                `Decision on evidence #${it.id} undone; it waits again.`,
              );
              await reload();
              await onUndone();
            }),
          ]),
        );
    },
  );
  void reload().catch(showError);
  const sec = section(
    t('Keputusan saya (dapat dibatalkan sampai bulan ditutup)', 'My decisions (can be undone until the month closes)'),
    false,
    list,
  );
  sec.id = 'sec-decisions';
  return { section: sec, reload };
}
