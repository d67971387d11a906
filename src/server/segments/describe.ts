// A request and its counts in words (for the metadata file, the log, the mail and the sidebar), from the catalogue.
import { msg, Msg, t, TextKey } from '../core/text';
import type { ResolvedDates } from './period';
import { Channel, DROP_REASONS, SegmentCounts, SegmentRequest } from './request';

/** Channel names are product names, the same in both languages. */
export const CHANNEL_WORDS: Record<Channel, string> = { EMAIL_BLAST: 'Email Blast', WSME: 'WSME', WABA: 'WABA' };

const key = <P extends string>(prefix: P, code: string) => `${prefix}${code}` as TextKey & `${P}${string}`;

/** The transaction period in words. */
export function periodWords(req: SegmentRequest, dates: ResolvedDates): Msg {
  const p = req.period;
  const mode = msg(p.offline && p.online ? 'segments.mode.both' : p.offline ? 'segments.mode.offline' : 'segments.mode.online');
  const dated = dates.txFrom ? datedRange(dates.txFrom, dates.txTo) : msg('segments.period.dates', { from: '…', to: dates.txTo });
  switch (p.kind) {
    case 'SINCE_START':
      return msg('segments.period.sinceStart', { to: dates.txTo, mode });
    case 'LAST_MONTHS':
      return msg('segments.period.lastMonths', { months: p.months ?? 0, range: dated, mode });
    case 'LAST_YEAR':
      return msg('segments.period.lastYear', { range: dated, mode });
    default:
      return msg('segments.period.range', { range: dated, mode });
  }
}

/** "1 Jan 2026–31 Des 2026". */
function datedRange(from: string, to: string): Msg {
  return msg('segments.period.dates', { from: msg('segments.period.date', { d: from }), to });
}

/** One line per criterion. */
export function criteriaWords(req: SegmentRequest, dates: ResolvedDates): Msg[] {
  const k = req.criteria;
  const out: Msg[] = [];
  const list = (xs: string[]) => xs.join(', ');
  out.push(msg('segments.words.transacted', { brands: list(req.brands), period: periodWords(req, dates) }));
  if (k.stores.length) out.push(msg('segments.words.stores', { list: list(k.stores) }));
  if (k.preferredSites.length) out.push(msg('segments.words.sites', { list: list(k.preferredSites) }));
  if (k.cities.length) out.push(msg('segments.words.cities', { list: list(k.cities) }));
  if (k.provinces.length) out.push(msg('segments.words.provinces', { list: list(k.provinces) }));
  if (k.tiers.length) out.push(msg('segments.words.tiers', { list: list(k.tiers) }));
  if (k.minCoinsAbove !== null) out.push(msg('segments.words.coins', { coins: k.minCoinsAbove }));
  if (k.genders.length) out.push(msg('segments.words.genders', { list: k.genders.map((g) => msg(key('segments.gender.', g))) }));
  if (k.activated !== null) out.push(msg(k.activated ? 'segments.words.activated' : 'segments.words.notActivated'));
  if (k.fullRegistration !== null) out.push(msg(k.fullRegistration ? 'segments.words.fullReg' : 'segments.words.notFullReg'));
  if (k.whatsappReachable) out.push(msg('segments.words.whatsapp'));
  if (k.childAge) out.push(msg('segments.words.childAge', { min: k.childAge.min, max: k.childAge.max }));
  if (k.affinity) out.push(msg('segments.words.affinity', { list: list(k.affinity.categories), score: k.affinity.minScore }));
  if (k.payment) {
    out.push(
      k.payment.areas.length
        ? msg('segments.words.paymentAt', { methods: list(k.payment.methods), areas: list(k.payment.areas) })
        : msg('segments.words.payment', { methods: list(k.payment.methods) }),
    );
  }
  if (k.voucherNotRedeemed) {
    const v = k.voucherNotRedeemed;
    out.push(msg('segments.words.voucher', { program: v.program || msg('segments.words.anyProgram'), from: v.from, to: v.to }));
  }
  if (req.splitByGender) out.push(msg('segments.words.split'));
  if (req.cap !== null)
    out.push(msg('segments.words.cap', { cap: req.cap, priority: msg(key('segments.priority.', req.priority)) }));
  return out;
}

/** Counts as lines in the current language: found, each drop reason that happened, delivered, the gender groups. */
export function countsWords(c: SegmentCounts): string[] {
  const lines = [t('segments.count.found', { n: c.found })];
  for (const r of DROP_REASONS) {
    if (c.dropped[r]) lines.push(t('segments.count.dropped', { reason: msg(key('segments.drop.', r)), n: c.dropped[r] }));
  }
  lines.push(t('segments.count.delivered', { n: c.delivered }));
  for (const [g, n] of Object.entries(c.groups))
    lines.push(t('segments.count.group', { group: msg(key('segments.group.', g)), n }));
  return lines;
}
