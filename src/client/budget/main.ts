// Budget sidebar: shows each role only what it may do (Area allocates, Region recommends, clusters submit evidence,
// approvers decide); the server checks every call again. Texts from the catalogue, in the page's language.
import { t, TextKey } from '../../server/core/text';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { showError } from '../core/errors';
import { initLanguage } from '../core/i18n';
import { allocationSection } from './area';
import { recommendationSection } from './region';
import { evidenceSection } from './cluster';
import { recentSection } from './recent';
import { areaRequestSection, clusterRequestSection, regionRequestSection } from './requests';
import { approvalSection, decisionsSection, RELOAD } from './approver';
import { reportSection, adminSection } from './admin';
import { mountHelp } from '../core/help';

export type Me = RpcResult<'budget_me'>;

let me: Me | null = null;
let adminOnly = false;

function render(): void {
  const app = byId('app');
  app.textContent = '';
  if (!me) {
    byId('who').textContent = adminOnly ? t('budget.ui.adminOnly') : '';
    if (adminOnly) app.append(adminSection());
    return;
  }
  // Names are the user's data (translate="no": never a word of either language to the page or the language test).
  byId('who').replaceChildren(
    el('span', { translate: 'no' }, me.name),
    ` · ${t(`budget.role.${me.role}` as TextKey)} · `,
    el('span', { translate: 'no' }, me.node.name),
  );
  const can = (a: string) => me!.actions.includes(a as never);
  app.append(
    el(
      'button',
      { class: 'primary', onclick: () => call('budget_openDashboard').catch(showError) },
      t('budget.ui.openDashboard'),
    ),
  );
  // The Area's open budget requests come first, above the allocations they raise.
  if (can('decideRequest')) app.append(areaRequestSection());
  if (can('allocate')) app.append(allocationSection(me));
  if (can('noteRequest')) app.append(regionRequestSection());
  if (can('recommend')) app.append(recommendationSection(me));
  if (can('request')) app.append(clusterRequestSection(me));
  if (can('submit')) app.append(recentSection(), evidenceSection(me));
  // The monthly PDF before the pending list, which can run long: it is not buried under the cards.
  if (can('report')) app.append(reportSection(me));
  if (can('approve')) {
    const pending: { el?: HTMLElement } = {};
    const decisions = decisionsSection(async () => void pending.el?.dispatchEvent(new Event(RELOAD)));
    pending.el = approvalSection(me, true, decisions.reload);
    app.append(pending.el, decisions.section);
  } else if (me.role === 'GM_SBP') app.append(approvalSection(me, false));
  if (me.admin) app.append(adminSection());
}

async function load(): Promise<void> {
  status(t('common.loading'));
  try {
    me = await call('budget_me');
    status('');
  } catch (e) {
    // An admin without a budget role (or before migrations) still gets the admin tools.
    try {
      await call('budget_schemaVersion');
      adminOnly = true;
      status('');
    } catch {
      showError(e);
    }
  }
  render();
}

initLanguage('budget', render);
void load();

mountHelp();
