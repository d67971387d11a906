// Monthly PDF per cluster (report roles) and the admin tools: migrations and the configuration as data.
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { el } from '../core/dom';
import { link } from '../core/links';
import { ownerNotice } from '../core/owner';
import { getLang, ok, t } from './i18n';
import { action, clusterSelect, field, fields, monthInput, section } from './ui';
import type { Me } from './main';

export function reportSection(me: Me): HTMLElement {
  const cluster = clusterSelect(me);
  cluster.name = 'pdf-cluster';
  const month = monthInput(me);
  const out = el('div', {});
  const sec = section(
    t('Laporan PDF bulanan', 'Monthly PDF report'),
    false,
    field('Cluster', cluster),
    field(t('Bulan', 'Month'), month),
    action(
      t('Buat PDF', 'Make PDF'),
      async () => {
        out.textContent = t('Membuat PDF…', 'Making the PDF…');
        const job = await call('budget_makePdf', cluster.value, month.value);
        let s = await call('budget_pdfStatus', job.requestId);
        for (let i = 0; s.status === 'running' && i < 30; i++) {
          await new Promise((r) => setTimeout(r, 1000));
          s = await call('budget_pdfStatus', job.requestId);
        }
        out.textContent = '';
        if (s.status === 'done' && s.url) {
          out.append(link(s.url, `${s.name} (${s.pages} ${t('halaman', 'pages')})`, { id: 'pdfLink' }));
          ok('PDF tersimpan di folder Drive cluster.', "PDF saved in the cluster's Drive folder.");
        } else out.textContent = t('PDF belum selesai; coba lagi.', 'The PDF is not ready; try again.');
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
  points: cfg.pointTypes.map((p) => [p.code, p.name, p.active ? 'aktif' : 'nonaktif'].join(', ')).join('\n'),
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
          ? t(
              `Folder Drive anggaran: ${tree.sharedDrive ? 'di Shared Drive' : 'di My Drive admin'} · ${tree.clusters} cluster · ${tree.pending ? `${tree.pending} menunggu pembagian` : 'pembagian sesuai konfigurasi'}`,
              `Budget Drive folders: ${tree.sharedDrive ? 'in a Shared Drive' : "in the admin's My Drive"} · ${tree.clusters} clusters · ${tree.pending ? `${tree.pending} awaiting sharing` : 'sharing matches the configuration'}`,
            )
          : t(
              'Folder Drive anggaran belum disiapkan: bukti dan PDF belum bisa disimpan.',
              'The budget Drive folders are not set up: receipts and PDFs cannot be stored yet.',
            ),
      ),
    ];
    if (tree.rootUrl) lines.push(link(tree.rootUrl, 'Buka folder / Open folder', { id: 'treeLink' }));
    const notice = ownerNotice(a.owner, {
      line: {
        id: 'digestOwner',
        says: (o) =>
          t(
            `Digest penyetuju dikirim oleh pemicu per jam ${o.owner}.`,
            `Approvers' digests come from ${o.owner}'s hourly trigger.`,
          ),
      },
      takeOver: async () => show(await call('budget_takeOver')),
      label: t('Ambil alih', 'Take over'),
      lang: getLang,
    });
    box.replaceChildren(...lines, ...notice);
    if (!tree.setUp) box.append(field(t('Shared Drive (opsional: tautan)', 'Shared Drive (optional: link)'), drive));
    box.append(
      action(
        tree.setUp ? t('Sinkronkan berbagi', 'Sync sharing') : t('Siapkan folder Drive', 'Set up Drive folders'),
        async () => {
          show(tree.setUp ? await call('budget_syncFolders') : await call('budget_setupFolders', drive.value.trim() || null));
          ok('Folder Drive diperbarui.', 'Drive folders updated.');
        },
      ),
    );
  };
  return { box, load: async () => show(await call('budget_automation')) };
}

export function adminSection(): HTMLElement {
  const nodes = el('textarea', { rows: 6, spellcheck: false }) as HTMLTextAreaElement;
  const users = el('textarea', { rows: 6, spellcheck: false }) as HTMLTextAreaElement;
  const points = el('textarea', { rows: 4, spellcheck: false }) as HTMLTextAreaElement;
  const sheet = el('input', { value: 'Konfigurasi Anggaran' }) as HTMLInputElement;
  const auto = automationBox();
  async function load(): Promise<void> {
    const l = toLines(await call('budget_getConfig'));
    nodes.value = l.nodes;
    users.value = l.users;
    points.value = l.points;
    await auto.load();
  }
  const labelled = fields(
    [t('Hierarki: kode, level (AREA/REGION/BRANCH/CLUSTER), nama, induk', 'Hierarchy: code, level, name, parent'), nodes],
    [t('Pengguna: email, nama, peran, node', 'Users: email, name, role, node'), users],
    [t('Jenis poin: kode, nama, aktif/nonaktif', 'Point types: code, name, active/inactive'), points],
  );
  return section(
    t('Admin anggaran', 'Budget admin'),
    false,
    action(t('Jalankan migrasi', 'Run migrations'), async () => {
      const r = await call('budget_migrate');
      ok(
        `Skema versi ${r.current}; diterapkan: ${r.applied.join(', ') || '-'}.`,
        `Schema version ${r.current}; applied: ${r.applied.join(', ') || '-'}.`,
      );
    }),
    action(t('Muat konfigurasi', 'Load configuration'), load),
    auto.box,
    ...labelled,
    action(
      t('Simpan konfigurasi', 'Save configuration'),
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
        ok(
          `Tersimpan: ${r.nodes} node, ${r.users} pengguna, ${r.pointTypes} jenis poin.${r.sharingPending ? ` ${r.sharingPending} cluster menunggu pembagian folder (dilanjutkan pemicu admin anggaran).` : ''}`,
          `Saved: ${r.nodes} nodes, ${r.users} users, ${r.pointTypes} point types.${r.sharingPending ? ` ${r.sharingPending} clusters await folder sharing (the budget admin's trigger carries on).` : ''}`,
        );
        await auto.load();
      },
      true,
    ),
    el(
      'p',
      { class: 'muted' },
      t(
        'Impor dari sheet: baris NODE|kode|level|nama|induk, USER|email|nama|peran|node, POINT|kode|nama|aktif.',
        'Import from a sheet: rows NODE|code|level|name|parent, USER|email|name|role|node, POINT|code|name|active.',
      ),
    ),
    field(t('Nama sheet', 'Sheet name'), sheet),
    action(t('Impor dari sheet', 'Import from sheet'), async () => {
      const r = await call('budget_importConfig', sheet.value);
      ok(
        `Diimpor: ${r.nodes} node, ${r.users} pengguna, ${r.pointTypes} jenis poin.`,
        `Imported: ${r.nodes} nodes, ${r.users} users, ${r.pointTypes} point types.`,
      );
      await load();
    }),
  );
}
