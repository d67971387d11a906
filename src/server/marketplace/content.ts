// What a Seller Center sheet holds, checked against its report type: the header (missing and unexpected columns named),
// at least one data row, and every cell readable as its column's type (the first bad one named by row and column).
import { msg, Msg } from '../core/text';
import { columnLetter } from '../core/xlsx/xml';
import type { XlsxValue } from '../core/xlsx/reader';
import type { ReportType } from './settings';
import { convertCell, isProblem, SqlCell } from './values';

const norm = (v: XlsxValue) =>
  String(v ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** For each expected column, its index in the sheet; or why the header does not match. */
export function matchHeader(header: readonly XlsxValue[], type: ReportType): number[] | Msg {
  const seen = header.map(norm);
  const missing = type.columns.filter((c) => !seen.includes(norm(c.header))).map((c) => c.header);
  const expected = new Set(type.columns.map((c) => norm(c.header)));
  const unexpected = header.filter((_h, i) => seen[i] !== '' && !expected.has(seen[i])).map((h) => String(h).trim());
  const twice = seen.filter((h, i) => h !== '' && seen.indexOf(h) !== i);
  if (missing.length || unexpected.length || twice.length) {
    return msg('market.reject.header', {
      type: type.code,
      missing: missing.length ? missing.join(', ') : '–',
      unexpected: [...unexpected, ...twice.map((h) => `${h} (2×)`)].join(', ') || '–',
    });
  }
  return type.columns.map((c) => seen.indexOf(norm(c.header)));
}

export interface ConvertedSheet {
  /** Data rows in the report type's column order. */
  rows: SqlCell[][];
  /** The sheet row number (1-based) of each data row. */
  lines: number[];
}

/** Header check, then every data row converted; blank rows are skipped. */
export function convertSheet(sheetRows: readonly XlsxValue[][], type: ReportType): ConvertedSheet | Msg {
  const headerAt = sheetRows.findIndex((r) => r.some((v) => norm(v) !== ''));
  if (headerAt < 0) return msg('market.reject.emptySheet');
  const index = matchHeader(sheetRows[headerAt], type);
  if (!Array.isArray(index)) return index;
  const rows: SqlCell[][] = [];
  const lines: number[] = [];
  const cols = type.columns;
  for (let r = headerAt + 1; r < sheetRows.length; r++) {
    const src = sheetRows[r];
    if (!src.length || src.every((v) => v === null || norm(v) === '')) continue;
    const out: SqlCell[] = new Array(cols.length);
    for (let c = 0; c < cols.length; c++) {
      const v = convertCell(src[index[c]] ?? null, cols[c].type);
      if (isProblem(v)) {
        return msg('market.reject.cell', {
          row: r + 1,
          column: cols[c].header,
          letter: columnLetter(index[c]),
          value: v.value,
          expected: msg(`market.cell.${v.problem}`),
        });
      }
      out[c] = v;
    }
    rows.push(out);
    lines.push(r + 1);
  }
  if (!rows.length) return msg('market.reject.noRows');
  return { rows, lines };
}
