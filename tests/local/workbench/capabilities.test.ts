// The workbench's groundwork routes over HTTP: a Xendit callback reaching a deployed web app's doPost through /exec
// (Apps Script answers it with a ContentService redirect), a form response firing a form-submit trigger, the calendar
// listing per identity and an embedded chart drawn as SVG.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startWorkbench, Workbench } from '../../../src/local/workbench/server';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { calendarStore } from '../../../src/local/services/calendar/index';
import { DEFAULT_SECRET_KEY, DEFAULT_CALLBACK_TOKEN } from '../../../src/local/standins/xendit/index';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const CODE = `
function doPost(e) {
  var seen = JSON.parse(PropertiesService.getScriptProperties().getProperty('SEEN') || '[]');
  seen.push({ contents: e.postData.contents, type: e.postData.type, headers: e.headers === undefined, me: Session.getActiveUser().getEmail() });
  PropertiesService.getScriptProperties().setProperty('SEEN', JSON.stringify(seen));
  return ContentService.createTextOutput(JSON.stringify({ ok: true })).setMimeType(ContentService.MimeType.JSON);
}
function installOrders() {
  ScriptApp.newTrigger('onOrder').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onFormSubmit().create();
}
function onOrder(e) {
  var ev = Calendar.Events.insert({ summary: 'Sesi ' + e.namedValues['Nama'][0], attendees: [{ email: e.namedValues['Email'][0] }],
    start: { dateTime: '2031-02-03T10:00:00+07:00' }, end: { dateTime: '2031-02-03T11:00:00+07:00' },
    conferenceData: { createRequest: { requestId: 'r-' + e.range.getRow(), conferenceSolutionKey: { type: 'hangoutsMeet' } } } },
    'primary', { conferenceDataVersion: 1 });
  return ev.hangoutLink;
}
function chart() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1:B3').setValues([['Minggu', 'Koin'], ['W1', 10], ['W2', 30]]);
  sh.insertChart(sh.newChart().asColumnChart().addRange(sh.getRange('A1:B3')).setPosition(2, 4, 0, 0).setOption('title', 'Koin').build());
}
`;

