// Report 3, Koin In-Out: coins crossing between the brand and the other brands, per WIB day, with In − Out.
import { t } from '../core/text';
import { check, num, ReportTab, Section } from './model';
import type { ReportInput } from './input';

interface Answer {
  redeemed: Array<[string, number, number, number]> | null;
  issued: Array<[string, number]> | null;
  brandLotsRedeemed: Array<[string, number]> | null;
  excludedCoins: number;
}

/** The tab; each day A + C must equal the coins the brand issued that were redeemed (summed on their own). */
export function koinInOut(a: Answer, input: ReportInput): ReportTab {
  const title = t('loyalty.report.koinInOut');
  const day = new Map(input.dates.map((d) => [d, { a: 0, b: 0, c: 0, d: 0, own: 0 }]));
  for (const [d, A, B, C] of a.redeemed ?? []) Object.assign(day.get(d) ?? {}, { a: num(A), b: num(B), c: num(C) });
  for (const [d, D] of a.issued ?? []) Object.assign(day.get(d) ?? {}, { d: num(D) });
  for (const [d, own] of a.brandLotsRedeemed ?? []) Object.assign(day.get(d) ?? {}, { own: num(own) });
  for (const [d, v] of day) check(title, t('loyalty.check.inOut', { date: d }), v.a + v.c, v.own);
  const weekDays = input.dates.slice(-7);
  const sumOf = (days: string[], k: 'a' | 'b' | 'c' | 'd') => days.reduce((s, d) => s + day.get(d)![k], 0);
  const week = { a: sumOf(weekDays, 'a'), b: sumOf(weekDays, 'b'), c: sumOf(weekDays, 'c'), d: sumOf(weekDays, 'd') };
  const excluded = input.excluded.length ? input.excluded.join(', ') : t('loyalty.io.noneExcluded');
  const legend = [t('loyalty.io.a'), t('loyalty.io.b'), t('loyalty.io.c'), t('loyalty.io.d')].join(' · ');
  const headers = [t('loyalty.date'), 'A', 'B', 'C', 'D', t('loyalty.io.net')];
  const daily: Section = {
    title: t('loyalty.section.daily'),
    note: `${legend} · ${t('loyalty.io.excluded', { list: excluded, coins: num(a.excludedCoins) })}`,
    headers,
    kinds: ['text', 'int', 'int', 'int', 'int', 'int'],
    rows: input.dates.map((d) => {
      const v = day.get(d)!;
      return [d, v.a, v.b, v.c, v.d, v.b - v.a];
    }),
    chart: { type: 'line', title: t('loyalty.chart.io'), x: 0, series: [1, 2, 3, 4] },
  };
  const summary: Section = {
    title: t('loyalty.section.thisWeek', { week: input.weekId }),
    headers: ['A', 'B', 'C', 'D', t('loyalty.io.net')],
    kinds: ['int', 'int', 'int', 'int', 'int'],
    rows: [[week.a, week.b, week.c, week.d, week.b - week.a]],
  };
  return {
    key: 'koinInOut',
    title,
    headlines: [
      { label: t('loyalty.io.aShort'), value: week.a, kind: 'int' },
      { label: t('loyalty.io.bShort'), value: week.b, kind: 'int' },
      { label: t('loyalty.io.cShort'), value: week.c, kind: 'int' },
      { label: t('loyalty.io.dShort'), value: week.d, kind: 'int' },
      { label: t('loyalty.io.net'), value: week.b - week.a, kind: 'int' },
    ],
    sections: [summary, daily],
    totals: { ...week, net: week.b - week.a, excluded: num(a.excludedCoins) },
    empty: week.a + week.b + week.c + week.d === 0,
  };
}
