// Rewrites A1 references inside formula text when rows or columns are inserted or deleted, as Sheets does:
// references at or after an insertion move; references into deleted rows/columns become #REF!; ranges shrink.
import { lettersToCol, colToLetters } from './a1';

const SHEET = `(?:'(?:[^']|'')+'|[A-Za-z_][\\w.]*)!`;
const CELL = `(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)`;
const REF = new RegExp(`^(${SHEET})?${CELL}(?::${CELL})?(?![\\w(])`);

export interface Shift {
  /** Name of the sheet whose rows/columns changed. */
  sheet: string;
  dim: 'row' | 'col';
  /** First affected index (1-based): the first inserted or deleted row/column. */
  at: number;
  /** +n inserted, -n deleted. */
  delta: number;
}

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Moves one index; null when it was deleted. */
function move(i: number, s: Shift): number | null {
  if (s.delta > 0) return i >= s.at ? i + s.delta : i;
  const n = -s.delta;
  if (i < s.at) return i;
  if (i < s.at + n) return null;
  return i - n;
}

/** Rewrites the formula written on sheet `ownSheet` for the shift `s`. */
export function shiftFormula(formula: string, ownSheet: string, s: Shift): string {
  let out = '';
  let i = 0;
  let prevWord = false;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const j = formula.indexOf('"', i + 1);
      const end = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      prevWord = false;
      continue;
    }
    const m = prevWord ? null : REF.exec(formula.slice(i));
    if (m) {
      const sheetName = m[1] ? unquote(m[1]) : ownSheet;
      out += sheetName === s.sheet ? rewrite(m, s) : m[0];
      i += m[0].length;
      prevWord = true;
      continue;
    }
    prevWord = /[\w.]/.test(ch);
    out += ch;
    i++;
  }
  return out;
}

function rewrite(m: RegExpExecArray, s: Shift): string {
  const prefix = m[1] ?? '';
  const a = { c$: m[2], c: lettersToCol(m[3]), r$: m[4], r: Number(m[5]) };
  const b = m[6] !== undefined ? { c$: m[6], c: lettersToCol(m[7]), r$: m[8], r: Number(m[9]) } : null;
  const key = s.dim === 'row' ? 'r' : 'c';
  if (!b) {
    const v = move(a[key], s);
    if (v === null) return '#REF!';
    a[key] = v;
    return prefix + a.c$ + colToLetters(a.c) + a.r$ + a.r;
  }
  let lo = a[key];
  let hi = b[key];
  if (s.delta > 0) {
    lo = move(lo, s)!;
    hi = move(hi, s)!;
  } else {
    const n = -s.delta;
    const newLo = lo >= s.at && lo < s.at + n ? s.at : move(lo, s)!;
    const newHi = hi >= s.at && hi < s.at + n ? s.at - 1 : move(hi, s)!;
    if (newHi < newLo) return '#REF!';
    lo = newLo;
    hi = newHi;
  }
  a[key] = lo;
  b[key] = hi;
  return prefix + a.c$ + colToLetters(a.c) + a.r$ + a.r + ':' + b.c$ + colToLetters(b.c) + b.r$ + b.r;
}
