// SpreadsheetApp emulator: misuse fails with Apps Script's own error texts.
// Docs: developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues ("dimensions must match"),
// …/sheet#getrangerow,-column,-numrows,-numcolumns, …/spreadsheet#insertsheetsheetname, and the 10,000,000-cell
// limit (support.google.com/drive/answer/37603). Texts come from Apps Script/Sheets API error reports.
import { setup } from './fixture';

describe('Apps Script error texts', () => {
  it('setValues with the wrong number of rows', async () => {
    const { fail } = setup();
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]]); }`);
    expect(e.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(e.name).toBe('Exception');
  });

  it('setValues with the wrong number of columns, and nothing is written', async () => {
    const { fail, run } = setup();
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2], [3]]); }`);
    expect(e.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    const { value } = await run<string>(
      `function main() { return JSON.stringify(SpreadsheetApp.getActiveSheet().getRange('A1:B2').getValues()); }`,
    );
    expect(JSON.parse(value)).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('a range outside the sheet (a new sheet has 1000 rows × 26 columns)', async () => {
    const { fail } = setup();
    const e1 = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange(1000, 1, 2, 1); }`);
    expect(e1.message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    const e2 = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange('AA1'); }`);
    expect(e2.message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    const e3 = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 0, 1); }`);
    expect(e3.message).toBe('The number of rows in the range must be at least 1.');
  });

  it('a duplicate sheet name, on insertSheet and on setName', async () => {
    const { fail } = setup();
    const e = await fail(
      `function main() { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.insertSheet('Data'); ss.insertSheet('Data'); }`,
    );
    expect(e.message).toBe('A sheet with the name "Data" already exists. Please enter another name.');
    const e2 = await fail(
      `function main() { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.insertSheet('Log').setName('Sheet1'); }`,
    );
    expect(e2.message).toBe('A sheet with the name "Sheet1" already exists. Please enter another name.');
  });

  it('the 10,000,000-cell limit of a spreadsheet', async () => {
    const { fail, run } = setup();
    const e = await fail(`function main() { var sh = SpreadsheetApp.getActiveSheet(); sh.insertRowsAfter(1000, 400000); }`);
    expect(e.message).toBe('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    const { value } = await run<number>(`function main() { return SpreadsheetApp.getActiveSheet().getMaxRows(); }`);
    expect(value).toBe(1000);
  });

  it('openById with an unknown id', async () => {
    const { fail } = setup();
    const e = await fail(`function main() { SpreadsheetApp.openById('nope'); }`);
    expect(e.message).toBe('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  });

  it('authorization: AuthMode NONE cannot read the spreadsheet; LIMITED reads only its container', async () => {
    const { fail, run, store } = setup();
    const other = store.create('Other');
    const e = await fail(`function main() { SpreadsheetApp.getActiveSpreadsheet(); }`, 'main', { authMode: 'NONE' });
    expect(e.message).toMatch(/^You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    const { value } = await run<string>(`function main() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }`, 'main', {
      authMode: 'LIMITED',
    });
    expect(value).toBe('Test book');
    const e2 = await fail(`function main(id) { SpreadsheetApp.openById(id); }`, 'main', {
      authMode: 'LIMITED',
      args: [other.id],
    });
    expect(e2.message).toMatch(/^You do not have permission to call SpreadsheetApp.openById/);
  });

  it('a method the emulator does not implement says so', async () => {
    const { fail } = setup();
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange('A1').mergeAcross(); }`);
    expect(e.message).toBe('not emulated: Range.mergeAcross');
  });
});
