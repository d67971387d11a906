// Demo data for the marketplace ingest: the "Shopped Manual Export › Tiktok" folder tree (saved in the settings
// through the add-on, so it has its folder per report type, Diproses, Ditolak and the mapping sheet), and three months
// of Seller Center exports for two stores — STORA Storage (migrated from Tokopedia) and Selma ID — dropped by the
// merchandiser and waiting for a scan, with a misnamed file, a .csv, a header mismatch and an unknown store among them.
import { Runtime } from '../runtime/runtime';
import { setScriptProperties } from './script';
import { DEMO_DB } from './types';
import { getSpreadsheetStore } from '../services/spreadsheet/store';
import type { Seeder } from './types';
import { DEMO_APP_USERS } from './types';
import { driveStore } from '../services/drive/store';
import { DEFAULT_SETTINGS, ReportType } from '../../server/marketplace/settings';
import { exportRows, exportXlsx } from './marketplace-xlsx';

export const MARKET_ROOT = 'Shopped Manual Export/Tiktok';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ADMIN = DEMO_APP_USERS[0].email;
const MERCH = DEMO_APP_USERS.find((u) => u.role === 'Merchandiser')!.email;

const type = (code: string): ReportType => DEFAULT_SETTINGS.reportTypes.find((t) => t.code === code)!;
const pad = (n: number) => String(n).padStart(2, '0');

/** The `count` full months before the clock's month: [{ start, end, ymd }] oldest first. */
function pastMonths(now: Date, count: number): Array<{ start: string; end: string; name: string }> {
  const out: Array<{ start: string; end: string; name: string }> = [];
  for (let k = count; k >= 1; k--) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const start = `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-01`;
    const end = `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`;
    out.push({ start, end, name: `${start.replace(/-/g, '')}-${end.replace(/-/g, '')}` });
  }
  return out;
}

/**
 * The ingest set up as an admin does it: the root folder (the merchandiser may add files), the settings saved through
 * the add-on (folders, mapping sheet, tables, the admin's hourly trigger); a folder under the root by name.
 */
export async function setUpMarketplace(
  rt: Runtime,
  documentId: string,
): Promise<{ rootId: string; folder(name: string): string }> {
  const drive = driveStore(rt.env);
  const root = drive.ensureFolderPath(MARKET_ROOT, ADMIN);
  // shared with the merchandiser as editor: they drop files in it (Drive ▸ Shared with me ▸ Tiktok)
  if (!root.editors.includes(MERCH)) drive.share(root.id, MERCH, 'writer');
  const saved = await rt.execute({
    fn: 'market_saveSettings',
    args: [{ ...DEFAULT_SETTINGS, rootFolderId: root.id }],
    user: ADMIN,
    kind: 'rpc',
    documentId,
  });
  if (!saved.ok) throw new Error(`marketplace settings: ${saved.error?.message}`);
  const folder = (name: string) => drive.children(root.id, { kind: 'folder', trashed: false }).find((f) => f.name === name)!.id;
  return { rootId: root.id, folder };
}

/** A runtime for marketplace tests and benchmarks: its clock at `now`, a spreadsheet, the admin and the
 * merchandiser, the database, and the ingest set up. */
export async function marketplaceWorld(opts: { stateDir: string; now: string; strict?: boolean }) {
  const rt = new Runtime({ stateDir: opts.stateDir, strict: opts.strict });
  rt.env.clock.advanceTo(new Date(opts.now));
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: ADMIN }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, {
    DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [MERCH]: ['merchandiser'] }),
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  return { rt, documentId, ...(await setUpMarketplace(rt, documentId)) };
}

/** Sets the ingest up as the admin would, then drops the exports as the merchandiser. */
export const seedMarketplace: Seeder = async (rt: Runtime, opts) => {
  const drive = driveStore(rt.env);
  const { folder } = await setUpMarketplace(rt, opts.documentId);
  const drop = (t: ReportType, name: string, bytes: Uint8Array, mime = XLSX) =>
    drive.createFile(folder(t.folder), name, bytes, mime, MERCH);
  const months = pastMonths(rt.env.clock.now(), 3);
  const stores = [
    { store: 'STORA Storage', scale: 3, text: true },
    { store: 'Selma ID', scale: 1, text: false },
  ];
  let seed = 10;
  for (const m of months) {
    for (const s of stores) {
      for (const [code, n] of [
        ['AnalitikBeranda', undefined],
        ['Produk', 60],
      ] as const) {
        const rows = exportRows(type(code), m, { seed: seed++, n, scale: s.scale, textAmounts: s.text });
        drop(type(code), `TiktokShop_${s.store}_${code}_${m.name}.xlsx`, exportXlsx(rows));
      }
    }
  }
  const last = months[months.length - 1];
  const beranda = type('AnalitikBeranda');
  const rows = exportRows(beranda, last, { seed: 99 });
  drop(beranda, `Beranda STORA Storage ${last.start.slice(0, 7)}.xlsx`, exportXlsx(rows));
  drop(
    beranda,
    `TiktokShop_Selma ID_AnalitikBeranda_${last.name}.csv`,
    new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')),
    'text/csv',
  );
  drop(beranda, `TiktokShop_Toko Lama_AnalitikBeranda_${last.name}.xlsx`, exportXlsx(rows));
  // A Produk export whose "Pengunjung" column was renamed by hand: the header check names it.
  const produk = exportRows(type('Produk'), last, { seed: 98, n: 20 });
  produk[0] = produk[0].map((h) => (h === 'Pengunjung' ? 'Kunjungan' : h));
  const half = `${last.start.replace(/-/g, '')}-${last.start.slice(0, 8).replace(/-/g, '')}15`;
  drop(type('Produk'), `TiktokShop_STORA Storage_Produk_${half}.xlsx`, exportXlsx(produk));
  await rt.env.flush();
  return {
    users: [],
    notes: [
      `marketplace: ${months.length * 4 + 4} Seller Center exports wait in Drive › ${MARKET_ROOT.replace('/', ' › ')} (run Extensions ▸ DataDesk ▸ Impor ekspor marketplace as merch@datadesk.local)`,
    ],
  };
};
