// After a failed run: what happened to the folders and what to do next. Admins fix the cause and run the month again
// with one click (or count it first); anyone else learns which admins to ask.
import { el } from '../core/dom';

interface FailedRun {
  month: string;
  phase: string;
}

export interface RecoveryActions {
  /** Runs the month again (the sidebar's Run, with its progress and answer). */
  rerun(month: string): void;
  /** Counts the month without writing anything (the sidebar's dry run). */
  dryRun(month: string): void;
}

/** The "what next" box under a failed run, or null when the last run did not fail. */
export function recoveryBox(
  s: FailedRun | null,
  me: { isAdmin: boolean; admins: string[] },
  act: RecoveryActions,
): HTMLElement | null {
  if (s?.phase !== 'failed') return null;
  const box = el(
    'div',
    { id: 'recovery', class: 'recovery' },
    el('h2', {}, 'Apa selanjutnya ', el('span', { class: 'muted' }, 'What next')),
    el(
      'p',
      {},
      `Folder tidak diubah: file laporan sebelumnya masih ada. `,
      el('span', { class: 'muted' }, 'The folders were not changed: the previous report files are still there.'),
    ),
  );
  if (me.isAdmin) {
    box.append(
      el(
        'p',
        {},
        'Perbaiki penyebab di atas (lihat Bantuan), lalu jalankan ulang. ',
        el('span', { class: 'muted' }, 'Fix the cause above (see Help), then run it again.'),
      ),
      el('button', { id: 'recoverDry', type: 'button', onclick: () => act.dryRun(s.month) }, `Uji coba ${s.month}`),
      el(
        'button',
        { id: 'recoverRun', type: 'button', class: 'primary', onclick: () => act.rerun(s.month) },
        `Jalankan ulang ${s.month}`,
      ),
    );
  } else {
    const who = me.admins.length ? me.admins.join(', ') : 'admin DataDesk';
    box.append(
      el(
        'p',
        {},
        `Minta admin (${who}) memperbaiki penyebabnya lalu menjalankan ulang laporan ${s.month}. `,
        el('span', { class: 'muted' }, `Ask an admin (${who}) to fix the cause and run the ${s.month} report again.`),
      ),
    );
  }
  return box;
}
