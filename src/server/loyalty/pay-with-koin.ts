// Report 1, Pay with Koin: receipts paid partly or wholly with coins, by tier and in total, with the weekly trend.
import { t } from '../core/text';
import { check, Headline, num, PAY_WITH_KOIN, ratio, ReportTab, Section, TIERS } from './model';
import type { ReportInput } from './input';

interface Answer {
  rows: Array<[number, string | null, number, number, number, number]> | null;
  brandSales: Array<[number, number]> | null;
}
interface Figures {
  members: number;
  trx: number;
  sales: number;
  coins: number;
}
const ZERO: Figures = { members: 0, trx: 0, sales: 0, coins: 0 };

/** The tab from the query's answer; every week's tiers must add up to its total. */
export function payWithKoin(a: Answer, input: ReportInput): ReportTab {
  const title = PAY_WITH_KOIN;
  const last = input.weeks.length - 1;
  const byWeek = input.weeks.map(() => ({ total: { ...ZERO }, tiers: new Map<string, Figures>() }));
  for (const [wk, tier, members, trx, sales, coins] of a.rows ?? []) {
    const f = { members: num(members), trx: num(trx), sales: num(sales), coins: num(coins) };
    if (tier === null) byWeek[wk].total = f;
    else byWeek[wk].tiers.set(tier, f);
  }
  const brandSales = input.weeks.map(() => 0);
  for (const [wk, s] of a.brandSales ?? []) brandSales[wk] = num(s);
  byWeek.forEach((w, i) => {
    const tiers = [...w.tiers.values()];
    for (const k of ['members', 'trx', 'sales', 'coins'] as const) {
      check(
        title,
        t('loyalty.check.tiersAddUp', { week: input.weekIds[i], measure: t(`loyalty.pwk.${k}`) }),
        sum(tiers, k),
        w.total[k],
      );
    }
  });
  const row = (label: string, f: Figures, base: number) => [
    label,
    f.members,
    f.trx,
    f.sales,
    f.coins,
    ratio(f.sales, f.coins),
    ratio(f.coins, f.trx),
    ratio(f.sales, base),
  ];
  const week = byWeek[last];
  const extraTiers = [...week.tiers.keys()].filter((k) => !(TIERS as readonly string[]).includes(k));
  const headers = [
    t('loyalty.pwk.tier'),
    t('loyalty.pwk.members'),
    t('loyalty.pwk.trx'),
    t('loyalty.pwk.sales'),
    t('loyalty.pwk.coins'),
    t('loyalty.pwk.multiplier'),
    t('loyalty.pwk.avgCoins'),
    t('loyalty.pwk.share'),
  ];
  const tierSection: Section = {
    title: t('loyalty.section.thisWeek', { week: input.weekId }),
    headers,
    kinds: ['text', 'int', 'int', 'rp', 'int', 'dec', 'dec', 'pct'],
    rows: [
      ...[...TIERS, ...extraTiers].map((k) => row(k, week.tiers.get(k) ?? ZERO, brandSales[last])),
      row(t('loyalty.total'), week.total, brandSales[last]),
    ],
  };
  const trend: Section = {
    title: t('loyalty.section.trend'),
    headers: [t('loyalty.week'), ...headers.slice(1), t('loyalty.pwk.brandSales')],
    kinds: ['text', 'int', 'int', 'rp', 'int', 'dec', 'dec', 'pct', 'rp'],
    rows: byWeek.map((w, i) => [...row(input.weekIds[i], w.total, brandSales[i]), brandSales[i]]),
    chart: { type: 'column', title: t('loyalty.chart.pwk'), x: 0, series: [4] },
  };
  const headlines: Headline[] = [
    { label: t('loyalty.pwk.members'), value: week.total.members, kind: 'int' },
    { label: t('loyalty.pwk.trx'), value: week.total.trx, kind: 'int' },
    { label: t('loyalty.pwk.sales'), value: week.total.sales, kind: 'rp' },
    { label: t('loyalty.pwk.coins'), value: week.total.coins, kind: 'int' },
    { label: t('loyalty.pwk.share'), value: ratio(week.total.sales, brandSales[last]), kind: 'pct' },
  ];
  return {
    key: 'payWithKoin',
    title,
    headlines,
    sections: [tierSection, trend],
    totals: { ...week.total, brandSales: brandSales[last] },
    empty: week.total.trx === 0,
  };
}

function sum(fs: Figures[], k: keyof Figures): number {
  return fs.reduce((a, f) => a + f[k], 0);
}
