// ISO weeks in WIB, the schedule's due week, validation of requests, and a reconciliation that stops a report.
import { AppError } from '../../../src/server/core/errors';
import { setLang } from '../../../src/server/core/text';
import { reportInput } from '../../../src/server/loyalty/input';
import { payWithKoin } from '../../../src/server/loyalty/pay-with-koin';
import { dueWeek, nextDue, WeeklySchedule } from '../../../src/server/loyalty/schedule';
import { validRequest } from '../../../src/server/loyalty/validate';
import {
  isFuture,
  lastFullWeek,
  parseWeek,
  shiftWeek,
  weekDates,
  weekId,
  weekOf,
  weekStart,
} from '../../../src/server/loyalty/week';
import { thrown } from '../../support/thrown';

beforeAll(() => setLang('en'));

describe('weeks (Monday–Sunday, WIB)', () => {
  test('a week starts Monday 00:00 WIB (Sunday 17:00 UTC)', () => {
    expect(weekStart({ year: 2026, week: 47 }).toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(weekDates({ year: 2026, week: 47 })).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });
  test('Sunday 23:30 WIB is still that week; Monday 00:30 WIB is the next', () => {
    expect(weekId(weekOf(new Date('2026-11-22T16:30:00Z')))).toBe('2026-W47');
    expect(weekId(weekOf(new Date('2026-11-22T17:30:00Z')))).toBe('2026-W48');
  });
  test('ISO years: 2026-12-31 is 2026-W53, 2027-01-04 is 2027-W01, 2025-12-29 is 2026-W01', () => {
    expect(weekId(weekOf(new Date('2026-12-31T05:00:00Z')))).toBe('2026-W53');
    expect(weekId(weekOf(new Date('2027-01-04T05:00:00Z')))).toBe('2027-W01');
    expect(weekId(weekOf(new Date('2025-12-29T05:00:00Z')))).toBe('2026-W01');
    expect(weekId(shiftWeek({ year: 2027, week: 1 }, -1))).toBe('2026-W53');
  });
  test('parsing refuses weeks a year does not have', () => {
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2026-W00')).toBeNull();
    expect(parseWeek('26-W1')).toBeNull();
  });
  test('the last full week and the future', () => {
    const mondayMorning = new Date('2026-11-23T00:30:00Z'); // Monday 07:30 WIB
    expect(weekId(lastFullWeek(mondayMorning))).toBe('2026-W47');
    expect(isFuture({ year: 2026, week: 48 }, mondayMorning)).toBe(true);
    expect(isFuture({ year: 2026, week: 47 }, mondayMorning)).toBe(false);
  });
});

describe('the weekly schedule', () => {
  const s: WeeklySchedule = {
    request: { brand: 'AZKO', reports: ['payWithKoin'], folderId: 'folder-123456', excluded: [], allowEmpty: false },
    weekday: 1,
    hour: 7,
    owner: 'analis@datadesk.local',
    savedAt: '2026-11-01T00:00:00Z',
    lastWeek: '2026-W46',
    lastRunAt: null,
    lastOutcome: null,
  };
  test('due from Monday 07:00 WIB for the week just ended, once', () => {
    expect(dueWeek(s, new Date('2026-11-22T23:59:00Z'))).toBeNull(); // Monday 06:59 WIB
    expect(weekId(dueWeek(s, new Date('2026-11-23T00:00:00Z'))!)).toBe('2026-W47');
    expect(weekId(dueWeek(s, new Date('2026-11-25T00:00:00Z'))!)).toBe('2026-W47'); // missed hours catch up
    expect(dueWeek({ ...s, lastWeek: '2026-W47' }, new Date('2026-11-25T00:00:00Z'))).toBeNull();
    expect(nextDue({ ...s, lastWeek: '2026-W47' }, new Date('2026-11-25T00:00:00Z')).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
  });
});

describe('request validation', () => {
  const now = new Date('2026-11-24T03:00:00Z');
  const ok = {
    brand: 'azko',
    week: '',
    reports: ['koinInOut', 'payWithKoin'],
    folderId: 'abcdefghij12',
    excluded: [' ODI ', 'ODI'],
    allowEmpty: false,
  } as never;
  test('canonical brand, the last full week by default, reports in their order, exclusions trimmed once', () => {
    expect(validRequest(ok, ['AZKO', 'ODI'], now)).toEqual({
      brand: 'AZKO',
      week: '2026-W47',
      reports: ['payWithKoin', 'koinInOut'],
      folderId: 'abcdefghij12',
      excluded: ['ODI'],
      allowEmpty: false,
    });
  });
  test('unknown brand, a future week, no reports, a bad folder id: clear errors', () => {
    expect((thrown(() => validRequest({ ...(ok as object), brand: 'ACE' } as never, ['AZKO'], now)) as AppError).code).toBe(
      'NOT_FOUND',
    );
    const e = thrown(() =>
      validRequest({ ...(ok as object), week: '2026-W48', reports: [], folderId: 'x' } as never, ['AZKO'], now),
    ) as AppError;
    expect(e.code).toBe('INVALID');
    expect(e.messageEn).toContain('Week 2026-W48 is not over yet');
    expect(e.messageEn).toContain('Choose at least one report');
    expect(e.messageEn).toContain('Invalid Drive folder id');
  });
});

test('a reconciliation that fails stops the report with the numbers that disagree', () => {
  const input = reportInput('AZKO', { year: 2026, week: 47 }, []);
  const answer = {
    rows: [
      [7, null, 2, 3, 1000, 100],
      [7, 'Silver', 1, 2, 900, 100],
    ],
    brandSales: [],
  };
  const e = thrown(() => payWithKoin(answer as never, input)) as AppError;
  expect(e.code).toBe('CHECK_FAILED');
  expect(e.messageEn).toMatch(/Unique members per tier = total, week 2026-W47.*\(1 ≠ 2\)/);
});
