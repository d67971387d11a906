// The workbench's stand-ins: each workbench on ports of its own, remembered in its state folder across restarts;
// seeded URLs that follow a port that had to move; messages stamped with the workbench's emulated clock.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startWorkbench, Workbench } from '../../../src/local/workbench/server';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { propertiesStore } from '../../../src/local/services/properties/index';
import { demoWebhookUrl } from '../../../src/local/demo/reports';
import { standinBase, replaceBase } from '../../../src/local/standins/ports';
import { Runtime } from '../../../src/local/runtime/runtime';
import { imageMissingByDefault, productImageExtension } from '../../../src/local/standins/gemini/index';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
/** A product whose picture the Gemini stand-in serves. */
const SKU = ['SKU-100001', 'SKU-100002', 'SKU-100003'].find((s) => !imageMissingByDefault(s))!;
const CODE = `
function alert(url, text) {
  var r = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: text }), muteHttpExceptions: true });
  return [r.getResponseCode(), JSON.parse(r.getContentText()).createTime];
}
`;

let buildDir: string;
const dirs: string[] = [];
const running: Workbench[] = [];

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build', 'local', 'worker.js')))
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'local']);
  mkdirSync(join(ROOT, 'artifacts', 'builds'), { recursive: true });
  buildDir = mkdtempSync(join(ROOT, 'artifacts', 'builds', 'standins-'));
  cpSync(join(ROOT, 'build', 'local'), join(buildDir, 'local'), { recursive: true });
  writeFileSync(join(buildDir, 'Code.js'), CODE);
  writeFileSync(join(buildDir, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Jakarta' }));
});
afterEach(async () => {
  for (const wb of running.splice(0)) await wb.stop();
});
afterAll(() => {
  for (const d of [buildDir, ...dirs]) rmSync(d, { recursive: true, force: true });
});

const stateDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dd-standins-'));
  dirs.push(d);
  return d;
};
const start = async (dir: string) => {
  const wb = await startWorkbench({ stateDir: dir, buildDir, seed: false, port: 0 });
  running.push(wb);
  return wb;
};
const settingsOf = (wb: Workbench) => {
  const s = wb.rt.env.config.settings;
  return { webhooks: s.webhooksUrl, gemini: s.geminiUrl, xendit: s.xenditUrl };
};
const received = async (wb: Workbench) =>
  ((await (await fetch(`${wb.url}api/webhooks`)).json()) as { items: Array<{ body: { text: string }; at: string }> }).items;

/** Holds a port the way another program would. */
async function occupy(port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', () => ok()));
  return { port: (server.address() as { port: number }).port, server };
}

