// The mentoring domain over plain data: slots in WIB and working hours, the sheets' layout in either language, the
// mentors sheet, order checks, Xendit's wire format, the event id derived from the order id.
import {
  hhmm,
  parseDateCell,
  parseTime,
  slotStart,
  wholeNumber,
  withinHours,
  wibWeekday,
} from '../../../src/server/mentoring/slot';
import {
  ordersLayout,
  parseDays,
  readMentors,
  inputHeader,
  trackHeader,
  mentorHeader,
  readOrders,
  trackCells,
} from '../../../src/server/mentoring/layout';
import { checkOrder, checkSettings } from '../../../src/server/mentoring/validate';
import { createRequest, parseInvoice, parseInvoiceList, isFailure } from '../../../src/server/mentoring/xendit';
import { eventIdOf } from '../../../src/server/mentoring/flow';
import { DEFAULT_SETTINGS, emptyTrack, Mentor } from '../../../src/server/mentoring/model';
import { thrownMessage } from '../../support/thrown';

const RINA: Mentor = {
  email: 'rina@x.id',
  name: 'Rina',
  calendarId: 'rina@x.id',
  price: 150000,
  days: [1, 2, 3, 4, 5],
  from: 9 * 60,
  to: 17 * 60,
};
const NOW = Date.parse('2026-11-30T09:00:00+07:00');

