// Monthly PDF per cluster (report roles) and the admin tools: migrations and the configuration as data.
import { pick, t } from '../../server/core/text';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { amountOf, asAmountInput, el } from '../core/dom';
import { formatNumber } from '../../server/core/format';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { action, clusterSelect, field, fields, monthInput, ok, section } from './ui';
import type { Me } from './main';

export function reportSection(me: Me): HTMLElement {
  const cluster = clusterSelect(me);
  cluster.name = 'pdf-cluster';
  const month = monthInput(me);
  const out = el('div', {});
  const sec = section(
    t('budget.ui.pdf.heading'),
    false,
    field(t('budget.ui.cluster'), cluster),
    field(t('budget.ui.month'), month),
    action(
      t('budget.ui.pdf.make'),
      async () => {
        out.textContent = t('budget.ui.pdf.making');
        const job = await call('budget_makePdf', cluster.value, month.value);
        let s = await call('budget_pdfStatus', job.requestId);
        for (let i = 0; s.status === 'running' && i < 30; i++) {
          await new Promise((r) => setTimeout(r, 1000));
          s = await call('budget_pdfStatus', job.requestId);
        }
        out.textContent = '';
        if (s.status === 'done' && s.url) {
          out.append(link(s.url, t('budget.ui.pdf.link', { name: s.name ?? '', pages: s.pages ?? 0 }), { id: 'pdfLink' }));
          ok(t('budget.ui.pdf.saved'));
        } else out.textContent = t('budget.ui.pdf.notReady');
      },
      true,
    ),
    out,
  );
  sec.id = 'sec-pdf';
  return sec;
}

type Config = RpcResult<'budget_getConfig'>;

const toLines = (cfg: Config) => ({
  nodes: cfg.nodes.map((n) => [n.id, n.level, n.name, n.parentId ?? ''].join(', ')).join('\n'),
  users: cfg.users.map((u) => [u.email, u.name, u.role, u.nodeId].join(', ')).join('\n'),
  points: cfg.pointTypes
    .map((p) => [p.code, p.name, t(p.active ? 'budget.ui.admin.active' : 'budget.ui.admin.inactive')].join(', '))
    .join('\n'),
});

const rows = (text: string) =>
  text
    .split('\n')
    .map((l) => l.split(',').map((x) => x.trim()))
    .filter((r) => r[0]);

type Automation = RpcResult<'budget_automation'>;

/** The Drive folder tree and whose trigger does the budget's unattended work, with what an admin can do about it. */
function automationBox(): { box: HTMLElement; load: () => Promise<void> } {
  const box = el('div', { id: 'budgetAutomation' });
  const drive = el('input', { id: 'sharedDrive', placeholder: 'https://drive.google.com/drive/folders/…' });
  const show = (a: Automation) => {
    const tree = a.tree;
    const lines: HTMLElement[] = [
      el(
        'p',
        { id: 'treeLine' },
        tree.setUp
          ? t('budget.ui.tree.line', {
              where: t(tree.sharedDrive ? 'budget.ui.tree.inSharedDrive' : 'budget.ui.tree.inMyDrive'),
              clusters: tree.clusters,
              sharing: tree.pending ? t('budget.ui.tree.pending', { count: tree.pending }) : t('budget.ui.tree.inSync'),
            })
          : t('budget.ui.tree.notSetUp'),
      ),
    ];
    if (tree.rootUrl) lines.push(link(tree.rootUrl, t('budget.ui.tree.open'), { id: 'treeLink' }));
    const notice = ownerNotice(a.owner, {
      line: { id: 'digestOwner', says: (o) => t('budget.ui.tree.digestOwner', { owner: o.owner }) },
      takeOver: async () => show(await call('budget_takeOver')),
    });
    box.replaceChildren(...lines, ...notice);
    if (!tree.setUp) box.append(field(t('budget.ui.tree.sharedDrive'), drive));
    box.append(
      action(t(tree.setUp ? 'budget.ui.tree.sync' : 'budget.ui.tree.setUp'), async () => {
        show(tree.setUp ? await call('budget_syncFolders') : await call('budget_setupFolders', drive.value.trim() || null));
        ok(t('budget.ui.tree.updated'));
      }),
    );
  };
  return { box, load: async () => show(await call('budget_automation')) };
}

