// Opens Drive files in the browser: an xlsx becomes an HTML table (Chromium cannot show one); others are served as is.
import ExcelJS from 'exceljs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 1000;
const MAX_COLS = 60;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An xlsx date is a wall-clock time; exceljs hands it over as that time in UTC. Shown as Sheets would (id_ID). */
function wallClock(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const time =
    d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds()
      ? ` ${p(d.getUTCHours())}.${p(d.getUTCMinutes())}.${p(d.getUTCSeconds())}`
      : '';
  return date + time;
}

/** An HTML page showing the file, or null when the browser can show the file itself. */
export async function previewHtml(
  name: string,
  mimeType: string,
  bytes: Uint8Array,
  downloadUrl: string,
): Promise<string | null> {
  if (mimeType !== XLSX && !/\.xlsx$/i.test(name)) return null;
  const wb = new ExcelJS.Workbook();
  let body: string;
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    body = wb.worksheets
      .slice(0, 10)
      .map((ws) => {
        const rows: string[] = [];
        const nCols = Math.min(ws.columnCount, MAX_COLS);
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          if (r > MAX_ROWS) return;
          const cells: string[] = [];
          for (let c = 1; c <= nCols; c++) {
            const cell = row.getCell(c);
            const num = typeof cell.value === 'number';
            const text = cell.value instanceof Date ? wallClock(cell.value) : (cell.text ?? '');
            cells.push(`<${r === 1 ? 'th' : 'td'}${num ? ' class="n"' : ''}>${esc(text)}</${r === 1 ? 'th' : 'td'}>`);
          }
          rows.push(`<tr><td class="h">${r}</td>${cells.join('')}</tr>`);
        });
        const more = ws.rowCount > MAX_ROWS ? `<p class="m">Showing ${MAX_ROWS} of ${ws.rowCount} rows.</p>` : '';
        return `<h2>${esc(ws.name)}</h2><table>${rows.join('')}</table>${more}`;
      })
      .join('');
  } catch (e) {
    body = `<p class="err">This file is not a readable xlsx workbook: ${esc((e as Error).message)}</p>`;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(name)}</title><style>
body{font:13px Arial,sans-serif;margin:16px;color:#202124}h1{font-size:18px;font-weight:400}h2{font-size:14px;margin:18px 0 6px}
table{border-collapse:collapse}td,th{border:1px solid #e2e3e3;padding:2px 6px;white-space:nowrap}th{background:#f8f9fa;font-weight:500}
td.n{text-align:right}td.h{background:#f8f9fa;color:#5f6368;text-align:center}.m{color:#5f6368}.err{color:#a50e0e}a{color:#1a73e8}
</style></head><body><h1>${esc(name)}</h1><p><a href="${esc(downloadUrl)}&amp;download=1" download>Download</a></p>${body}</body></html>`;
}
