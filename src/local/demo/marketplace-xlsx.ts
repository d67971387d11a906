// Seller Center–like .xlsx exports for the demo, tests and bench: a real workbook the way Excel-style writers make
// it (shared strings, a date number format, numbers and Indonesian-formatted text amounts), built with fflate.
import { strToU8, zipSync } from 'fflate';
import { columnLetter, escapeXml } from '../../server/core/xlsx/xml';
import type { ReportType } from '../../server/marketplace/settings';
import { rng } from './budget-data';

/** A cell to write: text (shared string), a number, a date (shown with a date format), or empty. */
export type ExportCell = string | number | { date: string } | null;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const serialOf = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / 86_400_000 + 25_569;

/** The bytes of a one-sheet workbook holding `rows` (the header first). */
export function exportXlsx(rows: readonly (readonly ExportCell[])[], sheetName = 'Sheet1'): Uint8Array {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(s);
      index.set(s, i);
    }
    return i;
  };
  const parts: string[] = [];
  rows.forEach((row, r) => {
    let xml = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const ref = `${columnLetter(c)}${r + 1}`;
      if (typeof v === 'string') xml += `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
      else if (typeof v === 'number') xml += `<c r="${ref}"><v>${v}</v></c>`;
      else xml += `<c r="${ref}" s="1"><v>${serialOf(v.date)}</v></c>`;
    });
    parts.push(`${xml}</row>`);
  });
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${parts.join('')}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(
      `${HEAD}<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    ),
  };
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2026, 0, 1)) });
}

const PRODUCTS = [
  'Kotak Penyimpanan',
  'Rak Sepatu',
  'Kontainer Plastik',
  'Gantungan Baju',
  'Keranjang Lipat',
  'Botol Minum',
  'Lunch Box',
  'Organizer Laci',
];

/** "Rp1.234.567" as Seller Center shows Rupiah. */
export const rupiahText = (n: number) => `Rp${Math.round(n).toLocaleString('de-DE')}`;
/** "12,5%" for 0.125. */
export const percentText = (f: number) => `${(Math.round(f * 1000) / 10).toFixed(1).replace('.', ',')}%`;

const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Rows of a plausible export of `type` for a period: daily rows for dated reports (one per day), `n` rows otherwise;
 * `scale` multiplies sales (a bigger store sells more). Amounts and percentages as text in Seller Center's Indonesian
 * format when `textAmounts`, else as numbers.
 */
export function exportRows(
  type: ReportType,
  period: { start: string; end: string },
  opts: { n?: number; seed: number; scale?: number; textAmounts?: boolean },
): ExportCell[][] {
  const rnd = rng(opts.seed);
  const scale = opts.scale ?? 1;
  const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000) + 1;
  const daily = type.columns[0].type === 'date';
  const n = daily ? (opts.n ?? days) : (opts.n ?? 50);
  const rows: ExportCell[][] = [type.columns.map((c) => c.header)];
  for (let i = 0; i < n; i++) {
    const date = addDays(period.start, daily ? i % days : Math.floor(rnd() * days));
    rows.push(
      type.columns.map((c) => {
        switch (c.type) {
          case 'date':
            return opts.textAmounts ? `${date.slice(8)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : { date };
          case 'text':
            return /^id_/.test(c.column)
              ? `${1729000000000 + Math.floor(rnd() * 1e9)}`
              : `${PRODUCTS[i % PRODUCTS.length]} ${i + 1}`;
          case 'money': {
            const v = Math.round((200_000 + rnd() * 5_000_000) * scale);
            return opts.textAmounts ? rupiahText(v) : v;
          }
          case 'pct': {
            const f = Math.round(rnd() * 120) / 1000;
            return opts.textAmounts ? percentText(f) : f;
          }
          case 'num':
            return Math.round((3.5 + rnd() * 1.5) * 10) / 10;
          case 'int':
            return Math.floor(rnd() * 400 * scale);
        }
      }),
    );
  }
  return rows;
}
