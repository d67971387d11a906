// Report 2, Member's Choice: the campaign's special-price SKUs per week (sales, receipts, quantity, members), ranked.
import { AppError } from '../core/errors';
import { msg, t } from '../core/text';
import { change, check, num, ReportTab, Section } from './model';
import type { ReportInput } from './input';

type Campaign = [string, string, string, string, number];
interface Answer {
  campaigns: Campaign[] | null;
  skus: Array<[string, string, string, number]> | null;
  rows: Array<[string, string, number, number, number, number, number]> | null;
  totals: Array<[string, number, number, number]> | null;
}
interface Figures {
  sales: number;
  trx: number;
  qty: number;
  members: number;
}
const ZERO: Figures = { sales: 0, trx: 0, qty: 0, members: 0 };

/** The tab; a campaign without its SKU list stops the report; SKUs must add up to each campaign-week's total. */
export function membersChoice(a: Answer, input: ReportInput): ReportTab {
  const title = t('loyalty.report.membersChoice');
  const campaigns = a.campaigns ?? [];
  const bare = campaigns.find((c) => num(c[4]) === 0);
  if (bare) throw new AppError('NO_SKU_LIST', msg('loyalty.error.noSkuList', { campaign: bare[1], brand: input.brand }));
  const last = input.weeks.length - 1;
  const cell = new Map<string, Figures>();
  const key = (c: string, sku: string, wk: number) => `${c}\u0000${sku}\u0000${wk}`;
  for (const [c, sku, wk, sales, trx, qty, members] of a.rows ?? [])
    cell.set(key(c, sku, wk), { sales: num(sales), trx: num(trx), qty: num(qty), members: num(members) });
  const weekSum = new Map<string, { sales: number; qty: number }>();
  for (const [c, sku, wk] of a.rows ?? []) {
    const f = cell.get(key(c, sku, wk))!;
    const s = weekSum.get(`${c}/${wk}`) ?? { sales: 0, qty: 0 };
    weekSum.set(`${c}/${wk}`, { sales: s.sales + f.sales, qty: s.qty + f.qty });
  }
  for (const [c, wk, sales, qty] of a.totals ?? []) {
    const s = weekSum.get(`${c}/${wk}`) ?? { sales: 0, qty: 0 };
    check(title, t('loyalty.check.skusAddUp', { campaign: c, week: input.weekIds[wk] }), s.sales, num(sales));
    check(title, t('loyalty.check.skusQtyAddUp', { campaign: c, week: input.weekIds[wk] }), s.qty, num(qty));
  }
  const skus = (a.skus ?? []).map(([c, sku, name, price]) => {
    const now = cell.get(key(c, sku, last)) ?? ZERO;
    const before = cell.get(key(c, sku, last - 1)) ?? ZERO;
    return { c, sku, name, price: num(price), now, before };
  });
  skus.sort((x, y) => y.now.sales - x.now.sales || y.now.qty - x.now.qty || x.sku.localeCompare(y.sku));
  const campaignName = new Map(campaigns.map((c) => [c[0], c[1]]));
  const ranked: Section = {
    title: t('loyalty.section.thisWeek', { week: input.weekId }),
    note: campaigns.map((c) => t('loyalty.mc.period', { name: c[1], starts: c[2], ends: c[3] })).join(' · ') || undefined,
    headers: [
      t('loyalty.mc.rank'),
      t('loyalty.mc.campaign'),
      t('loyalty.sku'),
      t('loyalty.product'),
      t('loyalty.mc.price'),
      t('loyalty.mc.sales'),
      t('loyalty.mc.trx'),
      t('loyalty.mc.qty'),
      t('loyalty.mc.members'),
      t('loyalty.mc.salesBefore'),
      t('loyalty.wow'),
    ],
    kinds: ['int', 'text', 'text', 'text', 'rp', 'rp', 'int', 'int', 'int', 'rp', 'pct'],
    rows: skus.map((s, i) => [
      i + 1,
      campaignName.get(s.c) ?? s.c,
      s.sku,
      s.name,
      s.price,
      s.now.sales,
      s.now.trx,
      s.now.qty,
      s.now.members,
      s.before.sales,
      change(s.now.sales, s.before.sales),
    ]),
  };
  const perWeek = input.weeks.map((_, wk) =>
    [...weekSum.entries()]
      .filter(([k]) => k.endsWith(`/${wk}`))
      .reduce((acc, [, v]) => ({ sales: acc.sales + v.sales, qty: acc.qty + v.qty }), { sales: 0, qty: 0 }),
  );
  const trend: Section = {
    title: t('loyalty.section.trend'),
    headers: [t('loyalty.week'), t('loyalty.mc.sales'), t('loyalty.mc.qty'), t('loyalty.wow')],
    kinds: ['text', 'rp', 'int', 'pct'],
    rows: perWeek.map((w, i) => [input.weekIds[i], w.sales, w.qty, i ? change(w.sales, perWeek[i - 1].sales) : null]),
    chart: { type: 'column', title: t('loyalty.chart.mc'), x: 0, series: [1] },
  };
  const week = perWeek[last];
  const best = skus[0];
  return {
    key: 'membersChoice',
    title,
    headlines: [
      { label: t('loyalty.mc.skus'), value: skus.length, kind: 'int' },
      { label: t('loyalty.mc.sales'), value: week.sales, kind: 'rp' },
      { label: t('loyalty.mc.qty'), value: week.qty, kind: 'int' },
      { label: t('loyalty.mc.top'), value: best && best.now.sales > 0 ? `${best.sku} ${best.name}` : null, kind: 'text' },
    ],
    sections: campaigns.length ? [ranked, trend] : [{ ...ranked, note: t('loyalty.mc.none', { brand: input.brand }) }],
    totals: { campaigns: campaigns.length, skus: skus.length, sales: week.sales, qty: week.qty },
    empty: week.qty === 0,
  };
}
