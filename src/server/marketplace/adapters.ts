// The marketplace ingest's platform side: the MarketEnv the scan needs (Drive, Jdbc, mail, the mapping and summary
// sheets, the clock) and its stored state (settings and the schema fingerprint in script properties, the scan lock).
import { conflict, errorMessage } from '../core/errors';
import { msg, t } from '../core/text';
import { RUPIAH_FORMAT } from '../core/format';
import type { Deadline } from '../core/deadline';
import { openDb } from '../platform/jdbc';
import { childFolderId, ensureChildFolderId, folderState, listDroppedFiles, moveFileTo, xlsxParts } from '../platform/drive';
import { sendMail } from '../platform/mail';
import { withScriptLock } from '../platform/lock';
import { scriptJson, scriptProp, setScriptJson, setScriptProp } from '../platform/properties';
import { insertTextSheet, sheetValues, writeTable } from '../platform/sheets';
import type { MarketDrive, MarketEnv, SummaryRow } from './ports';
import { DEFAULT_SETTINGS, MarketSettings, parseStoredSettings } from './settings';
import { EXAMPLE_MAPPING, MAPPING_HEADER, parseMapping } from './stores';
import { ensureSchema, schemaFingerprint } from './schema';

const SETTINGS_PROP = 'DATADESK_MARKET_SETTINGS';
const SCHEMA_PROP = 'DATADESK_MARKET_SCHEMA';
const LEASE_PROP = 'DATADESK_MARKET_SCAN';
/** Apps Script's 6-minute limit: no execution holds the lease longer. */
const LEASE_MS = 360_000;

export { openDb, folderState };

export const appsScriptMarketDrive: MarketDrive = {
  childFolder: childFolderId,
  ensureChildFolder: ensureChildFolderId,
  listFiles: listDroppedFiles,
  moveFile: moveFileTo,
  openXlsx(fileId) {
    const parts = xlsxParts(fileId);
    return typeof parts === 'string' ? { failure: parts } : { parts };
  },
};

/** The mapping sheet's values, or null when the sheet does not exist. */
export function mappingValues(settings: MarketSettings): unknown[][] | null {
  return sheetValues(settings.mappingSheet);
}

/** Creates the mapping sheet with its header and the source's two example stores, when it is missing. */
export function ensureMappingSheet(settings: MarketSettings): boolean {
  if (sheetValues(settings.mappingSheet)) return false;
  insertTextSheet(settings.mappingSheet, [[...MAPPING_HEADER], ...EXAMPLE_MAPPING]);
  return true;
}

function readStores(settings: MarketSettings) {
  const values = mappingValues(settings);
  if (!values) return { stores: [], problems: [msg('market.mapping.missing', { sheet: settings.mappingSheet })] };
  return parseMapping(values);
}

function writeSummary(rows: SummaryRow[]): void {
  writeTable(
    t('market.summary.sheet'),
    [
      t('market.summary.month'),
      t('market.summary.channel'),
      t('market.summary.store'),
      t('market.summary.gmv'),
      t('market.summary.orders'),
    ],
    ['@', '@', '@', RUPIAH_FORMAT, '#,##0'],
    rows.map((r) => [r.month, r.channel, r.store, r.gmv, r.orders]),
  );
}

function mail(to: string, subject: string, body: string): boolean {
  try {
    sendMail(to, subject, body);
    return true;
  } catch (e) {
    console.warn(`marketplace: mail to ${to} not sent: ${errorMessage(e)}`);
    return false;
  }
}

export function marketEnv(settings: MarketSettings, deadline: Deadline): MarketEnv {
  return {
    openDb,
    drive: appsScriptMarketDrive,
    stores: () => readStores(settings),
    mail,
    writeSummary,
    now: () => Date.now(),
    remainingMs: () => deadline.remainingMs(),
  };
}

export function loadSettings(): MarketSettings {
  return parseStoredSettings(scriptJson<unknown>(SETTINGS_PROP, DEFAULT_SETTINGS));
}

export function storeSettings(s: MarketSettings): void {
  setScriptJson(SETTINGS_PROP, s);
}

/** Creates the tables when the settings' tables and columns changed since the last time (one property read otherwise). */
export function ensureTables(settings: MarketSettings): void {
  const fp = schemaFingerprint(settings);
  if (scriptProp(SCHEMA_PROP) === fp) return;
  const db = openDb();
  try {
    ensureSchema(db, settings);
  } finally {
    db.close();
  }
  setScriptProp(SCHEMA_PROP, fp);
}

/**
 * Runs `fn` as the only scan (menu, sidebar or trigger): a lease in script properties, claimed under the script lock
 * held only for the claim, so other capabilities never wait minutes behind a scan. A lease outlives a crashed
 * execution by at most the 6-minute limit.
 */
export function withScanLease<T>(fn: () => T): T {
  const now = Date.now();
  const claimed = withScriptLock(5_000, () => {
    const lease = scriptJson<{ until: number } | null>(LEASE_PROP, null);
    if (lease && lease.until > now) return false;
    setScriptJson(LEASE_PROP, { until: now + LEASE_MS });
    return true;
  });
  if (!claimed.ran || !claimed.value) throw conflict(msg('market.error.busy'));
  try {
    return fn();
  } finally {
    setScriptJson(LEASE_PROP, null);
  }
}
