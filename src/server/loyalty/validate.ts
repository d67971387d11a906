// Checks of what the sidebar or a schedule sends: a known brand, a week that is over, known reports, a folder id,
// a sane exclusion list. Refuses with both languages before anything is read or written; returns the clean request.
import { invalid, notFound } from '../core/errors';
import { msg, Msg } from '../core/text';
import { REPORT_KEYS, ReportKey } from './model';
import type { WeeklyRequest } from './request';
import { isFuture, lastFullWeek, parseWeek, weekId } from './week';

const MAX_EXCLUDED = 50;

/** The canonical request, or an INVALID / NOT_FOUND error listing what is wrong. */
export function validRequest(raw: WeeklyRequest, brands: string[], now: Date): WeeklyRequest {
  const r = (raw ?? {}) as Partial<WeeklyRequest>;
  const brand = brands.find(
    (b) =>
      b.toLowerCase() ===
      String(r.brand ?? '')
        .trim()
        .toLowerCase(),
  );
  if (!brand) throw notFound(msg('loyalty.error.unknownBrand', { brand: String(r.brand ?? '').slice(0, 60) }));
  const problems: Msg[] = [];
  const weekText = String(r.week ?? '').trim();
  const week = weekText ? parseWeek(weekText) : lastFullWeek(now);
  if (!week) problems.push(msg('loyalty.error.week', { week: weekText.slice(0, 20) }));
  else if (isFuture(week, now)) problems.push(msg('loyalty.error.futureWeek', { week: weekId(week) }));
  const asked = Array.isArray(r.reports) ? r.reports.map(String) : [];
  const unknown = asked.filter((k) => !(REPORT_KEYS as readonly string[]).includes(k));
  if (unknown.length) problems.push(msg('loyalty.error.unknownReport', { names: unknown.join(', ').slice(0, 80) }));
  const reports = REPORT_KEYS.filter((k) => asked.includes(k)) as ReportKey[];
  if (!reports.length) problems.push(msg('loyalty.error.noReports'));
  const folderId = String(r.folderId ?? '').trim();
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(folderId)) problems.push(msg('loyalty.error.folderId', { id: folderId.slice(0, 60) }));
  const excluded = (Array.isArray(r.excluded) ? r.excluded : []).map((x) => String(x).trim()).filter((x) => x);
  if (excluded.length > MAX_EXCLUDED || excluded.some((x) => x.length > 60 || !/^[\p{L}\p{N} ._&'-]+$/u.test(x)))
    problems.push(msg('loyalty.error.excluded', { max: MAX_EXCLUDED }));
  if (problems.length) throw invalid(msg('loyalty.error.request', { problems }));
  return {
    brand,
    week: weekId(week!),
    reports,
    folderId,
    excluded: [...new Set(excluded)],
    allowEmpty: r.allowEmpty === true,
  };
}
