// Reports' pure parts: file naming, the trash matcher, webhook formats, settings, schedule, retention, state machine.
import { checkPattern, fileName, partName, reportFileMatcher, DEFAULT_PATTERN } from '../../../src/server/reports/naming';
import { msg, withLang } from '../../../src/server/core/text';
import { checkWebhookUrl, webhookRequest, alertText } from '../../../src/server/reports/webhook';
import { maskSecrets } from '../../../src/server/core/secrets';
import { DEFAULT_SETTINGS, dueMonth } from '../../../src/server/reports/settings';
import { checkMonth, validateSettings } from '../../../src/server/reports/validate';
import { applyRetention, retentionCutoff } from '../../../src/server/reports/runlog';
import { claim, newRun, release, transition, LEASE_MS, pendingBus } from '../../../src/server/reports/state';
import { monthRange, decodePage, REPORT_COLUMNS, countSql } from '../../../src/server/reports/model';

describe('file naming and the trash matcher', () => {
  it('names files from the default pattern', () => {
    expect(fileName(DEFAULT_PATTERN, 'FASHION', '2026-10')).toBe('DC_Orders_FASHION_2026-10.xlsx');
    expect(fileName('<YYYY>/<MM> <BU>.xlsx'.replace('/', '-'), 'HOME LIVING', '2026-01')).toBe('2026-01 HOME_LIVING.xlsx');
  });

  it("matches only this report's files of that BU, any month", () => {
    const m = reportFileMatcher(DEFAULT_PATTERN, 'FASHION');
    expect(m('DC_Orders_FASHION_2026-09.xlsx')).toBe(true);
    expect(m('DC_Orders_FASHION_2026-10.xlsx')).toBe(true);
    expect(m(partName('DC_Orders_FASHION_2026-10.xlsx', 2))).toBe(true); // a numbered part
    expect(partName('DC_Orders_FASHION_2026-10.xlsx', 2)).toBe('DC_Orders_FASHION_2026-10_bagian_02.xlsx');
    for (const other of [
      'Copy of DC_Orders_FASHION_2026-09_bagian_01.xlsx',
      'DC_Orders_FASHION_2026-09_bagian_x.xlsx',
      'DC_Orders_FASHION_2026-09_bagian_01.csv',
      'DC_Orders_SPORTS_2026-09_bagian_01.xlsx',
      'DC_Orders_FASHION_2026-13.xlsx',
      'DC_Orders_FASHION_2026-09 (1).xlsx',
      'Copy of DC_Orders_FASHION_2026-09.xlsx',
      'DC_Orders_FASHION_2026-09.xlsx.bak',
      'DC_Orders_SPORTS_2026-09.xlsx',
      'DC_Orders_FASHIONX_2026-09.xlsx',
      'catatan audit.docx',
      'DC_Orders_FASHION_2026-09.csv',
      'DC.Orders_FASHION_2026-09.xlsx',
    ])
      expect([other, m(other)]).toEqual([other, false]);
  });

  it('rejects patterns that would not be unique per BU and month', () => {
    expect(checkPattern(' Laporan_<BU>_<YYYY>-<MM>.xlsx ')).toBe('Laporan_<BU>_<YYYY>-<MM>.xlsx');
    for (const bad of ['DC_<YYYY-MM>.xlsx', 'DC_<BU>.xlsx', 'DC_<BU>_<YYYY-MM>.csv', 'a/b_<BU>_<YYYY-MM>.xlsx']) {
      expect(() => checkPattern(bad)).toThrow(/Pola nama file tidak valid/);
    }
  });
});

