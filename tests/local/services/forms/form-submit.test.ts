// Form-submit triggers of a spreadsheet (guides/triggers/installable#google_apps_triggers; the event object of
// guides/triggers/events, "Form submit": authMode, namedValues, range, triggerUid, values): a response appends a row to
// the linked responses sheet and each installable trigger runs as the user who created it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../../src/local/services/spreadsheet/store';
import { linkForm, linkedForms, submitFormResponse } from '../../../../src/local/services/forms/index';

jest.setTimeout(60_000);

const S = `
function install() {
  return ScriptApp.newTrigger('onOrder').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onFormSubmit().create().getUniqueId();
}
function onOrder(e) {
  var sheet = e.range.getSheet();
  return { authMode: String(e.authMode), values: e.values, named: e.namedValues, a1: e.range.getA1Notation(),
    sheet: sheet.getName(), user: Session.getActiveUser().getEmail(), uid: e.triggerUid, keys: Object.keys(e).sort(),
    cells: e.range.getValues()[0].map(function (v) { return v instanceof Date ? 'Date' : v; }),
    active: SpreadsheetApp.getActiveSpreadsheet().getId() };
}
`;

describe('form submissions fire the spreadsheet’s form-submit triggers as their owners', () => {
  let rt: Runtime;
  let ssId: string;
  beforeAll(() => {
    rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-forms-')) });
    ssId = getSpreadsheetStore(rt.env).create('Pesanan', { owner: 'admin@datadesk.local' }).id;
  });
  afterAll(() => rt.close());

  it('appends the response row with a Timestamp and gives the trigger the documented event object', async () => {
    rt.env.clock.advanceTo(new Date('2030-03-02T03:04:05Z'));
    const form = linkForm(rt, {
      spreadsheetId: ssId,
      title: 'Pesan sesi',
      questions: ['Nama', 'Telepon', 'Catatan'],
      sheetName: 'Pesanan sesi',
    });
    expect(linkedForms(rt.env, ssId)).toEqual([form]);
    const uid = await rt.call<string>('install', [], { script: S, user: 'admin@datadesk.local', documentId: ssId });
    const sub = await submitFormResponse(rt, {
      formId: form.formId,
      answers: { Nama: 'Rina', Telepon: '081234567890', Catatan: '=HYPERLINK("http://x")' },
      script: S,
    });
    expect(sub.row).toBe(2);
    expect(sub.fired).toHaveLength(1);
    const r = sub.fired[0].result;
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({
      authMode: 'FULL',
      values: ['02/03/2030 10:04:05', 'Rina', '081234567890', '=HYPERLINK("http://x")'],
      named: {
        Timestamp: ['02/03/2030 10:04:05'],
        Nama: ['Rina'],
        Telepon: ['081234567890'],
        Catatan: ['=HYPERLINK("http://x")'],
      },
      a1: 'A2:D2',
      sheet: 'Pesanan sesi',
      user: 'admin@datadesk.local',
      uid,
      keys: ['authMode', 'namedValues', 'range', 'triggerUid', 'values'],
      // the sheet holds typed values: the Timestamp a date, the phone number a number (its leading zero lost), the
      // formula-like answer plain text
      cells: ['Date', 'Rina', 81234567890, '=HYPERLINK("http://x")'],
      active: ssId,
    });
    const sheet = getSpreadsheetStore(rt.env).sheet(ssId, 'Pesanan sesi')!;
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.frozenRows).toBe(1);
  });

  it('runs every owner’s trigger (one each under the add-on rules) and none of other spreadsheets', async () => {
    const form = linkedForms(rt.env, ssId)[0];
    await rt.call('install', [], { script: S, user: 'mentor@datadesk.local', documentId: ssId });
    const other = getSpreadsheetStore(rt.env).create('Lain', { owner: 'admin@datadesk.local' }).id;
    await rt.call('install', [], { script: S, user: 'admin@datadesk.local', documentId: other });
    const second = await rt.execute({ fn: 'install', script: S, user: 'admin@datadesk.local', documentId: ssId });
    expect(second.error?.message).toBe(
      'This add-on has created too many form submit triggers in this document for this Google user account.',
    );
    const sub = await submitFormResponse(rt, { formId: form.formId, answers: { Nama: 'Budi', Telepon: ['1', '2'] }, script: S });
    expect(sub.row).toBe(3);
    expect(sub.fired.map((f) => [f.user, (f.result.value as { user: string }).user])).toEqual([
      ['admin@datadesk.local', 'admin@datadesk.local'],
      ['mentor@datadesk.local', 'mentor@datadesk.local'],
    ]);
    expect(sub.values.slice(1)).toEqual(['Budi', '1, 2', '']);
  });

  it('refuses an unknown question and collects the respondent’s e-mail when the form does', async () => {
    const form = linkForm(rt, { spreadsheetId: ssId, title: 'Daftar', questions: ['Nama'], collectEmail: true });
    expect(form.sheetName).toBe('Form Responses 1');
    await expect(submitFormResponse(rt, { formId: form.formId, answers: { Umur: '3' }, respondent: 'a@b.id' })).rejects.toThrow(
      'form "Daftar" has no question "Umur"',
    );
    const sub = await submitFormResponse(rt, {
      formId: form.formId,
      answers: { Nama: 'Sari' },
      respondent: 'sari@gmail.com',
      script: S,
    });
    expect(Object.keys(sub.namedValues)).toEqual(['Timestamp', 'Email Address', 'Nama']);
    expect(sub.namedValues['Email Address']).toEqual(['sari@gmail.com']);
  });
});
