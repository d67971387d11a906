// Builds one brand-week: computes and checks every chosen report first, then files one spreadsheet (the same one on
// a rerun, found by its name in the folder) with a cover tab and a tab per report, and logs each report's totals.
import { denied, notFound } from '../core/errors';
import { formatDate, formatDateTime } from '../core/format';
import { msg, t } from '../core/text';
import { computeReports } from './compute';
import { reportInput } from './input';
import { layoutCover, layoutTab } from './layout';
import { type Headline, type ReportKey, type ReportTab, reportTitle } from './model';
import type { WeeklyPorts } from './ports';
import { spreadsheetName, WeeklyRequest } from './request';
import { parseWeek, weekEnd, weekStart } from './week';

export interface ReportSummary {
  key: ReportKey;
  title: string;
  empty: boolean;
  headlines: Array<{ label: string; value: string | number | null; kind: Headline['kind'] }>;
}

export interface BuildResult {
  name: string;
  url: string;
  week: string;
  reports: ReportSummary[];
  /** True when an earlier run's spreadsheet was rewritten. */
  replaced: boolean;
}

export const summaries = (tabs: ReportTab[]): ReportSummary[] =>
  tabs.map((tab) => ({ key: tab.key, title: tab.title, empty: tab.empty, headlines: tab.headlines }));

/** The chosen reports' figures without writing anything (the sidebar's preview). */
export function previewWeekly(ports: WeeklyPorts, req: WeeklyRequest): ReportSummary[] {
  const week = parseWeek(req.week)!;
  return summaries(computeReports(ports.db, reportInput(req.brand, week, req.excluded), req.reports, true));
}

/** Refuses a destination folder the user cannot open or write in (as they see it in Drive). */
export function requireWritableFolder(folder: WeeklyPorts['folder'], folderId: string): void {
  const f = folder(folderId);
  if (!f) throw notFound(msg('loyalty.error.folderMissing', { id: folderId }));
  if (!f.writable) throw denied(msg('loyalty.error.folderReadOnly', { name: f.name }));
}

/** Computes, checks, then writes; nothing is written when a query or a check fails. */
export function buildWeekly(ports: WeeklyPorts, req: WeeklyRequest, how: 'manual' | 'scheduled'): BuildResult {
  const week = parseWeek(req.week)!;
  requireWritableFolder(ports.folder, req.folderId);
  const input = reportInput(req.brand, week, req.excluded);
  const tabs = computeReports(ports.db, input, req.reports, req.allowEmpty);
  const name = spreadsheetName(req.brand, input.weekId);
  const now = ports.now();
  const heading = `${name} · ${formatDate(weekStart(week))} – ${formatDate(new Date(weekEnd(week).getTime() - 1))}`;
  const cover = layoutCover({
    heading,
    lines: [
      [t('loyalty.cover.brand'), req.brand],
      [t('loyalty.cover.week'), input.weekId],
      [
        t('loyalty.cover.period'),
        t('loyalty.cover.periodText', { from: weekStart(week), to: new Date(weekEnd(week).getTime() - 1) }),
      ],
      [t('loyalty.cover.trend'), `${input.weekIds[0]} – ${input.weekId}`],
      [t('loyalty.cover.made'), `${formatDateTime(now)} · ${ports.user}`],
      [t('loyalty.cover.excluded'), req.excluded.join(', ') || t('loyalty.io.noneExcluded')],
    ],
    definitions: definitions(req.reports),
    checks: req.reports.map((k) => t(`loyalty.checks.${k}`)),
    tabs,
  });
  const layouts = [cover, ...tabs.map((tab) => layoutTab(tab, `${tab.title} · ${req.brand} ${input.weekId}`))];
  const found = ports.findInFolder(req.folderId, name);
  const id = found?.id ?? ports.createSpreadsheet(req.folderId, name).id;
  const url = ports.writeTabs(id, layouts);
  const totals = Object.fromEntries(tabs.map((tab) => [tab.key, tab.totals]));
  ports.log({
    at: now.toISOString(),
    brand: req.brand,
    week: input.weekId,
    by: ports.user,
    how,
    name,
    url,
    outcome: msg(found ? 'loyalty.outcome.replaced' : 'loyalty.outcome.done', { name }),
    totals,
  });
  return { name, url, week: input.weekId, reports: summaries(tabs), replaced: !!found };
}

const DEFINED: Record<ReportKey, Array<[Parameters<typeof t>[0], Parameters<typeof t>[0]]>> = {
  payWithKoin: [
    ['loyalty.pwk.members', 'loyalty.def.pwkMembers'],
    ['loyalty.pwk.trx', 'loyalty.def.pwkTrx'],
    ['loyalty.pwk.sales', 'loyalty.def.pwkSales'],
    ['loyalty.pwk.coins', 'loyalty.def.pwkCoins'],
    ['loyalty.pwk.multiplier', 'loyalty.def.pwkMultiplier'],
    ['loyalty.pwk.avgCoins', 'loyalty.def.pwkAvg'],
    ['loyalty.pwk.share', 'loyalty.def.pwkShare'],
    ['loyalty.pwk.tier', 'loyalty.def.tier'],
  ],
  membersChoice: [
    ['loyalty.mc.sales', 'loyalty.def.mcSales'],
    ['loyalty.mc.trx', 'loyalty.def.mcTrx'],
    ['loyalty.mc.members', 'loyalty.def.mcMembers'],
    ['loyalty.mc.rank', 'loyalty.def.mcRank'],
  ],
  koinInOut: [
    ['loyalty.io.aShort', 'loyalty.io.a'],
    ['loyalty.io.bShort', 'loyalty.io.b'],
    ['loyalty.io.cShort', 'loyalty.io.c'],
    ['loyalty.io.dShort', 'loyalty.io.d'],
    ['loyalty.io.net', 'loyalty.def.ioNet'],
  ],
  koinBeredar: [
    ['loyalty.kb.end', 'loyalty.def.kbOutstanding'],
    ['loyalty.kb.manager', 'loyalty.kb.rule'],
    ['loyalty.pwk.tier', 'loyalty.def.kbTier'],
  ],
  hargaSpesialKoin: [
    ['loyalty.hsk.offered', 'loyalty.def.hskOffered'],
    ['loyalty.hsk.coins', 'loyalty.hsk.rule'],
    ['loyalty.hsk.members', 'loyalty.def.hskMembers'],
    ['loyalty.hsk.best', 'loyalty.def.hskBest'],
  ],
};

function definitions(keys: ReportKey[]): Array<[string, string]> {
  return [
    [t('loyalty.week'), t('loyalty.def.week')],
    ...keys.flatMap((k) =>
      DEFINED[k].map(([label, def]): [string, string] => [
        `${reportTitle(k)}: ${t(label as 'loyalty.total')}`,
        t(def as 'loyalty.total'),
      ]),
    ),
  ];
}
