// Menu entries of the marketplace capability: "Impor ekspor marketplace" (scan now) and the Marketplace sidebar.
import type { MenuItem } from '../platform/ui';
import { alert, showPage } from '../platform/ui';
import { callerWithRole } from '../settings/adapters';
import { AppError, errorMessage, messageOf } from '../core/errors';
import { pick, t } from '../core/text';
import { runScan } from './operations';

export const marketMenu: MenuItem[] = [
  { caption: 'menu.market.scan', fn: 'marketScanNow', for: ['merchandiser'] },
  { caption: 'menu.market.open', fn: 'openMarketSidebar', for: ['merchandiser'] },
];

/** Menu: scans the folders now and says what happened (merchandisers). */
export function marketScanNow(): void {
  try {
    const me = callerWithRole('merchandiser');
    const r = runScan(me);
    const loaded = r.outcomes.filter((o) => o.state === 'loaded');
    const rejected = r.outcomes.filter((o) => o.state === 'rejected');
    const lines = [
      t('market.menu.result', {
        loaded: loaded.length,
        rows: loaded.reduce((a, o) => a + o.rows, 0),
        rejected: rejected.length,
        waiting: Math.max(0, r.waiting),
      }),
      ...rejected.map((o) => `✗ ${o.file}: ${o.reason ? pick(o.reason) : ''}`),
    ];
    if (r.stopped) lines.push(pick(r.stopped));
    alert(t('title.market'), lines.join('\n'));
  } catch (e) {
    alert(t('title.market'), e instanceof AppError ? pick(messageOf(e)) : t('market.menu.error', { detail: errorMessage(e) }));
  }
}

/** Menu: the Marketplace sidebar (files by state; settings for admins). */
export function openMarketSidebar(): void {
  showPage('marketplace');
}
