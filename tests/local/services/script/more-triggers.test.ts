// ScriptApp parts the add-on does not use yet (reference/script/spreadsheet-trigger-builder#onOpen, #onChange,
// #onFormSubmit; reference/script/clock-trigger-builder#atDate, #inTimezone; reference/script/script-app#getScriptId).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

jest.setTimeout(30_000);

const S = `
function sheetTriggers(ss) {
  var b = function () { return ScriptApp.newTrigger('handle').forSpreadsheet(ss); };
  return [b().onOpen().create(), b().onChange().create(), b().onFormSubmit().create()].map(function (t) { return String(t.getEventType()); });
}
function once() { return String(ScriptApp.newTrigger('later').timeBased().atDate(2026, 12, 2).inTimezone('Asia/Jakarta').create().getEventType()); }
function badZone() { ScriptApp.newTrigger('later').timeBased().atDate(2026, 12, 2).inTimezone('Mars/Olympus'); }
function id() { return ScriptApp.getScriptId(); }
`;

describe('ScriptApp: spreadsheet triggers, one-off dates, the script id', () => {
  it('installs onOpen, onChange and onFormSubmit triggers for a spreadsheet, and a one-off clock trigger', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-script-more-')) });
    try {
      const who = { script: S, user: 'a@x.id', documentId: 'ss1' };
      expect(await rt.call('sheetTriggers', ['ss1'], who)).toEqual(['ON_OPEN', 'ON_CHANGE', 'ON_FORM_SUBMIT']);
      expect(await rt.call('once', [], who)).toBe('CLOCK');
      const bad = await rt.execute({ fn: 'badZone', ...who });
      expect(bad.error?.message).toMatch(/Mars\/Olympus/);
      const a = await rt.call<string>('id', [], who);
      expect(a).toMatch(/^1\w{20,}$/);
      expect(await rt.call('id', [], { ...who, user: 'b@x.id' })).toBe(a); // one script, whoever asks
    } finally {
      await rt.close();
    }
  });
});
