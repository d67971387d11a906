// After a failed run: what happened to the folders and what to do next. Admins fix the cause and run the month again
// with one click (or count it first); anyone else learns which admins to ask.
import { t } from '../../server/core/text';
import { el } from '../core/dom';
import { tData } from '../core/i18n';

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
    el('h2', {}, t('reports.ui.recovery.heading')),
    el('p', {}, t('reports.ui.recovery.unchanged')),
  );
  if (me.isAdmin) {
    box.append(
      el('p', {}, t('reports.ui.recovery.fix')),
      el(
        'button',
        { id: 'recoverDry', type: 'button', onclick: () => act.dryRun(s.month) },
        t('reports.ui.recovery.dryRun', { month: s.month }),
      ),
      el(
        'button',
        { id: 'recoverRun', type: 'button', class: 'primary', onclick: () => act.rerun(s.month) },
        t('reports.ui.recovery.rerun', { month: s.month }),
      ),
    );
  } else {
    const who = me.admins.length ? me.admins.join(', ') : t('common.role.admin');
    box.append(el('p', {}, tData('reports.ui.recovery.askAdmin', { who, month: s.month }, ['who'])));
  }
  return box;
}
