// Menu entries of the mentoring capability: the "Sesi mentoring" sidebar and "Proses pesanan sekarang" (admins).
import type { MenuItem } from '../platform/ui';
import { alert, showPage } from '../platform/ui';
import { callerWithRole } from '../settings/adapters';
import { AppError, errorMessage, messageOf } from '../core/errors';
import { pick, t } from '../core/text';
import { processOrders } from './operations';

export const mentoringMenu: MenuItem[] = [
  { caption: 'menu.mentoring.open', fn: 'openMentoringSidebar', for: ['mentor'] },
  { caption: 'menu.mentoring.process', fn: 'mentoringProcessNow', for: ['admin'] },
];

/** Menu: the "Sesi mentoring" sidebar (mentors and admins). */
export function openMentoringSidebar(): void {
  showPage('mentoring');
}

/** Menu: runs the order flow now and says what it did (admins). */
export function mentoringProcessNow(): void {
  try {
    const by = callerWithRole('admin');
    alert(t('title.mentoring'), pick(processOrders(by).text));
  } catch (e) {
    alert(
      t('title.mentoring'),
      e instanceof AppError ? pick(messageOf(e)) : t('mentoring.menu.error', { detail: errorMessage(e) }),
    );
  }
}