describe('slots in WIB', () => {
  it('reads dates, times and whole numbers as people write them', () => {
    expect(parseDateCell('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateCell('1/12/2026')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateCell(new Date('2026-12-01T00:00:00+07:00'))).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseDateCell('31/02/2026')).toBeNull();
    expect(parseDateCell('besok')).toBeNull();
    expect([parseTime('14:00'), parseTime('14.30'), parseTime('09:05:00'), parseTime('25:00'), parseTime('2pm')]).toEqual([
      840,
      870,
      545,
      null,
      null,
    ]);
    expect([wholeNumber('Rp 150.000'), wholeNumber('150,000'), wholeNumber(60), wholeNumber('1,5'), wholeNumber(1.5)]).toEqual([
      150000,
      150000,
      60,
      null,
      null,
    ]);
  });

  it('places a slot in WIB and checks it against the mentor days and hours', () => {
    const start = slotStart({ year: 2026, month: 12, day: 1 }, 10 * 60);
    expect(new Date(start).toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(wibWeekday(start)).toBe(2);
    expect(withinHours(RINA, start, start + 3600_000)).toBe(true);
    expect(withinHours(RINA, start + 6.5 * 3600_000, start + 7.5 * 3600_000)).toBe(false); // 16:30–17:30
    expect(withinHours(RINA, start + 4 * 86400_000, start + 4 * 86400_000 + 3600_000)).toBe(false); // Saturday
    expect(hhmm(545)).toBe('09:05');
  });
});

describe('the sheets in either language', () => {
  it('finds the orders columns by their headers in Bahasa Indonesia or English, and names the ones missing', () => {
    const id = ordersLayout(['Timestamp', ...inputHeader('id'), ...trackHeader('id')]);
    const en = ordersLayout([...trackHeader('en'), ...inputHeader('en')]);
    expect('input' in id && id.input.menteeEmail).toBe(2);
    expect('input' in en && en.input.menteeEmail).toBe(trackHeader('en').length + 1);
    const missing = ordersLayout(inputHeader('id'));
    expect('input' in missing).toBe(false);
    expect(!('input' in missing) && missing.id).toMatch(/^Sheet pesanan tidak punya kolom: ID pesanan; Status;/);
  });

  it('round-trips DataDesk columns through the texts it writes, in either language', () => {
    const header = [...inputHeader('id'), ...trackHeader('id')];
    const lay = ordersLayout(header);
    if (!('input' in lay)) throw new Error('layout');
    const t = {
      ...emptyTrack(),
      id: 'MS1',
      state: 'awaiting_mentor' as const,
      payment: 'paid' as const,
      decision: 'approved' as const,
      refund: true,
    };
    for (const lang of ['id', 'en'] as const) {
      const row = [...inputHeader('id').map(() => ''), ...trackCells(t, lang)];
      const [r] = readOrders([header, row], [header.map(String), row.map(String)], lay);
      expect([r.track.state, r.track.payment, r.track.decision, r.track.refund]).toEqual([
        'awaiting_mentor',
        'paid',
        'approved',
        true,
      ]);
    }
  });

  it('reads mentors and names the rows it cannot read', () => {
    expect(parseDays('Sen-Jum')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('Sab-Sen')).toEqual([1, 6, 7]);
    expect(parseDays('mon, wed')).toEqual([1, 3]);
    expect(parseDays('kapan saja')).toBeNull();
    const header = mentorHeader('id');
    const rows = [header, ['RINA@x.id', 'Rina', '', 150000, 'Sen-Jum', '09:00', '17:00'], ['bad', 'X', '', 0, 'Sen', '9', '8']];
    const got = readMentors(
      rows,
      rows.map((r) => r.map(String)),
    );
    expect(got.mentors).toEqual([{ ...RINA }]);
    expect(got.problems.map((p) => p.en)).toEqual([expect.stringMatching(/^Row 3 of the Mentors sheet cannot be read/)]);
  });
});

describe('order checks', () => {
  const input = {
    menteeName: 'Dewi',
    menteeEmail: 'Dewi@Example.com',
    mentor: 'rina',
    topic: 'SQL',
    date: '2026-12-01',
    time: '10:00',
    duration: '60',
    price: '',
  };
  it('accepts a good order at the mentor price (an empty price takes it) and lower-cases the e-mail', () => {
    expect(checkOrder(input, [RINA], NOW, DEFAULT_SETTINGS)).toEqual({
      menteeName: 'Dewi',
      menteeEmail: 'dewi@example.com',
      mentorEmail: 'rina@x.id',
      topic: 'SQL',
      start: Date.parse('2026-12-01T10:00:00+07:00'),
      end: Date.parse('2026-12-01T11:00:00+07:00'),
      price: 150000,
    });
  });
  it('refuses each bad field with its own message', () => {
    const bad = (p: Partial<typeof input>) => thrownMessage(() => checkOrder({ ...input, ...p }, [RINA], NOW, DEFAULT_SETTINGS));
    expect(bad({ menteeEmail: 'dewi@' })).toBe('Email mentee tidak valid: "dewi@".');
    expect(bad({ price: '149000' })).toBe('Harga "149000" berbeda dengan harga Rina: Rp\u00a0150.000.');
    expect(bad({ date: '2026-11-30', time: '10:00' })).toMatch(/sudah lewat atau kurang dari 2 jam lagi/);
    expect(bad({ time: '18:00' })).toMatch(/di luar jam kerja Rina \(09:00–17:00 WIB/);
    expect(bad({ duration: '10' })).toMatch(/^Durasi tidak valid/);
    expect(bad({ mentor: 'budi' })).toBe('Mentor "budi" tidak ada di sheet Mentor.');
  });
  it('checks the settings', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(thrownMessage(() => checkSettings({ ...DEFAULT_SETTINGS, popupReminderMin: 50000 }))).toBe(
      'Pengingat pop-up (menit sebelum): menit 0–40320 (0 = tanpa pengingat).',
    );
  });
});

describe("Xendit's wire format", () => {
  it('creates an invoice with the fields of the Invoice API', () => {
    const r = createRequest(
      'https://api.xendit.co',
      { Authorization: 'Basic a2V5Og==' },
      {
        externalId: 'MS1',
        amount: 150000,
        payerEmail: 'd@x.id',
        description: 'Sesi',
        durationSeconds: 86400,
      },
    );
    expect([r.url, r.method]).toEqual(['https://api.xendit.co/v2/invoices', 'post']);
    expect(JSON.parse(r.payload!)).toEqual({
      external_id: 'MS1',
      amount: 150000,
      payer_email: 'd@x.id',
      description: 'Sesi',
      invoice_duration: 86400,
      currency: 'IDR',
    });
  });
  it('reads invoices and Xendit errors', () => {
    const res = (code: number, body: unknown) => ({
      code,
      text: JSON.stringify(body),
      binary: null,
      base64: null,
      contentType: '',
    });
    expect(
      parseInvoice(res(200, { id: 'i1', external_id: 'MS1', status: 'PAID', amount: 5, paid_amount: 5, invoice_url: 'u' })),
    ).toMatchObject({
      id: 'i1',
      status: 'PAID',
      paidAmount: 5,
    });
    const err = parseInvoice(res(401, { error_code: 'INVALID_API_KEY', message: 'API key format is invalid' }));
    expect(isFailure(err) && err.code).toBe('INVALID_API_KEY');
    expect(parseInvoiceList(res(200, [{ id: 'a' }, { id: 'b' }]))).toHaveLength(2);
    expect(isFailure(parseInvoice({ code: 0, text: 'ECONNREFUSED', binary: null, base64: null, contentType: '' }))).toBe(true);
  });
  it('derives a Calendar event id (base32hex, at least 5 characters) from the order id', () => {
    expect(eventIdOf('MS0A1B2C3D4E')).toBe('ddmsms0a1b2c3d4e');
    expect(eventIdOf('MS0A1B2C3D4E')).toMatch(/^[0-9a-v]{5,1024}$/);
  });
});