describe('webhooks', () => {
  const chat = 'https://chat.googleapis.com/v1/spaces/AAAAx1/messages?key=k123&token=t456';
  const tg = 'https://api.telegram.org/bot123456:ABC-def_1/sendMessage?chat_id=-100200';
  const dc = 'https://discord.com/api/webhooks/123456/abcDEF_-9';

  it("accepts each format's real URL shape and the loopback stand-in", () => {
    expect(checkWebhookUrl('google_chat', chat)).toBe(chat);
    expect(checkWebhookUrl('telegram', tg)).toBe(tg);
    expect(checkWebhookUrl('discord', dc)).toBe(dc);
    expect(checkWebhookUrl('discord', 'http://127.0.0.1:8123/api/webhooks/1/x')).toBeTruthy();
  });

  it('rejects malformed URLs with the expected shape in the message', () => {
    expect(() => checkWebhookUrl('google_chat', 'https://chat.googleapis.com/v1/spaces/A/messages')).toThrow(
      /Malformed|tidak valid/,
    );
    expect(() => checkWebhookUrl('telegram', dc)).toThrow(/api\.telegram\.org/);
    expect(() => checkWebhookUrl('discord', 'https://evil.example/api/webhooks/1/x')).toThrow(/tidak valid/);
    expect(() => checkWebhookUrl('discord', 'not a url')).toThrow(/tidak valid/);
    expect(() => checkWebhookUrl('google_chat', 'http://10.0.0.1/v1/spaces/A/messages?key=a&token=b')).toThrow(/tidak valid/);
  });

  it("builds each format's body", () => {
    expect(JSON.parse(webhookRequest('google_chat', chat, 'hai').payload)).toEqual({ text: 'hai' });
    const t = webhookRequest('telegram', tg, 'hai');
    expect(t.url).toBe('https://api.telegram.org/bot123456:ABC-def_1/sendMessage');
    expect(JSON.parse(t.payload)).toMatchObject({ chat_id: -100200, text: 'hai' });
    const d = JSON.parse(webhookRequest('discord', dc, 'x'.repeat(3000)).payload);
    expect(d.content.length).toBe(2000);
  });

  it('masks secrets and writes the error text into a failure alert', () => {
    expect(maskSecrets(chat)).not.toMatch(/k123|t456/);
    expect(maskSecrets(tg)).not.toMatch(/ABC-def/);
    expect(maskSecrets(dc)).not.toMatch(/abcDEF/);
    const error = msg('reports.error.unexpected', { detail: 'Access denied: DriveApp.' });
    expect(alertText({ ok: false, month: '2026-10', runId: 'r1', error })).toMatch(
      /Oktober 2026 GAGAL[\s\S]*Kesalahan tak terduga: Access denied: DriveApp\.[\s\S]*Ekstensi ▸ DataDesk ▸ Laporan: Jalankan untuk bulan…/,
    );
    expect(withLang('en', () => alertText({ ok: false, month: '2026-10', runId: 'r1', error }))).toMatch(
      /October 2026 FAILED[\s\S]*Unexpected error: Access denied: DriveApp\./,
    );
  });
});

describe('settings and schedule', () => {
  const good = { ...DEFAULT_SETTINGS, folders: [{ bu: 'FASHION', folderId: '1abcDEF' }] };
  it('validates and names the bad field', () => {
    expect(validateSettings(good).folders).toHaveLength(1);
    expect(() => validateSettings({ ...good, folders: [] })).toThrow(/minimal satu/);
    expect(() => validateSettings({ ...good, folders: [...good.folders, { bu: 'FASHION', folderId: '1x2y3z' }] })).toThrow(
      /dua kali/,
    );
    expect(() => validateSettings({ ...good, schema: 'dc; drop table x' })).toThrow(/skema/);
    expect(() => validateSettings({ ...good, scheduleDay: 31 })).toThrow(/1–28/);
  });

  it('is due from the 2nd (at the hour) for the previous month, across the year end', () => {
    expect(dueMonth(DEFAULT_SETTINGS, { year: 2026, month: 11, day: 1, hour: 23 })).toBeNull();
    expect(dueMonth(DEFAULT_SETTINGS, { year: 2026, month: 11, day: 2, hour: 0 })).toBeNull();
    expect(dueMonth(DEFAULT_SETTINGS, { year: 2026, month: 11, day: 2, hour: 1 })).toBe('2026-10');
    expect(dueMonth(DEFAULT_SETTINGS, { year: 2027, month: 1, day: 5, hour: 0 })).toBe('2026-12');
    expect(dueMonth({ ...DEFAULT_SETTINGS, scheduleEnabled: false }, { year: 2027, month: 1, day: 5, hour: 9 })).toBeNull();
  });

  it('refuses a month that has not ended (WIB) and accepts the one just over', () => {
    const now = Date.parse('2026-11-01T00:30:00+07:00');
    expect(checkMonth('2026-10', now)).toBe('2026-10');
    expect(() => checkMonth('2026-11', now)).toThrow(/belum berakhir/);
    expect(() => checkMonth('2027-01', now)).toThrow(/masa depan/);
    expect(() => checkMonth('2026-13', now)).toThrow(/tidak valid/);
  });

  it('month boundaries are WIB midnights', () => {
    expect(monthRange('2026-12')).toEqual({ start: '2026-11-30T17:00:00.000Z', end: '2026-12-31T17:00:00.000Z' });
    expect(countSql('dc')).toContain('"dc".orders');
  });
});

