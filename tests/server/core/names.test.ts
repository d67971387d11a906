// One sanitiser for every name DataDesk creates: nothing invisible or misleading survives into a file, folder or sheet.
import { cleanName, fileName, hasInvisible, sheetTitle, FILE_NAME_FORBIDDEN } from '../../../src/server/core/names';
import { baseName, sheetName } from '../../../src/server/segments/output';
import { safeSheetName } from '../../../src/server/core/xlsx/writer';
import { checkPattern, fileName as reportFileName } from '../../../src/server/reports/naming';
import { thrownMessage } from '../../support/thrown';
import type { SegmentRequest } from '../../../src/server/segments/request';

const RLO = '\u202e';

describe('names', () => {
  it('drops bidi overrides, isolates, zero-width and control characters', () => {
    // "Promo <RLO>xslx.exe" displays as "Promo exe.xlsx": the override must go.
    expect(fileName(`Promo ${RLO}xslx.exe`)).toBe('Promo xslx.exe');
    expect(fileName('a\u200bb\u200cc\u200dd\u2060e\ufeff')).toBe('abcde');
    expect(fileName('x\u2066y\u2067z\u2068w\u2069\u202a\u202b\u202c\u202d')).toBe('xyzw');
    expect(fileName('tab\there\r\nnew\u0000line\u0085')).toBe('tab here newline');
    expect(hasInvisible(`a${RLO}b`)).toBe(true);
    expect(hasInvisible("Kota D'Uji")).toBe(false);
  });

  it('replaces forbidden characters, collapses spaces, trims leading dots, keeps apostrophes and Indonesian text', () => {
    expect(fileName('../../etc/passwd')).toBe('etc passwd');
    expect(fileName('a:b*c?d"e<f>g|h')).toBe('a b c d e f g h');
    expect(fileName("Jum'at O'Neil — Kota D'Uji")).toBe("Jum'at O'Neil — Kota D'Uji");
    expect(fileName(`${RLO}\u200b`, 'bukti')).toBe('bukti');
    expect(sheetTitle('[Anggaran]: A/B?')).toBe('Anggaran A B');
    expect(safeSheetName(`BU ${RLO}FASHION with a very long name that goes on`)).toBe('BU FASHION with a very long nam');
  });

  it('never cuts a surrogate pair', () => {
    const s = cleanName('😀'.repeat(10), { max: 3, forbidden: FILE_NAME_FORBIDDEN, fallback: 'x' });
    expect(s).toBe('😀😀😀');
  });

  it('every capability names through it: segment files and sheets, report files, the pattern check', () => {
    const req = { name: `Blast ${RLO}vsc.exe` } as SegmentRequest;
    const base = baseName(req, new Date(Date.UTC(2026, 10, 23, 3, 5)));
    expect(base).toBe('Blast vsc.exe 2026-11-23 1005');
    expect(sheetName(`A${RLO}B [x]`, (n) => n === 'AB x')).toBe('AB x (2)');
    expect(reportFileName('DC_<BU>_<YYYY-MM>.xlsx', `FA${RLO}SHION\u200b ONE`, '2026-10')).toBe('DC_FASHION_ONE_2026-10.xlsx');
    expect(thrownMessage(() => checkPattern(`DC_<BU>_<YYYY-MM>${RLO}.xlsx`))).toMatch(/Pola nama file tidak valid/);
  });
});
