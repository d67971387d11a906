// The marketplace-ingest settings: the root folder, the report types (folder, name code, table, expected columns),
// the store → channel mapping sheet and the date format in file names; defaults and a lenient reader of stored ones.

/** How a column's cells are read: text, whole numbers, Rupiah, percentages (kept as fractions), decimals, dates. */
export type ColumnType = 'text' | 'int' | 'money' | 'pct' | 'num' | 'date';

export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'int', 'money', 'pct', 'num', 'date'];

export interface ReportColumn {
  /** The header Seller Center writes (matched without regard to case and surrounding spaces). */
  header: string;
  /** The PostgreSQL column it loads into. */
  column: string;
  type: ColumnType;
}

export interface ReportType {
  /** The report type as it appears in file names (`…_<code>_…`). */
  code: string;
  /** The folder under the root the team drops it in (the source's Drive tree). */
  folder: string;
  /** The PostgreSQL table it loads into. */
  table: string;
  columns: ReportColumn[];
}

export interface MarketSettings {
  /** Drive folder id of "Shopped Manual Export › Tiktok" ('' until an admin sets it). */
  rootFolderId: string;
  /** The first part of every file name (`<source>_Store_Type_Start-End.xlsx`). */
  salesSource: string;
  /** The sheet the team keeps msv_shop_name | msv_vendor | channel in. */
  mappingSheet: string;
  /** Date format of the period in file names: only YYYYMMDD is offered (stated to users). */
  dateFormat: 'YYYYMMDD';
  /** PostgreSQL schema of the eight tables. */
  schema: string;
  reportTypes: ReportType[];
  /** The admin whose hourly trigger scans (set when settings are saved). */
  owner: string;
}

const c = (header: string, column: string, type: ColumnType): ReportColumn => ({ header, column, type });

/**
 * The eight report types of the source (000 §3.3.1.3, Gambar 3.15 and 3.18). Folder names are the source's; the
 * columns are plausible Indonesian Seller Center headers modelled on the metrics Seller Center documents (GMV, orders,
 * buyers, visitors, conversion, cancellations, returns; seller-us.tiktok.com/university "Data Overview") — not copied
 * from a real export, so an admin adjusts them in settings. "Analitik -> Kata Kunci" is not in the source's folder
 * list (its table is): the folder name is ours.
 */
