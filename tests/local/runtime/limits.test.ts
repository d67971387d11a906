// Limits and daily quotas with Apps Script's texts (guides/services/quotas): 50 MB blobs, 50,000 characters a cell,
// fetchAll's concurrency, daily quotas per user for consumer or Workspace accounts (reset 24 hours after the first
// request), total trigger runtime.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Runtime } from '../../../src/local/runtime/runtime';
import { BLOB_TOO_LARGE } from '../../../src/local/services/blob';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { DAILY_QUOTAS, quotaLedger } from '../../../src/local/runtime/quotas';

jest.setTimeout(120_000);

const fresh = (settings: Record<string, string> = {}) =>
  new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-limits-')), settings });

describe('size limits', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = fresh();
  });
  afterAll(() => rt.close());

  it('refuses a 51 MB blob and takes a 50 MB one', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() {
        var mb = 1024 * 1024, s50 = new Array(50 * mb + 1).join('a');
        var ok = Utilities.newBlob(s50).getBytes().length;
        try { Utilities.newBlob(s50 + new Array(mb + 1).join('b')); return 'made'; } catch (e) { return [ok, e.message]; } }`,
    });
    expect(r.value).toEqual([50 * 1024 * 1024, BLOB_TOO_LARGE]);
    const set = await rt.execute({
      fn: 'main',
      script: `function main() { Utilities.newBlob('x').setDataFromString(new Array(51 * 1024 * 1024 + 1).join('a')); }`,
    });
    expect(set.error!.message).toBe(BLOB_TOO_LARGE);
  });

  it('refuses more than 50,000 characters in a cell, and writes nothing of that setValues', async () => {
    const store = getSpreadsheetStore(rt.env);
    const id = store.create('Limits', { owner: 'admin@datadesk.local' }).id;
    await rt.env.flush();
    const r = await rt.execute({
      fn: 'main',
      documentId: id,
      script: `function main() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sh.getRange(1, 1, 1, 2).setValues([['ok', new Array(50001).join('x')]]);
        try { sh.getRange(2, 1, 1, 2).setValues([['kept?', new Array(50002).join('x')]]); } catch (e) { return [e.message, sh.getRange(2, 1).getValue(), sh.getRange(1, 2).getValue().length]; } }`,
    });
    expect(r.value).toEqual(['Your input contains more than the maximum of 50000 characters in a single cell.', '', 50000]);
  });
});

describe('UrlFetchApp.fetchAll concurrency', () => {
  let server: Server;
  let url = '';
  let inFlight = 0;
  let most = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('ok');
      }, 150);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('runs at most 10 requests of one fetchAll at once (settings.fetchAllConcurrency changes it)', async () => {
    const script = `function main(u) { var r = []; for (var i = 0; i < 25; i++) r.push(u); return UrlFetchApp.fetchAll(r).length; }`;
    const rt = fresh();
    try {
      most = 0;
      const r = await rt.execute({ fn: 'main', args: [url], script });
      expect(r.value).toBe(25);
      expect(most).toBe(10);
      // Three rounds of ~150 ms, measured as the HTTP wait the projection adds.
      expect(r.cost.byMethod['UrlFetchApp.fetchAll']).toBeGreaterThan(400);
    } finally {
      await rt.close();
    }
    const wide = fresh({ fetchAllConcurrency: '25' });
    try {
      most = 0;
      await wide.execute({ fn: 'main', args: [url], script });
      expect(most).toBe(25);
    } finally {
      await wide.close();
    }
  });
});

describe('daily quotas per user', () => {
  it('counts properties reads and writes against the day’s allowance (50,000 consumer; smaller here)', async () => {
    const rt = fresh({ propertiesDailyQuota: '5' });
    try {
      const script = `function main() { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 10; i++) p.setProperty('k', 'v' + i); }`;
      const r = await rt.execute({ fn: 'main', script, user: 'a@x.id' });
      expect(r.error!.message).toBe(DAILY_QUOTAS.properties.error);
      expect(r.counts['Properties.setProperty']).toBe(6);
      // Another user has their own allowance; the first gets theirs back 24 hours after their first request.
      const b = await rt.execute({
        fn: 'main',
        script: 'function main() { return PropertiesService.getScriptProperties().getProperty("k"); }',
        user: 'b@x.id',
      });
      expect(b.value).toBe('v4');
      rt.env.clock.advanceBy(24 * 3600_000);
      const again = await rt.execute({
        fn: 'main',
        script: 'function main() { return PropertiesService.getScriptProperties().getProperty("k"); }',
        user: 'a@x.id',
      });
      expect(again.value).toBe('v4');
    } finally {
      await rt.close();
    }
  });

  it('Workspace accounts get the higher quotas', () => {
    const consumer = fresh();
    const workspace = fresh({ accountType: 'workspace' });
    const now = new Date();
    expect(quotaLedger(consumer.env).remaining('urlFetch', 'a@x.id', now)).toBe(20_000);
    expect(quotaLedger(workspace.env).remaining('urlFetch', 'a@x.id', now)).toBe(100_000);
    expect(quotaLedger(consumer.env).remaining('emailRecipients', 'a@x.id', now)).toBe(100);
    expect(quotaLedger(workspace.env).remaining('emailRecipients', 'a@x.id', now)).toBe(1_500);
    expect(quotaLedger(consumer.env).remaining('triggerRuntimeMs', 'a@x.id', now)).toBe(90 * 60_000);
    expect(quotaLedger(workspace.env).remaining('triggerRuntimeMs', 'a@x.id', now)).toBe(6 * 3_600_000);
    return Promise.all([consumer.close(), workspace.close()]);
  });

  it('trigger runs spend their owner’s daily trigger runtime (projected); once spent, the trigger fails', async () => {
    const rt = fresh({ triggerRuntimeDailyMs: '2000' });
    try {
      const run = () =>
        rt.execute({
          fn: 'tick',
          kind: 'installableTrigger',
          user: 'owner@x.id',
          documentId: null,
          script:
            'function tick() { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 20; i++) p.setProperty("k", String(i)); return 1; }',
        });
      const first = await run();
      expect(first.ok).toBe(true);
      expect(first.projectedMs).toBeGreaterThan(1240); // 20 writes at 62 ms, plus start-up
      const second = await run();
      expect(second.ok).toBe(true);
      const third = await run();
      expect(third.ok).toBe(false);
      expect(third.error!.message).toBe('Service using too much computer time for one day.');
      // A sidebar call is not a trigger: it still runs.
      const rpc = await rt.execute({ fn: 'tick', kind: 'rpc', user: 'owner@x.id', script: 'function tick() { return 2; }' });
      expect(rpc.value).toBe(2);
    } finally {
      await rt.close();
    }
  });
});
