// File names the team gives Seller Center exports: SalesSource_StoreName_ReportType_StartDate-EndDate.xlsx with
// dates as YYYYMMDD; what a name says (store, report type, period) or why it is refused.
import { msg, Msg } from '../core/text';
import type { MarketSettings } from './settings';

export interface ParsedName {
  source: string;
  store: string;
  typeCode: string;
  /** "YYYY-MM-DD". */
  start: string;
  end: string;
}

/** The naming rule, as mails and the sidebar state it. */
export const NAME_RULE = 'SalesSource_StoreName_ReportType_StartDate-EndDate.xlsx';

const NAME_RE = /^([^_]+)_([^_]+)_([^_]+)_(\d{8})-(\d{8})\.xlsx$/;

/** "20261031" → "2026-10-31", or null when it is not a calendar date. */
export function ymd(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** An example name for a report type, for mails and the sidebar. */
export function exampleName(settings: MarketSettings, store: string, typeCode: string): string {
  return `${settings.salesSource}_${store}_${typeCode}_20261001-20261031.xlsx`;
}

/** The extension's refusal: Seller Center's .xlsx only (.xls, .csv and others are named). */
function extensionProblem(name: string): Msg | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1];
  if (ext && ext.toLowerCase() === 'xlsx') return null;
  return msg('market.reject.extension', { ext: ext ? `.${ext.toLowerCase()}` : msg('market.reject.noExtension') });
}

/**
 * Reads a name under the rule; every check that needs only the name: extension, pattern, source, calendar dates,
 * start ≤ end, the period over (its end before today, WIB, "YYYY-MM-DD").
 */
export function parseName(name: string, settings: MarketSettings, today: string): ParsedName | Msg {
  const ext = extensionProblem(name);
  if (ext) return ext;
  const m = NAME_RE.exec(name.normalize('NFC'));
  if (!m) return msg('market.reject.pattern', { rule: NAME_RULE });
  const [, source, store, typeCode, a, b] = m;
  if (source.toLowerCase() !== settings.salesSource.toLowerCase()) {
    return msg('market.reject.source', { source, expected: settings.salesSource });
  }
  const start = ymd(a);
  const end = ymd(b);
  if (!start || !end) return msg('market.reject.date', { date: !start ? a : b });
  if (start > end) return msg('market.reject.inverted', { start: start, end: end });
  if (end >= today) return msg('market.reject.future', { end, today });
  return { source, store: store.trim(), typeCode, start, end };
}
