export interface TaggingSettings {
  /** Gemini model id, e.g. "gemini-2.5-flash"; never hard-coded in the job. */
  model: string;
  /** Where name, category and image URL come from. */
  catalogue: { source: 'sheet' | 'db'; sheet: string; table: string };
  wordListSheet: string;
  topSearchSheet: string;
  /** SKUs one chunk (one execution) takes on. */
  chunkSize: number;
  /** SKUs per model request and the request-size bound. */
  batchSize: number;
  maxRequestBytes: number;
  /** Requests one fetchAll sends at once. */
  maxParallel: number;
  /** Model requests per minute (the project's quota), shared by the job's workers. */
  rpm: number;
  /** Input tokens per minute (the project's quota), shared by the job's workers like the RPM. */
  tpm: number;
  /** Chunks an open sidebar runs at once, each its own execution with its own fetchAll (1 to MAX_WORKERS). */
  workers: number;
  /** Daily spending limit in Rupiah (estimated from tokens); 0 = none. */
  dailyBudgetRp: number;
  /** Rupiah per million prompt / output tokens. */
  priceInRp: number;
  priceOutRp: number;
  maxKeywords: number;
  maxTagLength: number;
}

/** The most chunks of one job that run at once (the hold's and answer cache's buckets are kept per worker slot). */
export const MAX_WORKERS = 4;

export const TAGGING_SETTINGS_PROP = 'DATADESK_TAGGING';
export const GEMINI_KEY_PROP = 'DATADESK_GEMINI_API_KEY';
export const GEMINI_URL_PROP = 'DATADESK_GEMINI_URL';
export const GEMINI_DEFAULT_URL = 'https://generativelanguage.googleapis.com';

export const DEFAULT_SETTINGS: TaggingSettings = {
  model: '',
  catalogue: { source: 'sheet', sheet: 'Katalog', table: 'catalogue' },
  wordListSheet: 'Daftar Kata',
  topSearchSheet: 'Kata Kunci Populer',
  chunkSize: 500,
  // 8 SKUs a request (~2,700 input tokens with linked pictures, ~2 MB of base64 inline, far under the 15 MB bound).
  // With three executions at once the tier's input tokens a minute bind a run as much as fetchAll's lanes do; a
  // request naming one dead picture link is refused whole and its tokens still count (4 % dead links refuse 1 in 4
  // requests of 8, 1 in 3 of 10, 1 in 2 of 20), while each request carries the prompt again and holds a lane for its
  // own wait. Bench, 5,000 SKUs on Tier 1, before claims counted the work in flight: 24.3 SKU/s with 8 a request,
  // 24.7 with 6, 23.5 with 10, 21.7 with 5 (runs vary by a SKU a second or so); 8 spends a fifth fewer of the day's
  // 10,000 requests than 6.
  batchSize: 8,
  maxRequestBytes: 15_000_000,
  maxParallel: 60,
  rpm: 1000,
  // Tier 1's input tokens a minute for Flash models (ai.google.dev/gemini-api/docs/rate-limits), like the RPM above.
  tpm: 1_000_000,
  // One execution's fetchAll keeps about 10 requests open at once (docs/platform.md): three sidebar executions keep
  // about 30, well inside the 30 simultaneous executions a user may have (quotas page) with the sidebar's other calls.
  workers: 3,
  dailyBudgetRp: 500_000,
  priceInRp: 4_800,
  priceOutRp: 40_000,
  maxKeywords: 8,
  maxTagLength: 160,
};

const int = (v: unknown, d: number, lo: number, hi: number): number => {
  const n = Number(v);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.round(n))) : d;
};

/** Merges stored JSON over the defaults, clamping numbers to safe ranges. */
export function parseSettings(raw: unknown): TaggingSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<TaggingSettings> & Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const cat = (r.catalogue ?? {}) as Partial<TaggingSettings['catalogue']>;
  return {
    model: typeof r.model === 'string' ? r.model.trim() : '',
    catalogue: {
      source: cat.source === 'db' ? 'db' : 'sheet',
      sheet: typeof cat.sheet === 'string' && cat.sheet.trim() ? cat.sheet.trim() : d.catalogue.sheet,
      table: typeof cat.table === 'string' && /^[A-Za-z_][\w.]*$/.test(cat.table) ? cat.table : d.catalogue.table,
    },
    wordListSheet: typeof r.wordListSheet === 'string' && r.wordListSheet.trim() ? r.wordListSheet.trim() : d.wordListSheet,
    topSearchSheet: typeof r.topSearchSheet === 'string' && r.topSearchSheet.trim() ? r.topSearchSheet.trim() : d.topSearchSheet,
    chunkSize: int(r.chunkSize, d.chunkSize, 1, 2000),
    batchSize: int(r.batchSize, d.batchSize, 1, 50),
    maxRequestBytes: int(r.maxRequestBytes, d.maxRequestBytes, 10_000, 19_000_000),
    maxParallel: int(r.maxParallel, d.maxParallel, 1, 200),
    rpm: int(r.rpm, d.rpm, 1, 100_000),
    tpm: int(r.tpm, d.tpm, 1_000, 1e9),
    workers: int(r.workers, d.workers, 1, MAX_WORKERS),
    dailyBudgetRp: int(r.dailyBudgetRp, d.dailyBudgetRp, 0, 1e12),
    priceInRp: int(r.priceInRp, d.priceInRp, 0, 1e9),
    priceOutRp: int(r.priceOutRp, d.priceOutRp, 0, 1e9),
    maxKeywords: int(r.maxKeywords, d.maxKeywords, 1, 30),
    maxTagLength: int(r.maxTagLength, d.maxTagLength, 20, 1000),
  };
}

export function costRp(s: Pick<TaggingSettings, 'priceInRp' | 'priceOutRp'>, tokensIn: number, tokensOut: number): number {
  return (tokensIn * s.priceInRp + tokensOut * s.priceOutRp) / 1e6;
}
