// SpreadsheetApp emulator: spreadsheets persist in the state folder across runtimes; only changed ones are saved.
// (Emulator behaviour; Apps Script keeps spreadsheets in Drive: developers.google.com/apps-script/reference/spreadsheet)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../../src/local/services/spreadsheet/index';
import { setup } from './fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('persistence', () => {
  it('values, formats, formulas, sheets and protections survive a new Runtime on the same state dir', async () => {
    const { run, book, stateDir } = setup();
    await run(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Anggaran');
      sh.getRange('A1:C1').setValues([['Cluster', 'Alokasi', 'Tanggal']]);
      sh.getRange('B2').setNumberFormat('"Rp "#,##0');
      sh.appendRow(['CL-001', 28488600, '2025-01-02']);
      sh.getRange('B3').setFormula('=B2*2');
      sh.setFrozenRows(1);
      sh.protect().setDescription('log');
    }`);
    expect(existsSync(join(stateDir, 'sheets', `${book.id}.json`))).toBe(true);

    const rt2 = new Runtime({ stateDir });
    const r = await rt2.execute({
      fn: 'main',
      documentId: book.id,
      script: `function main() {
        var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Anggaran');
        return JSON.stringify({ d: sh.getDataRange().getDisplayValues(), date: sh.getRange('C2').getValue() instanceof Date,
          frozen: sh.getFrozenRows(), prot: sh.getProtections(SpreadsheetApp.ProtectionType.SHEET).map(function (p) { return p.getDescription(); }) });
      }`,
    });
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.value as string)).toEqual({
      d: [
        ['Cluster', 'Alokasi', 'Tanggal'],
        ['CL-001', 'Rp 28.488.600', '2025-01-02'],
        ['', '56977200', ''],
      ],
      date: true,
      frozen: 1,
      prot: ['log'],
    });
  });

  it('only spreadsheets changed since the last save are written', async () => {
    const { run, rt, book, stateDir } = setup();
    const other = getSpreadsheetStore(rt.env).create('Other');
    await rt.env.flush();
    const otherFile = join(stateDir, 'sheets', `${other.id}.json`);
    const bookFile = join(stateDir, 'sheets', `${book.id}.json`);
    const t0 = statSync(otherFile).mtimeMs;
    const b0 = statSync(bookFile).mtimeMs;
    await sleep(30);
    await run(`function main() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }`);
    expect(statSync(bookFile).mtimeMs).toBe(b0);
    await run(`function main() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1); }`);
    expect(statSync(bookFile).mtimeMs).toBeGreaterThan(b0);
    expect(statSync(otherFile).mtimeMs).toBe(t0);
  });
});
