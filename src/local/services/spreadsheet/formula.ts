// A small, safe formula evaluator: the subset the emulator computes; everything else shows Sheets' error values.
// Supported (documented subset): numbers, "strings", TRUE/FALSE, cell references (A1, $A$1, Sheet!A1, 'My sheet'!A1),
// + - * / ^ & and unary minus, parentheses, comparisons = <> < > <= >=, and SUM, COUNT, COUNTA, AVERAGE, MIN, MAX
// over values, cells and ranges (',' or ';' separate arguments). Unknown functions and names give '#NAME?'
// (Sheets' value for an unknown name); a syntax error gives '#ERROR!' (Sheets: "Formula parse error"); division
// by zero '#DIV/0!'; text in arithmetic '#VALUE!'; a missing sheet '#REF!'; a reference cycle '#REF!'.
// Nothing is ever executed: IMPORTXML, HYPERLINK, IMAGE, etc. are simply unknown names here.
import { parseA1 } from './a1';

export type FValue = number | string | boolean | null;
export const ERRORS = ['#NAME?', '#ERROR!', '#DIV/0!', '#VALUE!', '#REF!', '#N/A', '#NUM!', '#NULL!'];

export interface FormulaHost {
  /** The computed value of a cell (1-based), or '#REF!' when the sheet does not exist. */
  cell(sheet: string | null, row: number, col: number): FValue;
  /** The computed values of a rectangle, row-major. */
  range(sheet: string | null, row: number, col: number, endRow: number | null, endCol: number | null): FValue[] | string;
}

class FErr {
  constructor(readonly code: string) {}
}

type Tok =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; v: string }
  | { k: 'id'; v: string }
  | { k: 'op'; v: string };

const REF =
  /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    if (rest.startsWith('#REF!')) throw new FErr('#REF!');
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new FErr('#ERROR!');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[\w(]/.test(rest.slice(ref[0].length))) {
      out.push({ k: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w.]*/.exec(rest);
    if (id) {
      out.push({ k: 'id', v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>(),;:%])/.exec(rest);
    if (!op) throw new FErr('#ERROR!');
    out.push({ k: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Arg = FValue | { range: FValue[] };

const FUNCS = new Set(['SUM', 'COUNT', 'COUNTA', 'AVERAGE', 'MIN', 'MAX']);

class Parser {
  private p = 0;
  constructor(
    private toks: Tok[],
    private host: FormulaHost,
  ) {}
  private peek(): Tok | undefined {
    return this.toks[this.p];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.k === 'op' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new FErr('#ERROR!');
    this.p++;
  }
  parseAll(): Arg {
    const v = this.compare();
    if (this.p !== this.toks.length) throw new FErr('#ERROR!');
    return v;
  }
  private compare(): Arg {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.k !== 'op' || !['=', '<>', '<', '>', '<=', '>='].includes(t.v)) return a;
      this.p++;
      const b = this.concat();
      const x = scalar(a);
      const y = scalar(b);
      const c = cmp(x, y);
      a =
        t.v === '='
          ? c === 0
          : t.v === '<>'
            ? c !== 0
            : t.v === '<'
              ? c < 0
              : t.v === '>'
                ? c > 0
                : t.v === '<='
                  ? c <= 0
                  : c >= 0;
    }
  }
  private concat(): Arg {
    let a = this.additive();
    while (this.isOp('&')) {
      this.p++;
      const b = this.additive();
      a = text(scalar(a)) + text(scalar(b));
    }
    return a;
  }
  private additive(): Arg {
    let a = this.term();
    for (;;) {
      if (this.isOp('+') || this.isOp('-')) {
        const op = (this.toks[this.p++] as { v: string }).v;
        const b = this.term();
        a = op === '+' ? num(a) + num(b) : num(a) - num(b);
      } else return a;
    }
  }
  private term(): Arg {
    let a = this.power();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = (this.toks[this.p++] as { v: string }).v;
        const b = this.power();
        if (op === '*') a = num(a) * num(b);
        else {
          const d = num(b);
          if (d === 0) throw new FErr('#DIV/0!');
          a = num(a) / d;
        }
      } else return a;
    }
  }
  private power(): Arg {
    let a = this.unary();
    while (this.isOp('^')) {
      this.p++;
      a = num(a) ** num(this.unary());
    }
    return a;
  }
  private unary(): Arg {
    if (this.isOp('-')) {
      this.p++;
      return -num(this.unary());
    }
    if (this.isOp('+')) {
      this.p++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.p++;
      v = num(v) / 100;
    }
    return v;
  }
  private primary(): Arg {
    const t = this.toks[this.p++];
    if (!t) throw new FErr('#ERROR!');
    if (t.k === 'num') return t.v;
    if (t.k === 'str') return t.v;
    if (t.k === 'ref') {
      const r = parseA1(t.v);
      if (!r) throw new FErr('#REF!');
      if (!t.v.includes(':')) {
        const v = this.host.cell(r.sheet, r.row, r.col);
        if (typeof v === 'string' && ERRORS.includes(v)) throw new FErr(v);
        return v;
      }
      const vals = this.host.range(r.sheet, r.row, r.col, r.endRow, r.endCol);
      if (typeof vals === 'string') throw new FErr(vals);
      return { range: vals };
    }
    if (t.k === 'op' && t.v === '(') {
      const v = this.compare();
      this.expect(')');
      return v;
    }
    if (t.k === 'id') {
      if (this.isOp('(')) {
        this.p++;
        const args: Arg[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            // A lone reference argument is a (one-cell) range: SUM/AVERAGE skip it when empty or text, as Sheets does.
            const t0 = this.toks[this.p];
            const t1 = this.toks[this.p + 1];
            const lone = t0?.k === 'ref' && t1?.k === 'op' && [',', ';', ')'].includes(t1.v);
            const arg = this.compare();
            args.push(lone && (arg === null || typeof arg !== 'object') ? { range: [arg as FValue] } : arg);
            if (this.isOp(',') || this.isOp(';')) this.p++;
            else break;
          }
        }
        this.expect(')');
        if (!FUNCS.has(t.v)) throw new FErr('#NAME?');
        return callFn(t.v, args);
      }
      if (t.v === 'TRUE') return true;
      if (t.v === 'FALSE') return false;
      throw new FErr('#NAME?');
    }
    throw new FErr('#ERROR!');
  }
}