export const DEFAULT_REPORT_TYPES: ReportType[] = [
  {
    code: 'AnalitikBeranda',
    folder: 'Analitik Beranda',
    table: 'analitik_beranda',
    columns: [
      c('Tanggal', 'tanggal', 'date'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Pesanan', 'pesanan', 'int'),
      c('Pembeli', 'pembeli', 'int'),
      c('Pengunjung', 'pengunjung', 'int'),
      c('Tayangan Halaman', 'tayangan_halaman', 'int'),
      c('Tingkat Konversi', 'tingkat_konversi', 'pct'),
    ],
  },
  {
    code: 'Produk',
    folder: 'Analitik -> Produk',
    table: 'analitik_produk',
    columns: [
      c('ID Produk', 'id_produk', 'text'),
      c('Nama Produk', 'nama_produk', 'text'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Produk Terjual', 'produk_terjual', 'int'),
      c('Pesanan', 'pesanan', 'int'),
      c('Pengunjung', 'pengunjung', 'int'),
      c('Tingkat Konversi', 'tingkat_konversi', 'pct'),
    ],
  },
  {
    code: 'PascaPembelian',
    folder: 'Analitik -> Pasca Pembelian _OPS',
    table: 'analitik_pasca_pembelian',
    columns: [
      c('Tanggal', 'tanggal', 'date'),
      c('Pesanan Dibatalkan', 'pesanan_dibatalkan', 'int'),
      c('Pengembalian', 'pengembalian', 'int'),
      c('Dana Dikembalikan (Rp)', 'dana_dikembalikan', 'money'),
      c('Ulasan', 'ulasan', 'int'),
      c('Rating Rata-rata', 'rating_rata_rata', 'num'),
      c('Keluhan', 'keluhan', 'int'),
    ],
  },
  {
    code: 'Promosi',
    folder: 'Analitik -> Marketing -> Promosi',
    table: 'analitik_marketing_promosi',
    columns: [
      c('Nama Promosi', 'nama_promosi', 'text'),
      c('Jenis Promosi', 'jenis_promosi', 'text'),
      c('Tanggal Mulai', 'tanggal_mulai', 'date'),
      c('Tanggal Berakhir', 'tanggal_berakhir', 'date'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Pesanan', 'pesanan', 'int'),
      c('Pembeli', 'pembeli', 'int'),
    ],
  },
  {
    code: 'Kampanye',
    folder: 'Analitik -> Marketing -> Kampanye',
    table: 'analitik_marketing_kampanye',
    columns: [
      c('ID Kampanye', 'id_kampanye', 'text'),
      c('Nama Kampanye', 'nama_kampanye', 'text'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Pesanan', 'pesanan', 'int'),
      c('Produk Terjual', 'produk_terjual', 'int'),
      c('Pengunjung', 'pengunjung', 'int'),
    ],
  },
  {
    code: 'Video',
    folder: 'Analitik -> LIVE & Video -> Video -> Performa',
    table: 'analitik_video_performa',
    columns: [
      c('ID Video', 'id_video', 'text'),
      c('Judul Video', 'judul_video', 'text'),
      c('Tanggal Unggah', 'tanggal_unggah', 'date'),
      c('Penayangan', 'penayangan', 'int'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Pesanan', 'pesanan', 'int'),
      c('CTR', 'ctr', 'pct'),
    ],
  },
  {
    code: 'LIVE',
    folder: 'Analitik -> LIVE & Video -> LIVE -> Performa',
    table: 'analitik_live_performa',
    columns: [
      c('Judul LIVE', 'judul_live', 'text'),
      c('Tanggal Mulai', 'tanggal_mulai', 'date'),
      c('Durasi (menit)', 'durasi_menit', 'int'),
      c('Penonton', 'penonton', 'int'),
      c('GMV (Rp)', 'gmv', 'money'),
      c('Pesanan', 'pesanan', 'int'),
      c('Produk Terjual', 'produk_terjual', 'int'),
    ],
  },
  {
    code: 'KataKunci',
    folder: 'Analitik -> Kata Kunci',
    table: 'analitik_kata_kunci',
    columns: [
      c('Kata Kunci', 'kata_kunci', 'text'),
      c('Tayangan', 'tayangan', 'int'),
      c('Klik', 'klik', 'int'),
      c('CTR', 'ctr', 'pct'),
      c('Pesanan', 'pesanan', 'int'),
      c('GMV (Rp)', 'gmv', 'money'),
    ],
  },
];

/** The report type whose daily rows the "Ringkasan marketplace" sheet sums: its date and sales columns. */
export const SUMMARY_SOURCE = { code: 'AnalitikBeranda', date: 'tanggal', amount: 'gmv', orders: 'pesanan' } as const;

export const DEFAULT_SETTINGS: MarketSettings = {
  rootFolderId: '',
  salesSource: 'TiktokShop',
  mappingSheet: 'Pemetaan toko marketplace',
  dateFormat: 'YYYYMMDD',
  schema: 'marketplace',
  reportTypes: DEFAULT_REPORT_TYPES,
  owner: '',
};

const str = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);

/** Reads stored settings leniently (missing fields take defaults); validate.ts checks what an admin saves. */
export function parseStoredSettings(raw: unknown): MarketSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<MarketSettings>;
  return {
    rootFolderId: str(o.rootFolderId, ''),
    salesSource: str(o.salesSource, DEFAULT_SETTINGS.salesSource),
    mappingSheet: str(o.mappingSheet, DEFAULT_SETTINGS.mappingSheet),
    dateFormat: 'YYYYMMDD',
    schema: str(o.schema, DEFAULT_SETTINGS.schema),
    reportTypes: Array.isArray(o.reportTypes) && o.reportTypes.length ? o.reportTypes : DEFAULT_REPORT_TYPES,
    owner: str(o.owner, ''),
  };
}
