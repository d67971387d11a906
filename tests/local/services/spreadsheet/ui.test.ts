// SpreadsheetApp emulator: the Ui. Docs: developers.google.com/apps-script/reference/base/ui (createAddonMenu,
// createMenu, alert, prompt, showSidebar, showModalDialog), …/base/menu, …/base/prompt-response,
// …/spreadsheet/spreadsheet#toastmsg,-title,-timeoutseconds, and developers.google.com/workspace/add-ons/editors/sheets
// (an editor add-on's menu appears under Extensions with the add-on's name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeEvent, UiRequest } from '../../../../src/local/runtime/env';
import { setup } from './fixture';

const ON_OPEN = `function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem('Buka anggaran', 'budget_open')
    .addSeparator()
    .addSubMenu(ui.createMenu('Laporan').addItem('Jalankan bulan…', 'reports_runMonth'))
    .addToUi();
}`;

function uiEvents(events: RuntimeEvent[]) {
  return events.filter((e): e is Extract<RuntimeEvent, { type: 'ui' }> => e.type === 'ui');
}

describe('Ui (reference/base/ui)', () => {
  it("an onOpen-like function's add-on menu lands in last-ui.json, the store and a 'menu' ui event", async () => {
    const { run, rt, store, book, stateDir } = setup();
    const events: RuntimeEvent[] = [];
    rt.env.on('event', (e: RuntimeEvent) => events.push(e));
    await run(ON_OPEN, 'onOpen', { user: 'area@example.com', kind: 'simpleTrigger' });
    const expected = {
      title: 'DataDesk',
      addon: true,
      items: [
        { caption: 'Buka anggaran', fn: 'budget_open' },
        { separator: true },
        { caption: 'Laporan', submenu: [{ caption: 'Jalankan bulan…', fn: 'reports_runMonth' }] },
      ],
    };
    const last = JSON.parse(readFileSync(join(stateDir, 'last-ui.json'), 'utf8'));
    expect(last.menu).toEqual(expected);
    expect(last.user).toBe('area@example.com');
    expect(store.getMenus(book.id, 'area@example.com')).toEqual([expected]);
    expect(store.getMenus(book.id, 'other@example.com')).toEqual([]);
    expect(uiEvents(events).map((e) => [e.action, e.payload])).toEqual([['menu', expected]]);
  });

  it('alert(title, prompt, buttons) is answered by env.uiResponder and returns a Button', async () => {
    const { run, rt } = setup();
    const asked: UiRequest[] = [];
    rt.env.uiResponder = async (req) => {
      asked.push(req);
      return { button: 'NO' };
    };
    const { value } = await run<string>(
      `function main() {
      var ui = SpreadsheetApp.getUi();
      var b = ui.alert('Hapus data', 'Yakin? / Are you sure?', ui.ButtonSet.YES_NO);
      return JSON.stringify({ no: b === ui.Button.NO, yes: b === ui.Button.YES, name: String(b) });
    }`,
      'main',
      { user: 'mcot@example.com' },
    );
    expect(JSON.parse(value)).toEqual({ no: true, yes: false, name: 'NO' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      action: 'alert',
      title: 'Hapus data',
      message: 'Yakin? / Are you sure?',
      buttons: 'YES_NO',
      user: 'mcot@example.com',
    });
  });

  it('prompt returns a PromptResponse with the text and the button', async () => {
    const { run, rt } = setup();
    rt.env.uiResponder = async () => ({ button: 'OK', text: '2025-07' });
    const { value } = await run<string>(`function main() {
      var ui = SpreadsheetApp.getUi();
      var r = ui.prompt('Bulan', 'yyyy-mm', ui.ButtonSet.OK_CANCEL);
      return JSON.stringify([r.getResponseText(), r.getSelectedButton() === ui.Button.OK]);
    }`);
    expect(JSON.parse(value)).toEqual(['2025-07', true]);
  });

  it('without a responder the default button answers at once and the answer is recorded', async () => {
    const { run, store } = setup();
    const { value } = await run<string>(`function main() {
      var ui = SpreadsheetApp.getUi();
      return String(ui.alert('Selesai')) + '/' + String(ui.alert('Lanjut?', ui.ButtonSet.YES_NO_CANCEL));
    }`);
    expect(value).toBe('OK/YES');
    expect(store.uiLog.map((e) => [e.message, e.answer, e.auto])).toEqual([
      ['Selesai', 'OK', true],
      ['Lanjut?', 'YES', true],
    ]);
  });

  it('showSidebar is 300 px wide; showModalDialog keeps its size and title; toast is a ui event', async () => {
    const { run, rt } = setup();
    const events: RuntimeEvent[] = [];
    rt.env.on('event', (e: RuntimeEvent) => events.push(e));
    await run(`function main() {
      var html = { __html: true, content: '<p>Halo</p>', title: 'Anggaran', width: 600, height: 400 };
      var ui = SpreadsheetApp.getUi();
      ui.showSidebar(html);
      ui.showModalDialog(html, 'Dasbor');
      SpreadsheetApp.getActiveSpreadsheet().toast('Tersimpan', 'DataDesk');
    }`);
    expect(uiEvents(events).map((e) => [e.action, e.payload])).toEqual([
      ['showSidebar', { content: '<p>Halo</p>', title: 'Anggaran', width: 300, height: 400 }],
      ['showModalDialog', { content: '<p>Halo</p>', title: 'Dasbor', width: 600, height: 400 }],
      ['toast', { message: 'Tersimpan', title: 'DataDesk', timeoutSeconds: 5 }],
    ]);
  });

  it('getUi is refused in a time-driven trigger, as Apps Script has no UI there', async () => {
    const { fail } = setup();
    const e = await fail(`function main() { SpreadsheetApp.getUi(); }`, 'main', { kind: 'installableTrigger' });
    expect(e.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
