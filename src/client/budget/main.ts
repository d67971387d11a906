// Budget sidebar: shows each role only what it may do (Area allocates, Region recommends, clusters submit evidence,
// approvers decide); the server checks every call again. Bahasa Indonesia first, English switch.
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { getLang, setLang, showError, t } from './i18n';
import { allocationSection } from './area';
import { recommendationSection } from './region';
import { evidenceSection } from './cluster';
import { approvalSection, decisionsSection, RELOAD } from './approver';
import { reportSection, adminSection } from './admin';
import { mountHelp } from '../core/help';

export type Me = RpcResult<'budget_me'>;

const ROLE: Record<string, [string, string]> = {
  AREA: ['Area', 'Area'],
  REGION: ['Region', 'Region'],
  BRANCH_MANAGER: ['Branch manager', 'Branch manager'],
  MCOT: ['MCOT', 'MCOT'],
  GM_SBP: ['GM SBP (hanya lihat)', 'GM SBP (view only)'],
  CLUSTER: ['SBP Cluster', 'SBP Cluster'],
};

let me: Me | null = null;
let adminOnly = false;

async function render(): Promise<void> {
  byId('langId').className = getLang() === 'id' ? 'small active' : 'small';
  byId('langEn').className = getLang() === 'en' ? 'small active' : 'small';
  byId('title').textContent = t('Anggaran marketing fee', 'Marketing fee budget');
  const app = byId('app');
  app.textContent = '';
  if (!me) {
    byId('who').textContent = adminOnly ? t('Admin (bukan pengguna anggaran)', 'Admin (not a budget user)') : '';
    if (adminOnly) app.append(adminSection());
    return;
  }
  const [rid, ren] = ROLE[me.role] ?? [me.role, me.role];
  byId('who').textContent = `${me.name} · ${t(rid, ren)} · ${me.node.name}`;
  const can = (a: string) => me!.actions.includes(a as never);
  app.append(
    el(
      'button',
      { class: 'primary', onclick: () => call('budget_openDashboard').catch(showError) },
      t('Buka dasbor', 'Open dashboard'),
    ),
  );
  if (can('allocate')) app.append(allocationSection(me));
  if (can('recommend')) app.append(recommendationSection(me));
  if (can('submit')) app.append(evidenceSection(me));
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
  status(t('Memuat…', 'Loading…'));
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
  await render();
}

byId('langId').addEventListener('click', () => {
  setLang('id');
  void render();
});
byId('langEn').addEventListener('click', () => {
  setLang('en');
  void render();
});

void load();

mountHelp(getLang);