function scalar(a: Arg): FValue {
  if (a !== null && typeof a === 'object') throw new FErr('#VALUE!');
  return a;
}

function num(a: Arg): number {
  const v = scalar(a);
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n)) throw new FErr('#VALUE!');
  return n;
}

function text(v: FValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function cmp(x: FValue, y: FValue): number {
  const a = x ?? (typeof y === 'string' ? '' : 0);
  const b = y ?? (typeof x === 'string' ? '' : 0);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  if (typeof a === typeof b) return Number(a) - Number(b);
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b);
}

function callFn(name: string, args: Arg[]): FValue {
  const nums: number[] = [];
  let counta = 0;
  for (const a of args) {
    if (a !== null && typeof a === 'object') {
      for (const v of a.range) {
        if (typeof v === 'string' && ERRORS.includes(v) && name !== 'COUNTA' && name !== 'COUNT') throw new FErr(v);
        if (v !== null && v !== '') counta++;
        if (typeof v === 'number') nums.push(v);
      }
    } else {
      if (a !== null) counta++;
      if (name === 'COUNT') {
        if (typeof a === 'number') nums.push(a);
      } else if (name !== 'COUNTA') nums.push(num(a));
    }
  }
  switch (name) {
    case 'SUM':
      return nums.reduce((s, x) => s + x, 0);
    case 'COUNT':
      return nums.length;
    case 'COUNTA':
      return counta;
    case 'AVERAGE':
      if (!nums.length) throw new FErr('#DIV/0!');
      return nums.reduce((s, x) => s + x, 0) / nums.length;
    case 'MIN':
      return nums.length ? Math.min(...nums) : 0;
    case 'MAX':
      return nums.length ? Math.max(...nums) : 0;
  }
  throw new FErr('#NAME?');
}

/** Evaluates a formula ('=…') and returns its value or one of Sheets' error strings. */
export function evaluateFormula(formula: string, host: FormulaHost): FValue {
  try {
    const toks = tokenize(formula.replace(/^=/, ''));
    if (!toks.length) return '#ERROR!';
    const v = new Parser(toks, host).parseAll();
    if (v !== null && typeof v === 'object') {
      const first = v.range[0];
      return first === undefined ? null : first;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return '#NUM!';
    return v;
  } catch (e) {
    if (e instanceof FErr) return e.code;
    throw e;
  }
}
