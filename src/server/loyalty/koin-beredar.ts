// Report 4, Koin Beredar: the brand's coins outstanding (issued, not redeemed or expired) by tier and area manager.
import { t } from '../core/text';
import { check, num, ReportTab, Section, TIERS } from './model';
import type { ReportInput } from './input';

type Row = [string, string, number, number, number, number];
interface Answer {
  rows: Row[] | null;
  outstanding: number;
  unrecordedWeeks: number;
  overUsedLots: number;
}
interface Flow {
  issued: number;
  redeemed: number;
  expired: number;
}

/**
 * The tab. Outstanding at a week's end = coins issued − redeemed − expired up to it, per tier and per area manager;
 * tiers and managers each add up to the total, which must equal the outstanding summed in the database over every
 * recorded week (no week since the brand's first lot may be unrecorded).
 */
export function koinBeredar(a: Answer, input: ReportInput): ReportTab {
  const title = t('loyalty.report.koinBeredar');
  const n = input.weeks.length;
  const last = n - 1;
  const flows = (group: (r: Row) => string) => {
    const m = new Map<string, Flow[]>();
    for (const r of a.rows ?? []) {
      const g = group(r);
      if (!m.has(g))
        m.set(
          g,
          Array.from({ length: n + 1 }, () => ({ issued: 0, redeemed: 0, expired: 0 })),
        );
      const f = m.get(g)![r[2] + 1]; // bucket -1 (before the window) is index 0
      f.issued += num(r[3]);
      f.redeemed += num(r[4]);
      f.expired += num(r[5]);
    }
    return m;
  };
  const total = flows(() => '');
  const tiers = flows((r) => r[0]);
  const managers = flows((r) => r[1] || t('loyalty.kb.noManager'));
  /** Outstanding at the end of each trend week (index i = after bucket i). */
  const outstanding = (f: Flow[] | undefined) => {
    const out: number[] = [];
    let acc = 0;
    (f ?? []).forEach((x, i) => {
      acc += x.issued - x.redeemed - x.expired;
      if (i > 0) out.push(acc);
    });
    return out.length ? out : input.weeks.map(() => 0);
  };
  const totalOut = outstanding(total.get(''));
  check(title, t('loyalty.check.outstanding'), totalOut[last], num(a.outstanding));
  check(title, t('loyalty.check.unrecorded'), num(a.unrecordedWeeks), 0);
  check(title, t('loyalty.check.overUsed'), num(a.overUsedLots), 0);
  const endOf = (m: Map<string, Flow[]>) => [...m.values()].reduce((s, f) => s + outstanding(f)[last], 0);
  check(title, t('loyalty.check.tiersOutstanding'), endOf(tiers), totalOut[last]);
  check(title, t('loyalty.check.managersOutstanding'), endOf(managers), totalOut[last]);
  const row = (label: string, f: Flow[] | undefined) => {
    const o = outstanding(f);
    const w = f?.[n] ?? { issued: 0, redeemed: 0, expired: 0 };
    const before = n > 1 ? o[last - 1] : o[last] - (w.issued - w.redeemed - w.expired);
    return [label, before, w.issued, w.redeemed, w.expired, o[last], o[last] - before];
  };
  const headers = [
    '',
    t('loyalty.kb.start'),
    t('loyalty.kb.issued'),
    t('loyalty.kb.redeemed'),
    t('loyalty.kb.expired'),
    t('loyalty.kb.end'),
    t('loyalty.kb.change'),
  ];
  const kinds = ['text', 'int', 'int', 'int', 'int', 'int', 'int'] as Section['kinds'];
  const extraTiers = [...tiers.keys()].filter((k) => !(TIERS as readonly string[]).includes(k));
  const byTier: Section = {
    title: t('loyalty.kb.byTier', { week: input.weekId }),
    headers: [t('loyalty.pwk.tier'), ...headers.slice(1)],
    kinds,
    rows: [...[...TIERS, ...extraTiers].map((k) => row(k, tiers.get(k))), row(t('loyalty.total'), total.get(''))],
  };
  const byManager: Section = {
    title: t('loyalty.kb.byManager', { week: input.weekId }),
    note: t('loyalty.kb.rule'),
    headers: [t('loyalty.kb.manager'), ...headers.slice(1)],
    kinds,
    rows: [...[...managers.keys()].sort().map((k) => row(k, managers.get(k))), row(t('loyalty.total'), total.get(''))],
  };
  const trend: Section = {
    title: t('loyalty.section.trend'),
    headers: [t('loyalty.week'), t('loyalty.kb.end')],
    kinds: ['text', 'int'],
    rows: input.weekIds.map((w, i) => [w, totalOut[i]]),
    chart: { type: 'line', title: t('loyalty.chart.kb'), x: 0, series: [1] },
  };
  const change = totalOut[last] - (n > 1 ? totalOut[last - 1] : 0);
  return {
    key: 'koinBeredar',
    title,
    headlines: [
      { label: t('loyalty.kb.end'), value: totalOut[last], kind: 'int' },
      { label: t('loyalty.kb.change'), value: change, kind: 'int' },
    ],
    sections: [byTier, byManager, trend],
    totals: { outstanding: totalOut[last], change },
    empty: totalOut[last] === 0 && change === 0,
  };
}