describe('workbench routes for calendars, forms, web apps, Xendit and charts', () => {
  let wb: Workbench;
  let buildDir: string;
  let stateDir: string;
  let ss: string;
  const base = () => wb.url.replace(/\/$/, '');
  const post = (path: string, body: unknown) =>
    fetch(base() + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'build', 'local', 'worker.js')))
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'local']);
    mkdirSync(join(ROOT, 'artifacts', 'builds'), { recursive: true });
    buildDir = mkdtempSync(join(ROOT, 'artifacts', 'builds', 'cap-'));
    cpSync(join(ROOT, 'build', 'local'), join(buildDir, 'local'), { recursive: true });
    writeFileSync(join(buildDir, 'Code.js'), CODE);
    writeFileSync(
      join(buildDir, 'appsscript.json'),
      JSON.stringify({
        timeZone: 'Asia/Jakarta',
        dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
        webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
      }),
    );
    stateDir = mkdtempSync(join(tmpdir(), 'dd-wbcap-'));
    wb = await startWorkbench({ stateDir, buildDir, seed: false, port: 0 });
    ss = getSpreadsheetStore(wb.rt.env).create('Pesanan', { owner: 'admin@datadesk.local' }).id;
    wb.rt.setDefaultDocumentId(ss);
  });
  afterAll(async () => {
    await wb?.stop();
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('delivers a Xendit callback for a script.google.com URL to the web app’s doPost (no headers; a 302 back)', async () => {
    const dep = await (await post('/api/webapps/deploy', { user: 'admin@datadesk.local' })).json();
    expect(dep.deployment.url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb/);
    expect((await post('/api/xendit/callback-url', { url: dep.deployment.url })).status).toBe(200);
    const state = await (await fetch(`${base()}/api/xendit`)).json();
    const inv = await (
      await fetch(`${state.url}/v2/invoices`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${DEFAULT_SECRET_KEY}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ external_id: 'ORD-9', amount: 200000 }),
      })
    ).json();
    const paid = await post('/api/xendit/pay', { id: inv.id });
    expect((await paid.json()).invoice.status).toBe('PAID');
    const after = await (await fetch(`${base()}/api/xendit`)).json();
    expect(after.callbacks.at(-1)).toMatchObject({ invoiceId: inv.id, status: 'PAID', httpStatus: 302 });
    const seen = JSON.parse(
      (await wb.rt.call<string>('read', [], {
        script: `function read() { return PropertiesService.getScriptProperties().getProperty('SEEN'); }`,
      })) ?? '[]',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'application/json', headers: true, me: 'admin@datadesk.local' });
    expect(JSON.parse(seen[0].contents)).toMatchObject({ id: inv.id, external_id: 'ORD-9', status: 'PAID' });
    expect(JSON.stringify(seen)).not.toContain(DEFAULT_CALLBACK_TOKEN);
    // paying twice is refused with the stand-in's reason
    const again = await post('/api/xendit/pay', { id: inv.id });
    expect([again.status, (await again.json()).error]).toEqual([409, `xendit stand-in: invoice ${inv.id} is PAID, not PENDING`]);
  });

  it('submits a form response whose trigger schedules a Meet event the calendar route lists per identity', async () => {
    const form = (
      await (
        await post('/api/forms/link', { doc: ss, title: 'Pesan', questions: ['Nama', 'Email'], sheetName: 'Pesanan sesi' })
      ).json()
    ).form;
    await wb.rt.call('installOrders', [], { user: 'mentor@datadesk.local', documentId: ss });
    const r = await (
      await post('/api/forms/submit', { formId: form.formId, answers: { Nama: 'Rina', Email: 'rina@gmail.com' } })
    ).json();
    expect(r.row).toBe(2);
    expect(r.runs).toMatchObject([{ fn: 'onOrder', user: 'mentor@datadesk.local', ok: true, error: null }]);
    const mentor = await (
      await fetch(`${base()}/api/calendar?user=mentor%40datadesk.local&from=2031-02-01T00:00:00Z&to=2031-02-10T00:00:00Z`)
    ).json();
    const ev = mentor.calendars[0].events[0];
    expect(mentor.calendars[0]).toMatchObject({ id: 'mentor@datadesk.local', role: 'owner' });
    expect(ev).toMatchObject({ summary: 'Sesi Rina', attendees: [{ email: 'rina@gmail.com', responseStatus: 'needsAction' }] });
    expect(ev.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    // the admin sees nothing of the mentor's calendar until it is shared
    const admin = await (
      await fetch(`${base()}/api/calendar?user=admin%40datadesk.local&from=2031-02-01T00:00:00Z&to=2031-02-10T00:00:00Z`)
    ).json();
    expect(admin.calendars.map((c: { id: string }) => c.id)).toEqual(['admin@datadesk.local']);
    calendarStore(wb.rt.env).share('mentor@datadesk.local', 'admin@datadesk.local', 'reader');
    const shared = await (
      await fetch(`${base()}/api/calendar?user=admin%40datadesk.local&from=2031-02-01T00:00:00Z&to=2031-02-10T00:00:00Z`)
    ).json();
    expect(shared.calendars.map((c: { id: string; events: unknown[] }) => [c.id, c.events.length])).toEqual([
      ['admin@datadesk.local', 0],
      ['mentor@datadesk.local', 1],
    ]);
  });

  it('describes charts with the sheet and serves each as an SVG image', async () => {
    await wb.rt.call('chart', [], { documentId: ss });
    const doc = await (await fetch(`${base()}/api/doc?id=${ss}`)).json();
    const c = doc.sheets[0].charts[0];
    expect(c).toMatchObject({ row: 2, col: 4, width: 600, height: 371 });
    const svg = await fetch(
      `${base()}/api/chart.svg?id=${ss}&sheet=${encodeURIComponent(doc.sheets[0].name)}&chart=${c.chartId}`,
    );
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await svg.text()).toContain('>Koin</text>');
  });
});