describe('run log retention', () => {
  it('drops rows older than 3 months and keeps the rest', () => {
    const now = Date.parse('2026-11-02T01:00:00Z');
    expect(new Date(retentionCutoff(now)).toISOString()).toBe('2026-08-02T01:00:00.000Z');
    expect(new Date(retentionCutoff(Date.parse('2026-05-31T00:00:00Z'))).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    const row = (iso: string) => ['r', 'm', 'b', 1, 1, 's', 'l', 'OK', 1, new Date(iso), new Date(iso), 0];
    const kept = applyRetention([row('2026-08-01T00:00:00Z'), row('2026-08-03T00:00:00Z'), row('2026-11-02T00:00:00Z')], now);
    expect(kept.map((r) => (r[9] as Date).toISOString().slice(0, 10))).toEqual(['2026-08-03', '2026-11-02']);
  });
});

describe('run state machine', () => {
  const plan = [
    { bu: 'A', folderId: 'f', name: 'n', rows: 1, amount: 1 },
    { bu: 'B', folderId: 'g', name: 'm', rows: 2, amount: 2 },
  ];
  const s0 = newRun({ runId: 'r', month: '2026-10', trigger: 'manual', user: 'u', now: 0, stagingFolderId: 's', plan });

  it('allows build → publish → done and build → failed only', () => {
    const p = transition(s0, 'publish', 1);
    expect(transition(p, 'done', 2)).toMatchObject({ phase: 'done', endedAt: 2 });
    expect(() => transition(s0, 'done', 1)).toThrow(/cannot go from build to done/);
    expect(() => transition(transition(s0, 'failed', 1), 'publish', 2)).toThrow();
  });

  it("gives the run to one execution at a time; a dead execution's lease expires", () => {
    const a = claim(s0, 'exec-a', 1000)!;
    expect(a.leaseOwner).toBe('exec-a');
    expect(claim(a, 'exec-b', 2000)).toBeNull();
    expect(claim(a, 'exec-b', 1000 + LEASE_MS + 1)).toMatchObject({ leaseOwner: 'exec-b', executions: 2 });
    expect(claim(release(a), 'exec-b', 2000)).toMatchObject({ leaseOwner: 'exec-b' });
    expect(claim(transition(s0, 'failed', 1), 'x', 0)).toBeNull();
  });

  it('lists BUs not yet built', () => {
    const s = {
      ...s0,
      staged: [{ bu: 'A', fileId: 'x', name: 'n', rows: 1, amount: 1, bytes: 1, sha256: '', attempts: 1, start: 0, end: 0 }],
    };
    expect(pendingBus(s).map((p) => p.bu)).toEqual(['B']);
  });
});

describe('page decoding', () => {
  it('types text as text and numbers as numbers', () => {
    const row = REPORT_COLUMNS.map((c, i) => (c.type === 'text' ? 7 : c.type === 'datetime' ? null : String(i)));
    const [out] = decodePage(JSON.parse(JSON.stringify([row])));
    expect(out[0]).toBe('7');
    expect(out[1]).toBe(1);
    expect(() => decodePage([[1, 2]])).toThrow(/wrong shape/);
    expect(() => decodePage({ rows: [] })).toThrow(/wrong shape/);
  });
});
