// Small SpreadsheetML helpers: XML escaping, column letters, Excel serial dates (pure, no Node or Apps Script APIs).

/** Characters XML 1.0 forbids (controls other than tab, LF, CR) are dropped; markup characters are escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML 1.0 forbids is the point
const NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s; // the common case: nothing to do
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
      // A carriage return is kept as a reference: XML parsers turn a literal one into a line feed.
      .replace(/\r/g, '&#13;')
  );
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25_569;

/** An instant as an Excel serial date shown in the wall-clock time of `offsetMinutes` (WIB = +420). */
export function excelSerial(epochMs: number, offsetMinutes: number): number {
  return (epochMs + offsetMinutes * 60_000) / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS;
}

/** The inverse of excelSerial: the instant a serial date (in wall-clock time at `offsetMinutes`) stands for. */
export function instantFromSerial(serial: number, offsetMinutes: number): number {
  return Math.round((serial - EXCEL_EPOCH_OFFSET_DAYS) * MS_PER_DAY - offsetMinutes * 60_000);
}

/** Excel keeps at most 32,767 characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
