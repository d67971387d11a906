// Computes a brand-week's chosen reports: one query per report, its JSON answer turned into a checked tab.
import type { Db } from '../core/db';
import { AppError, notFound } from '../core/errors';
import { msg } from '../core/text';
import { jsonOf, ReportKey, ReportTab } from './model';
import type { ReportInput } from './input';
import {
  hargaSpesialKoinSql,
  koinBeredarFlowSql,
  koinBeredarSql,
  koinInOutSql,
  membersChoiceSql,
  payWithKoinSql,
  Stmt,
} from './queries';
import { payWithKoin } from './pay-with-koin';
import { membersChoice } from './members-choice';
import { koinInOut } from './koin-in-out';
import { koinBeredar } from './koin-beredar';
import { hargaSpesialKoin } from './harga-spesial-koin';

/** A report: statements that record what it keeps between weeks (run first), its one query, and its tab. */
type Builder = {
  prepare?: (i: ReportInput) => Stmt[];
  sql: (i: ReportInput) => Stmt;
  tab: (answer: never, i: ReportInput) => ReportTab;
};

const BUILDERS: Record<ReportKey, Builder> = {
  payWithKoin: { sql: (i) => payWithKoinSql(i.window), tab: payWithKoin },
  membersChoice: { sql: (i) => membersChoiceSql(i.window), tab: membersChoice },
  koinInOut: { sql: (i) => koinInOutSql(i.window, i.excluded), tab: koinInOut },
  koinBeredar: { prepare: (i) => koinBeredarFlowSql(i.window), sql: (i) => koinBeredarSql(i.window), tab: koinBeredar },
  hargaSpesialKoin: { sql: (i) => hargaSpesialKoinSql(i.window), tab: hargaSpesialKoin },
};

/** The SQL statement of one report (tests and the bench read it). */
export function reportSql(key: ReportKey, input: ReportInput): Stmt {
  return BUILDERS[key].sql(input);
}

/** The statements a report runs before its query (Koin Beredar records the weeks not yet recorded). */
export function reportPrepareSql(key: ReportKey, input: ReportInput): Stmt[] {
  return BUILDERS[key].prepare?.(input) ?? [];
}

/**
 * Runs each chosen report's one query and checks it. Unknown brand: NOT_FOUND. A week where every chosen report is
 * empty: NO_DATA, unless `allowEmpty` (then the empty tabs are returned, said so on the cover).
 */
export function computeReports(db: Db, input: ReportInput, keys: ReportKey[], allowEmpty: boolean): ReportTab[] {
  const tabs: ReportTab[] = [];
  for (const key of keys) {
    for (const p of reportPrepareSql(key, input)) db.execute(p.sql, p.params);
    const st = BUILDERS[key].sql(input);
    const answer = jsonOf<{ brand: number }>(db.query(st.sql, st.params));
    if (!answer.brand) throw notFound(msg('loyalty.error.unknownBrand', { brand: input.brand }));
    tabs.push(BUILDERS[key].tab(answer as never, input));
  }
  if (!allowEmpty && tabs.every((t) => t.empty)) {
    throw new AppError('NO_DATA', msg('loyalty.error.noData', { brand: input.brand, week: input.weekId }));
  }
  return tabs;
}