describe('stand-ins per workbench', () => {
  it('gives two workbenches on one machine their own stand-ins: one’s chat alert never reaches the other', async () => {
    const a = await start(stateDir());
    const b = await start(stateDir());
    const [sa, sb] = [settingsOf(a), settingsOf(b)];
    for (const k of ['webhooks', 'gemini', 'xendit'] as const) {
      expect(sa[k]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sa[k]).not.toBe(sb[k]);
    }
    // What the demo seeds points at the workbench's own stand-in.
    expect(await standinBase(a.rt.env, 'webhooks')).toBe(sa.webhooks);
    const r = await a.rt.execute({ fn: 'alert', args: [demoWebhookUrl(sa.webhooks!), 'laporan gagal'], script: CODE });
    expect(r.value).toEqual([200, expect.any(String)]);
    expect((await received(a)).map((m) => m.body.text)).toEqual(['laporan gagal']);
    expect(await received(b)).toEqual([]);
  });

  it('keeps its ports across a restart, so the seeded URLs stay valid, and keeps the chat messages', async () => {
    const dir = stateDir();
    const first = await start(dir);
    const urls = settingsOf(first);
    await first.rt.execute({ fn: 'alert', args: [demoWebhookUrl(urls.webhooks!), 'satu'], script: CODE });
    running.splice(0);
    await first.stop();
    const again = await start(dir);
    expect(settingsOf(again)).toEqual(urls);
    expect((await received(again)).map((m) => m.body.text)).toEqual(['satu']);
  });

  it('moves a stand-in whose port another program took, and the seeded settings and cells follow it', async () => {
    const dir = stateDir();
    const first = await start(dir);
    const old = settingsOf(first).gemini!;
    const doc = getSpreadsheetStore(first.rt.env).create('Demo', { owner: 'admin@datadesk.local' }).id;
    const store = getSpreadsheetStore(first.rt.env);
    const picture = `/images/${SKU}.${productImageExtension(SKU)}`;
    store.userEdit(doc, 'Sheet1', 0, 0, `${old}${picture}`);
    store.userEdit(doc, 'Sheet1', 1, 0, `${old}9/not-this-one`);
    store.userEdit(doc, 'Sheet1', 2, 0, `=HYPERLINK("${old}/x")`);
    const secure = (u: string) => u.replace(/^http:/, 'https:');
    store.userEdit(doc, 'Sheet1', 3, 0, `${secure(old)}${picture}`);
    propertiesStore(first.rt.env).bag('script').DATADESK_GEMINI_URL = old;
    propertiesStore(first.rt.env).touch();
    running.splice(0);
    await first.stop();

    const taken = await occupy(Number(old.split(':')[2]));
    try {
      const lines: string[] = [];
      const moved = await startWorkbench({ stateDir: dir, buildDir, seed: false, port: 0, log: (l) => lines.push(l) });
      running.push(moved);
      const now = settingsOf(moved).gemini!;
      expect(now).not.toBe(old);
      expect(lines.join('\n')).toContain(`stand-in: gemini moved from ${old} (taken) to ${now}`);
      expect(propertiesStore(moved.rt.env).bag('script').DATADESK_GEMINI_URL).toBe(now);
      const s = getSpreadsheetStore(moved.rt.env);
      expect(s.displayWindow(doc, 'Sheet1', 0, 0, 2, 1)).toEqual([[`${now}${picture}`], [`${old}9/not-this-one`]]);
      expect(s.cellInfo(doc, 'Sheet1', 2, 0).formula).toBe(`=HYPERLINK("${old}/x")`); // formulas are left alone
      // the https link of the same stand-in (its pictures over https) moves too
      expect(s.displayWindow(doc, 'Sheet1', 3, 0, 1, 1)).toEqual([[`${secure(now)}${picture}`]]);
      // the picture URL answers from the moved stand-in
      expect((await fetch(`${now}${picture}`)).status).toBe(200);
      running.splice(0);
      await moved.stop();
      // and the next start stays on the new port
      const third = await start(dir);
      expect(settingsOf(third).gemini).toBe(now);
    } finally {
      taken.server.close();
    }
  });

  it('moves the settings of a state folder seeded before ports were remembered (fixed ports 8765–8767)', async () => {
    const dir = stateDir();
    const rt = new Runtime({ stateDir: dir, buildDir });
    rt.env.writeJson('demo.json', { documentId: 'x', users: [], notes: [], seededAt: '', seeders: {} });
    propertiesStore(rt.env).bag('script').DATADESK_GEMINI_URL = 'http://127.0.0.1:8766';
    propertiesStore(rt.env).touch();
    await rt.close();
    // 8766 is taken, by us or by another program already
    const taken = await occupy(8766).catch(() => null);
    try {
      const wb = await start(dir);
      const now = settingsOf(wb).gemini!;
      expect(now).not.toBe('http://127.0.0.1:8766');
      expect(propertiesStore(wb.rt.env).bag('script').DATADESK_GEMINI_URL).toBe(now);
    } finally {
      taken?.server.close();
    }
  });

  it('replaces a base URL only as a whole host and port', () => {
    const [from, to] = ['http://127.0.0.1:8766', 'http://127.0.0.1:1234'];
    expect(replaceBase(`${from}/images/a.jpg`, from, to)).toBe(`${to}/images/a.jpg`);
    expect(replaceBase(`${from}?key=1`, from, to)).toBe(`${to}?key=1`);
    expect(replaceBase(`http://127.0.0.1:87661/a`, from, to)).toBe('http://127.0.0.1:87661/a');
  });
});

describe('the workbench clock everywhere', () => {
  it('stamps chat messages with the emulated clock, as the outbox and Xendit are', async () => {
    const wb = await start(stateDir());
    wb.rt.env.clock.advanceTo(new Date('2031-03-02T01:00:00Z'));
    const r = await wb.rt.execute({ fn: 'alert', args: [demoWebhookUrl(settingsOf(wb).webhooks!), 'bulan depan'], script: CODE });
    const createTime = Date.parse((r.value as [number, string])[1]);
    const [m] = await received(wb);
    for (const t of [createTime, Date.parse(m.at)]) {
      expect(t).toBeGreaterThanOrEqual(Date.parse('2031-03-02T01:00:00Z'));
      expect(t).toBeLessThan(Date.parse('2031-03-02T01:10:00Z'));
    }
    const xendit = settingsOf(wb).xendit!;
    const inv = await fetch(`${xendit}/v2/invoices`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('xnd_development_DataDeskLocalStandinSecretKey0000000000000000000:').toString('base64')}`,
      },
      body: JSON.stringify({ external_id: 'order-1', amount: 150000 }),
    });
    expect(inv.status).toBe(200);
    expect(((await inv.json()) as { created: string }).created.slice(0, 10)).toBe('2031-03-02');
  });
});
