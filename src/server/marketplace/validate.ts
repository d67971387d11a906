// Checks of what an admin enters for the marketplace ingest: the root folder id, the sales source, the mapping
// sheet, the schema and every report type (code, folder, table, columns); each refusal names what is wrong.
import { invalid } from '../core/errors';
import { msg } from '../core/text';
import { COLUMN_TYPES, MarketSettings, ReportColumn, ReportType } from './settings';
import { TAG_COLUMNS } from './schema';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const FOLDER_ID = /^[A-Za-z0-9_-]{3,200}$/;
const CODE = /^[A-Za-z0-9]{1,40}$/;
const FOLDER_NAME = /^[^/\\]{1,100}$/;
const RESERVED = new Set<string>([...TAG_COLUMNS]);

const fail = (field: string, value: unknown) =>
  invalid(msg('market.error.setting', { field, value: String(value ?? '').slice(0, 60) }), { field });

function checkColumn(t: ReportType, c: ReportColumn): ReportColumn {
  const header = String(c?.header ?? '').trim();
  const column = String(c?.column ?? '').trim();
  if (!header || header.length > 100) throw fail(`${t.code}: header`, header);
  if (!IDENT.test(column) || RESERVED.has(column)) throw fail(`${t.code}: ${header} → column`, column);
  if (!COLUMN_TYPES.includes(c.type)) throw fail(`${t.code}: ${header} → type`, c.type);
  return { header, column, type: c.type };
}

function checkType(t: ReportType): ReportType {
  const code = String(t?.code ?? '').trim();
  if (!CODE.test(code)) throw fail('report type code', code);
  const folder = String(t.folder ?? '').trim();
  if (!FOLDER_NAME.test(folder)) throw fail(`${code}: folder`, folder);
  const table = String(t.table ?? '').trim();
  if (!IDENT.test(table)) throw fail(`${code}: table`, table);
  if (!Array.isArray(t.columns) || !t.columns.length) throw fail(`${code}: columns`, '');
  const columns = t.columns.map((c) => checkColumn({ ...t, code }, c));
  const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const twice = dup(columns.map((c) => c.header.toLowerCase())) ?? dup(columns.map((c) => c.column));
  if (twice) throw invalid(msg('market.error.twice', { what: `${code}: ${twice}` }));
  return { code, folder, table, columns };
}

/** A clean copy of the settings, or INVALID naming the first problem; `owner` is the admin saving them. */
export function validateSettings(s: MarketSettings, owner: string): MarketSettings {
  const rootFolderId = String(s.rootFolderId ?? '').trim();
  if (!FOLDER_ID.test(rootFolderId)) throw fail('root folder id', rootFolderId);
  const salesSource = String(s.salesSource ?? '').trim();
  if (!CODE.test(salesSource)) throw fail('sales source', salesSource);
  const mappingSheet = String(s.mappingSheet ?? '').trim();
  if (!mappingSheet || mappingSheet.length > 100 || /[[\]:*?/\\]/.test(mappingSheet)) throw fail('mapping sheet', mappingSheet);
  const schema = String(s.schema ?? '').trim();
  if (!IDENT.test(schema) || schema.startsWith('pg_')) throw fail('schema', schema);
  if (!Array.isArray(s.reportTypes) || !s.reportTypes.length) throw fail('report types', '');
  const reportTypes = s.reportTypes.map(checkType);
  for (const key of ['code', 'folder', 'table'] as const) {
    const xs = reportTypes.map((t) => t[key].toLowerCase());
    const twice = xs.find((x, i) => xs.indexOf(x) !== i);
    if (twice) throw invalid(msg('market.error.twice', { what: twice }));
  }
  return { rootFolderId, salesSource, mappingSheet, dateFormat: 'YYYYMMDD', schema, reportTypes, owner };
}