export function adminSection(): HTMLElement {
  const nodes = el('textarea', { rows: 6, spellcheck: false }) as HTMLTextAreaElement;
  const users = el('textarea', { rows: 6, spellcheck: false }) as HTMLTextAreaElement;
  const points = el('textarea', { rows: 4, spellcheck: false }) as HTMLTextAreaElement;
  const sheet = el('input', { value: t('budget.ui.admin.sheetDefault') }) as HTMLInputElement;
  const auto = automationBox();
  const ceiling = asAmountInput(el('input', { name: 'req-ceiling-admin' }) as HTMLInputElement);
  async function load(): Promise<void> {
    const l = toLines(await call('budget_getConfig'));
    nodes.value = l.nodes;
    users.value = l.users;
    points.value = l.points;
    ceiling.value = formatNumber((await call('budget_requestCeiling')).ceiling);
    await auto.load();
  }
  const labelled = fields(
    [t('budget.ui.admin.nodes'), nodes],
    [t('budget.ui.admin.users'), users],
    [t('budget.ui.admin.points'), points],
  );
  return section(
    t('budget.ui.admin.heading'),
    false,
    action(t('budget.ui.admin.migrate'), async () => {
      const r = await call('budget_migrate');
      ok(t('budget.ui.admin.migrated', { current: r.current, applied: r.applied.join(', ') || '–' }));
    }),
    action(t('budget.ui.admin.load'), load),
    auto.box,
    ...labelled,
    action(
      t('budget.ui.admin.save'),
      async () => {
        const cfg: Config = {
          nodes: rows(nodes.value).map(([id, level, name, parentId]) => ({
            id,
            level: level as Config['nodes'][number]['level'],
            name,
            parentId: parentId || null,
          })),
          users: rows(users.value).map(([email, name, role, nodeId]) => ({
            email,
            name,
            role: role as Config['users'][number]['role'],
            nodeId,
          })),
          pointTypes: rows(points.value).map(([code, name, active]) => ({
            code,
            name,
            active: !/^(nonaktif|inactive|false|0)$/i.test(active ?? ''),
          })),
        };
        const r = await call('budget_saveConfig', cfg);
        ok(savedText(r));
        await auto.load();
      },
      true,
    ),
    field(t('budget.ui.request.ceilingLabel'), ceiling),
    action(t('budget.ui.request.saveCeiling'), async () => {
      const r = await call('budget_setRequestCeiling', amountOf(ceiling) ?? ceiling.value);
      ceiling.value = formatNumber(r.ceiling);
      ok(t('budget.ui.request.ceilingSaved', { ceiling: r.ceiling }));
    }),
    el('p', { class: 'muted' }, t('budget.ui.admin.importHint')),
    field(t('budget.ui.admin.sheetName'), sheet),
    action(t('budget.ui.admin.import'), async () => {
      const r = await call('budget_importConfig', sheet.value);
      ok(savedText(r, 'budget.ui.admin.imported'));
      await load();
    }),
  );
}

/** What a saved (or imported) configuration did, with how far the folder sharing followed it and why not further. */
function savedText(
  r: RpcResult<'budget_saveConfig'>,
  key: 'budget.ui.admin.saved' | 'budget.ui.admin.imported' = 'budget.ui.admin.saved',
): string {
  const parts = [t(key, { nodes: r.nodes, users: r.users, points: r.pointTypes })];
  if (r.sharingPending) parts.push(t('budget.ui.admin.sharingPending', { count: r.sharingPending }));
  if (r.sharingError) parts.push(pick(r.sharingError));
  return parts.join(' ');
}
