// Typed-input parsing, A1 notation and the formula subset, tested directly.
// Docs: support.google.com/docs/answer/3094038 (how entries are recognised: numbers, dates, times, percentages,
// '=' formulas, a leading apostrophe keeps text) and developers.google.com/apps-script/reference/spreadsheet/range#geta1notation.
import { parseTyped } from '../../../../src/local/services/spreadsheet/parse';
import { parseA1, toA1, colToLetters, lettersToCol } from '../../../../src/local/services/spreadsheet/a1';
import { evaluateFormula } from '../../../../src/local/services/spreadsheet/formula';
import { wallToSerial } from '../../../../src/local/services/spreadsheet/dates';
import { shiftFormula } from '../../../../src/local/services/spreadsheet/refs';

describe('parseTyped (typing into a cell)', () => {
  it('numbers in id_ID and en_US', () => {
    expect(parseTyped('0812345', 'id_ID')).toMatchObject({ value: 812345, kind: 'number' });
    expect(parseTyped('1.234,5', 'id_ID')).toMatchObject({ value: 1234.5, format: '#,##0.0' });
    expect(parseTyped('1,234.5', 'en_US')).toMatchObject({ value: 1234.5 });
    expect(parseTyped('1,234.5', 'id_ID')).toMatchObject({ value: '1,234.5', kind: 'text' });
    expect(parseTyped('-3,25', 'id_ID')).toMatchObject({ value: -3.25 });
    expect(parseTyped('1e3', 'en_US')).toMatchObject({ value: 1000 });
    expect(parseTyped('12,5%', 'id_ID')).toMatchObject({ value: 0.125, format: '0.0%' });
  });

  it('dates and times become serial numbers with a date format', () => {
    expect(parseTyped('2025-01-02', 'id_ID')).toEqual({ value: wallToSerial(2025, 1, 2), format: 'yyyy-mm-dd', kind: 'date' });
    expect(parseTyped('02/01/2025', 'id_ID').value).toBe(wallToSerial(2025, 1, 2));
    expect(parseTyped('02/01/2025', 'en_US').value).toBe(wallToSerial(2025, 2, 1));
    expect(parseTyped('31/02/2025', 'id_ID')).toMatchObject({ kind: 'text' });
    expect(parseTyped('13:30', 'id_ID')).toEqual({ value: 13.5 / 24, format: 'hh:mm', kind: 'date' });
    expect(parseTyped('2025-01-02 07:00:30', 'id_ID')).toMatchObject({ format: 'yyyy-mm-dd hh:mm:ss' });
  });

  it('formulas, booleans, apostrophes, empty strings and text', () => {
    expect(parseTyped('=SUM(A1:A3)', 'id_ID')).toMatchObject({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(parseTyped('true', 'id_ID')).toMatchObject({ value: true });
    expect(parseTyped("'=1+1", 'id_ID')).toEqual({ value: '=1+1', kind: 'text' });
    expect(parseTyped('', 'id_ID')).toEqual({ value: null, kind: 'empty' });
    expect(parseTyped('Tupperware 1L', 'id_ID')).toEqual({ value: 'Tupperware 1L', kind: 'text' });
  });
});

describe('A1 notation', () => {
  it('parses cells, ranges, columns, rows and sheet names', () => {
    expect(parseA1('B3')).toEqual({ sheet: null, row: 3, col: 2, endRow: 3, endCol: 2 });
    expect(parseA1("'My ''Q1'' sheet'!$A$1:C10")).toEqual({ sheet: "My 'Q1' sheet", row: 1, col: 1, endRow: 10, endCol: 3 });
    expect(parseA1('A:C')).toEqual({ sheet: null, row: 1, col: 1, endRow: null, endCol: 3 });
    expect(parseA1('2:5')).toEqual({ sheet: null, row: 2, col: 1, endRow: 5, endCol: null });
    expect(parseA1('nonsense!')).toBeNull();
    expect(toA1(1, 27, 2, 2)).toBe('AA1:AB2');
    expect(colToLetters(703)).toBe('AAA');
    expect(lettersToCol('zz')).toBe(702);
  });
});

describe('formula subset', () => {
  const cells: Record<string, number | string | null> = { A1: 10, A2: 'x', A3: null };
  const host = {
    cell: (_s: string | null, r: number, c: number) => cells[colToLetters(c) + r] ?? null,
    range: (_s: string | null, r: number, c: number, r2: number | null, c2: number | null) => {
      const out: Array<number | string | null> = [];
      for (let i = r; i <= (r2 ?? 3); i++) for (let j = c; j <= (c2 ?? 1); j++) out.push(cells[colToLetters(j) + i] ?? null);
      return out;
    },
  };
  it('computes arithmetic, functions and comparisons; errors as Sheets shows them', () => {
    expect(evaluateFormula('=(A1+2)*3^2/4', host)).toBe(27);
    expect(evaluateFormula('=SUM(A1:A3, 5)', host)).toBe(15);
    expect(evaluateFormula('=COUNTA(A1:A3)', host)).toBe(2);
    expect(evaluateFormula('=A1>5', host)).toBe(true);
    expect(evaluateFormula('="Rp "&A1', host)).toBe('Rp 10');
    expect(evaluateFormula('=A2+1', host)).toBe('#VALUE!');
    expect(evaluateFormula('=HYPERLINK("http://evil","x")', host)).toBe('#NAME?');
    expect(evaluateFormula('=foo', host)).toBe('#NAME?');
    expect(evaluateFormula('=(1+2', host)).toBe('#ERROR!');
    expect(evaluateFormula('=AVERAGE(A3:A3)', host)).toBe('#DIV/0!');
  });
});

describe('reference rewriting on row/column insertion and deletion (Sheets keeps references on their data)', () => {
  it('moves, grows, shrinks and breaks references as Sheets does', () => {
    const ins = { sheet: 'Data', dim: 'row' as const, at: 5, delta: 2 };
    expect(shiftFormula('=SUM(A1:A10)+$B$7-C3', 'Data', ins)).toBe('=SUM(A1:A12)+$B$9-C3');
    expect(shiftFormula("='Data'!A6+Other!A6", 'Other', ins)).toBe("='Data'!A8+Other!A6");
    expect(shiftFormula('="A6"&LOG10(A6)', 'Data', ins)).toBe('="A6"&LOG10(A8)');
    const del = { sheet: 'Data', dim: 'row' as const, at: 2, delta: -3 };
    expect(shiftFormula('=A3+A9+SUM(A3:A10)+SUM(A2:A4)', 'Data', del)).toBe('=#REF!+A6+SUM(A2:A7)+SUM(#REF!)');
    expect(shiftFormula('=C1+D1', 'Data', { sheet: 'Data', dim: 'col', at: 3, delta: -1 })).toBe('=#REF!+C1');
  });
});
