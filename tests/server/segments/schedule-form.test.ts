// Saved-request schedules (weekly/monthly in WIB) and form-responses rows turned into requests.
import { dueRequests, nextRun, SavedRequest, scheduleProblems } from '../../../src/server/segments/schedule';
import { requestFromFormRow } from '../../../src/server/segments/form';
import { checkRequest } from '../../../src/server/segments/validate';
import { REFERENCE, wabaRequest } from './fixture';

describe('schedules', () => {
  const weekly = { every: 'WEEKLY' as const, weekday: 1, monthDay: 1, hour: 7 };
  it('weekly: the next Monday 07:00 WIB strictly after now', () => {
    expect(nextRun(weekly, new Date('2026-11-23T03:00:00Z'))!.toISOString()).toBe('2026-11-30T00:00:00.000Z'); // Mon 10:00 WIB
    expect(nextRun(weekly, new Date('2026-11-22T23:59:00Z'))!.toISOString()).toBe('2026-11-23T00:00:00.000Z'); // Mon 06:59 WIB
  });
  it('monthly: day 2 at 07:00 WIB, rolling into the next month and year', () => {
    const m = { ...weekly, every: 'MONTHLY' as const, monthDay: 2 };
    expect(nextRun(m, new Date('2026-12-05T03:00:00Z'))!.toISOString()).toBe('2027-01-02T00:00:00.000Z');
    expect(nextRun(m, new Date('2026-12-01T03:00:00Z'))!.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(nextRun({ ...weekly, every: 'NONE' }, new Date())).toBeNull();
  });
  it('rejects bad schedules', () => {
    expect(scheduleProblems({ ...weekly, hour: 24 })[0].en).toBe('The hour must be 0–23.');
    expect(scheduleProblems({ ...weekly, every: 'MONTHLY', monthDay: 31 })[0].en).toBe('The day of the month must be 1–28.');
  });
  it('due requests, oldest first; unscheduled never', () => {
    const s = (name: string, every: 'NONE' | 'WEEKLY', next: string | null): SavedRequest => ({
      request: { ...wabaRequest(), name },
      schedule: { ...weekly, every },
      owner: 'a@x',
      savedAt: '',
      nextRunAt: next,
      lastRunAt: null,
      lastOutcome: null,
    });
    const now = new Date('2026-11-30T01:00:00Z');
    const due = dueRequests(
      [
        s('b', 'WEEKLY', '2026-11-30T00:00:00Z'),
        s('a', 'WEEKLY', '2026-11-23T00:00:00Z'),
        s('c', 'WEEKLY', '2026-12-07T00:00:00Z'),
        s('d', 'NONE', '2026-11-01T00:00:00Z'),
      ],
      now,
    );
    expect(due.map((x) => x.request.name)).toEqual(['a', 'b']);
  });
});

describe('form-responses row → request', () => {
  it('reads the WABA request from a form row (Indonesian headers)', () => {
    const header = [
      'Stempel waktu',
      'Alamat email',
      'Nama segmen',
      'Nama kampanye',
      'Brand',
      'Kanal',
      'Periode transaksi',
      'Kota domisili',
      'Registrasi penuh?',
      'Nomor WA valid?',
      'Batas jumlah',
      'Prioritas',
      'Folder tujuan',
      'Catatan',
    ];
    const row = [
      new Date('2025-09-01T02:00:00Z'),
      'tim@ruparupa.com',
      'WABA Opening NEKA',
      'Opening NEKA',
      'AZKO',
      'WABA',
      '12 bulan terakhir',
      'Serang, Bogor',
      'Ya',
      'Ya',
      '10.000',
      'Non-opener dulu',
      'folder123',
      'tolong cepat',
    ];
    const { request, ignored } = requestFromFormRow(header, row);
    expect(ignored).toEqual(['Catatan']);
    expect(request).toMatchObject({
      name: 'WABA Opening NEKA',
      campaign: 'Opening NEKA',
      brands: ['AZKO'],
      channel: 'WABA',
      cap: 10000,
      priority: 'NON_OPENERS_FIRST',
      period: { kind: 'LAST_MONTHS', months: 12 },
      criteria: { cities: ['Serang', 'Bogor'], fullRegistration: true, whatsappReachable: true },
      delivery: { folderId: 'folder123', format: 'CSV' },
    });
    expect(checkRequest(request, REFERENCE).problems).toEqual([]);
  });
  it('English headers, a custom range, genders, child ages; bad values surface in validation', () => {
    const { request } = requestFromFormRow(
      ['Segment name', 'Campaign', 'Brand', 'Channel', 'Period', 'Gender', 'Child age', 'Cap', 'Folder', 'Format'],
      [
        'Winback',
        'Winback ATARU',
        'ATARU, Toys Kingdon',
        'Email Blast',
        '2026-01-01 to 2026-03-31',
        'Male, blank',
        '10-3',
        '0',
        'f1',
        'Excel',
      ],
    );
    expect(request).toMatchObject({
      channel: 'EMAIL_BLAST',
      period: { kind: 'RANGE', from: '2026-01-01', to: '2026-03-31' },
      criteria: { genders: ['M', 'BLANK'], childAge: { min: 10, max: 3 } },
      delivery: { format: 'XLSX' },
    });
    const problems = checkRequest(request, REFERENCE).problems.map((p) => p.en);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Brand not recognised: "Toys Kingdon". Did you mean: TOYS KINGDOM?',
        'The cap must not be 0; leave it empty for no cap.',
      ]),
    );
    expect(problems.some((p) => /Child age 10 to 3/.test(p))).toBe(true);
  });
});
