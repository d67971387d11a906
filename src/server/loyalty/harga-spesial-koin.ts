// Report 5, Harga Spesial Koin: products bought wholly with coins at their special coin price (1 koin = Rp 1).
import { t } from '../core/text';
import { change, check, num, ReportTab, Section } from './model';
import type { ReportInput } from './input';

interface Answer {
  offered: Array<[number, number]> | null;
  offers: Array<[string, string, number, string, string]> | null;
  rows: Array<[number, string, number, number, number]> | null;
  weeks: Array<[number, number, number]> | null;
}

/** The tab; the SKUs' coins must add up to each week's coins used. */
export function hargaSpesialKoin(a: Answer, input: ReportInput): ReportTab {
  const title = t('loyalty.report.hargaSpesialKoin');
  const last = input.weeks.length - 1;
  const weeks = input.weeks.map(() => ({ offered: 0, coins: 0, members: 0, skuCoins: 0 }));
  for (const [wk, n] of a.offered ?? []) weeks[wk].offered = num(n);
  for (const [wk, coins, members] of a.weeks ?? []) Object.assign(weeks[wk], { coins: num(coins), members: num(members) });
  for (const [wk, , coins] of a.rows ?? []) weeks[wk].skuCoins += num(coins);
  weeks.forEach((w, i) => check(title, t('loyalty.check.hskAddUp', { week: input.weekIds[i] }), w.skuCoins, w.coins));
  const offerOf = new Map((a.offers ?? []).map(([sku, name, price]) => [sku, { name, price: num(price) }]));
  const skus = (a.rows ?? [])
    .filter((r) => r[0] === last)
    .map(([, sku, coins, qty, members]) => ({ sku, coins: num(coins), qty: num(qty), members: num(members) }))
    .sort((x, y) => y.qty - x.qty || y.coins - x.coins || x.sku.localeCompare(y.sku));
  const best = skus[0];
  const week = weeks[last];
  const bySku: Section = {
    title: t('loyalty.section.thisWeek', { week: input.weekId }),
    note: t('loyalty.hsk.rule'),
    headers: [
      t('loyalty.sku'),
      t('loyalty.product'),
      t('loyalty.hsk.price'),
      t('loyalty.hsk.coins'),
      t('loyalty.hsk.qty'),
      t('loyalty.hsk.members'),
    ],
    kinds: ['text', 'text', 'int', 'int', 'int', 'int'],
    rows: skus.map((s) => [
      s.sku,
      offerOf.get(s.sku)?.name ?? s.sku,
      offerOf.get(s.sku)?.price ?? null,
      s.coins,
      s.qty,
      s.members,
    ]),
  };
  const trend: Section = {
    title: t('loyalty.section.trend'),
    headers: [t('loyalty.week'), t('loyalty.hsk.offered'), t('loyalty.hsk.coins'), t('loyalty.hsk.members'), t('loyalty.wow')],
    kinds: ['text', 'int', 'int', 'int', 'pct'],
    rows: weeks.map((w, i) => [input.weekIds[i], w.offered, w.coins, w.members, i ? change(w.coins, weeks[i - 1].coins) : null]),
    chart: { type: 'column', title: t('loyalty.chart.hsk'), x: 0, series: [2] },
  };
  const wow = change(week.coins, last ? weeks[last - 1].coins : 0);
  return {
    key: 'hargaSpesialKoin',
    title,
    headlines: [
      { label: t('loyalty.hsk.offered'), value: week.offered, kind: 'int' },
      { label: t('loyalty.hsk.coins'), value: week.coins, kind: 'int' },
      { label: t('loyalty.hsk.members'), value: week.members, kind: 'int' },
      {
        label: t('loyalty.hsk.best'),
        value: best ? `${best.sku} ${offerOf.get(best.sku)?.name ?? ''}`.trim() : null,
        kind: 'text',
      },
      { label: t('loyalty.wow'), value: wow, kind: 'pct' },
    ],
    sections: [bySku, trend],
    totals: { offered: week.offered, coins: week.coins, members: week.members },
    empty: week.coins === 0,
  };
}
