// Checks of what an admin enters for the marketplace ingest: the root folder id, the sales source, the mapping
// sheet, the schema and every report type (code, folder, table, columns); each refusal names what is wrong.
import { invalid } from '../core/errors';
import { msg, type Msg } from '../core/text';
import { COLUMN_TYPES, MarketSettings, ReportColumn, ReportType } from './settings';
import { TAG_COLUMNS } from './schema';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const FOLDER_ID = /^[A-Za-z0-9_-]{3,200}$/;
const CODE = /^[A-Za-z0-9]{1,40}$/;
const FOLDER_NAME = /^[^/\\]{1,100}$/;
const RESERVED = new Set<string>([...TAG_COLUMNS]);

type Field =
  | 'rootFolderId'
  | 'salesSource'
  | 'mappingSheet'
  | 'schema'
  | 'reportTypes'
  | 'code'
  | 'folder'
  | 'table'
  | 'columns'
  | 'header'
  | 'column'
  | 'type';

/** The setting's name from the catalogue (a report type's or column's field under its code and header). */
function fieldName(field: Field, code?: string, header?: string): Msg {
  const name = msg(`market.field.${field}`);
  if (code === undefined) return name;
  return header === undefined
    ? msg('market.field.ofType', { code, field: name })
    : msg('market.field.ofColumn', { code, header, field: name });
}

/** INVALID naming the setting in the reader's language (details.field: its stable name for code). */
const fail = (field: Field, value: unknown, code?: string, header?: string) =>
  invalid(msg('market.error.setting', { field: fieldName(field, code, header), value: String(value ?? '').slice(0, 60) }), {
    field,
  });

function checkColumn(t: ReportType, c: ReportColumn): ReportColumn {
  const header = String(c?.header ?? '').trim();
  const column = String(c?.column ?? '').trim();
  if (!header || header.length > 100) throw fail('header', header, t.code);
  if (!IDENT.test(column) || RESERVED.has(column)) throw fail('column', column, t.code, header);
  if (!COLUMN_TYPES.includes(c.type)) throw fail('type', c.type, t.code, header);
  return { header, column, type: c.type };
}

function checkType(t: ReportType): ReportType {
  const code = String(t?.code ?? '').trim();
  if (!CODE.test(code)) throw fail('code', code);
  const folder = String(t.folder ?? '').trim();
  if (!FOLDER_NAME.test(folder)) throw fail('folder', folder, code);
  const table = String(t.table ?? '').trim();
  if (!IDENT.test(table)) throw fail('table', table, code);
  if (!Array.isArray(t.columns) || !t.columns.length) throw fail('columns', '', code);
  const columns = t.columns.map((c) => checkColumn({ ...t, code }, c));
  const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const twice = dup(columns.map((c) => c.header.toLowerCase())) ?? dup(columns.map((c) => c.column));
  if (twice) throw invalid(msg('market.error.twice', { what: `${code}: ${twice}` }));
  return { code, folder, table, columns };
}

/** A clean copy of the settings, or INVALID naming the first problem; `owner` is the admin saving them. */
export function validateSettings(s: MarketSettings, owner: string): MarketSettings {
  const rootFolderId = String(s.rootFolderId ?? '').trim();
  if (!FOLDER_ID.test(rootFolderId)) throw fail('rootFolderId', rootFolderId);
  const salesSource = String(s.salesSource ?? '').trim();
  if (!CODE.test(salesSource)) throw fail('salesSource', salesSource);
  const mappingSheet = String(s.mappingSheet ?? '').trim();
  if (!mappingSheet || mappingSheet.length > 100 || /[[\]:*?/\\]/.test(mappingSheet)) throw fail('mappingSheet', mappingSheet);
  const schema = String(s.schema ?? '').trim();
  if (!IDENT.test(schema) || schema.startsWith('pg_')) throw fail('schema', schema);
  if (!Array.isArray(s.reportTypes) || !s.reportTypes.length) throw fail('reportTypes', '');
  const reportTypes = s.reportTypes.map(checkType);
  for (const key of ['code', 'folder', 'table'] as const) {
    const xs = reportTypes.map((t) => t[key].toLowerCase());
    const twice = xs.find((x, i) => xs.indexOf(x) !== i);
    if (twice) throw invalid(msg('market.error.twice', { what: twice }));
  }
  return { rootFolderId, salesSource, mappingSheet, dateFormat: 'YYYYMMDD', schema, reportTypes, owner };
}
