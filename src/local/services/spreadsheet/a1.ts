// A1 notation: column letters ↔ numbers, and parsing 'Sheet 1'!A1:B2, A:A, 2:5, A2:C into a grid rectangle.

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1Ref {
  sheet: string | null;
  row: number;
  col: number;
  /** null when open-ended (A:A, A2:C, 2:5) — filled from the sheet's size. */
  endRow: number | null;
  endCol: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Splits "'My sheet'!A1:B2" into the sheet name and the range part. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

/** Parses an A1 range; returns null when it is not valid A1 notation. */
export function parseA1(a1: string): A1Ref | null {
  const { sheet, ref } = splitSheet(a1.trim());
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined || !a) return null;
  const p = CELL.exec(a);
  const q = b === undefined ? p : CELL.exec(b);
  if (!p || !q || (!p[1] && !p[2]) || (!q[1] && !q[2])) return null;
  const c1 = p[1] ? lettersToCol(p[1]) : 1;
  const r1 = p[2] ? Number(p[2]) : 1;
  if (b === undefined) {
    if (!p[1] || !p[2]) return null;
    return { sheet, row: r1, col: c1, endRow: r1, endCol: c1 };
  }
  // Column-only (A:B) or row-only (2:5) parts must match; A2:C is open-ended downwards.
  if ((!p[1] && q[1]) || (p[1] && !q[1])) return null;
  const c2 = q[1] ? lettersToCol(q[1]) : null;
  const r2 = q[2] ? Number(q[2]) : null;
  const row = Math.min(r1, r2 ?? r1);
  const col = Math.min(c1, c2 ?? c1);
  return {
    sheet,
    row: p[2] ? row : 1,
    col: p[1] ? col : 1,
    endRow: r2 === null ? null : Math.max(r1, r2),
    endCol: c2 === null ? null : Math.max(c1, c2),
  };
}

export function toA1(row: number, col: number, numRows = 1, numCols = 1): string {
  const a = colToLetters(col) + row;
  if (numRows === 1 && numCols === 1) return a;
  return a + ':' + colToLetters(col + numCols - 1) + (row + numRows - 1);
}
