// A request and its counts in words (Bahasa Indonesia, then English): for the metadata file, the log and the mail.
import { formatRupiah } from '../core/format';
import type { ResolvedDates } from './period';
import { Channel, DROP_REASONS, DROP_REASON_WORDS, Priority, SegmentCounts, SegmentRequest } from './request';

export const CHANNEL_WORDS: Record<Channel, string> = { EMAIL_BLAST: 'Email Blast', WSME: 'WSME', WABA: 'WABA' };

export const PRIORITY_WORDS: Record<Priority, { id: string; en: string }> = {
  NON_OPENERS_FIRST: {
    id: 'yang tidak membuka email dulu, lalu pembuka email',
    en: 'non-openers of recent emails first, then openers',
  },
  OPENERS_FIRST: { id: 'pembuka email dulu, lalu yang tidak membuka', en: 'openers of recent emails first, then non-openers' },
  HIGHEST_SPEND: { id: 'belanja terbesar dalam periode dulu', en: 'highest spend in the period first' },
  MOST_RECENT: { id: 'transaksi terakhir paling baru dulu', en: 'most recent transaction first' },
};

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const num = (n: number) => n.toLocaleString('en-US').replace(/,/g, '.');

/** The transaction period in words. */
export function periodWords(req: SegmentRequest, dates: ResolvedDates): { id: string; en: string } {
  const p = req.period;
  const mode =
    p.offline && p.online
      ? { id: 'offline & online', en: 'offline & online' }
      : p.offline
        ? { id: 'offline', en: 'offline' }
        : { id: 'online', en: 'online' };
  const range = `${dates.txFrom ? dmy(dates.txFrom) : '…'}–${dmy(dates.txTo)}`;
  switch (p.kind) {
    case 'SINCE_START':
      return {
        id: `sejak program loyalti dimulai s.d. ${dmy(dates.txTo)} (${mode.id})`,
        en: `since the loyalty programme began, up to ${dmy(dates.txTo)} (${mode.en})`,
      };
    case 'LAST_MONTHS':
      return { id: `${p.months} bulan terakhir, ${range} (${mode.id})`, en: `last ${p.months} months, ${range} (${mode.en})` };
    case 'LAST_YEAR':
      return { id: `tahun lalu, ${range} (${mode.id})`, en: `last year, ${range} (${mode.en})` };
    default:
      return { id: `${range} (${mode.id})`, en: `${range} (${mode.en})` };
  }
}

/** One line per criterion. */
export function criteriaWords(req: SegmentRequest, dates: ResolvedDates): Array<{ id: string; en: string }> {
  const k = req.criteria;
  const out: Array<{ id: string; en: string }> = [];
  const list = (xs: string[]) => xs.join(', ');
  out.push({
    id: `Bertransaksi di ${list(req.brands)}: ${periodWords(req, dates).id}`,
    en: `Transacted at ${list(req.brands)}: ${periodWords(req, dates).en}`,
  });
  if (k.stores.length) out.push({ id: `di toko ${list(k.stores)}`, en: `at stores ${list(k.stores)}` });
  if (k.preferredSites.length)
    out.push({ id: `Preferred site: ${list(k.preferredSites)}`, en: `Preferred site: ${list(k.preferredSites)}` });
  if (k.cities.length) out.push({ id: `Domisili kota: ${list(k.cities)}`, en: `Domicile city: ${list(k.cities)}` });
  if (k.provinces.length)
    out.push({ id: `Domisili provinsi: ${list(k.provinces)}`, en: `Domicile province: ${list(k.provinces)}` });
  if (k.tiers.length) out.push({ id: `Tier: ${list(k.tiers)}`, en: `Tier: ${list(k.tiers)}` });
  if (k.minCoinsAbove !== null)
    out.push({
      id: `Saldo koin > ${num(k.minCoinsAbove)} (${formatRupiah(k.minCoinsAbove)})`,
      en: `Coin balance > ${num(k.minCoinsAbove)} (${formatRupiah(k.minCoinsAbove)})`,
    });
  if (k.genders.length) {
    const g = k.genders.map((x) => (x === 'M' ? 'pria/male' : x === 'F' ? 'wanita/female' : 'kosong/blank'));
    out.push({ id: `Gender: ${list(g)}`, en: `Gender: ${list(g)}` });
  }
  if (k.activated !== null)
    out.push(
      k.activated ? { id: 'Akun aktif', en: 'Account activated' } : { id: 'Akun belum aktif', en: 'Account not activated' },
    );
  if (k.fullRegistration !== null)
    out.push(
      k.fullRegistration
        ? { id: 'Registrasi penuh', en: 'Fully registered' }
        : { id: 'Belum registrasi penuh', en: 'Not fully registered' },
    );
  if (k.whatsappReachable) out.push({ id: 'Nomor WhatsApp valid', en: 'Valid WhatsApp number' });
  if (k.childAge)
    out.push({
      id: `Punya anak usia ${k.childAge.min}–${k.childAge.max} tahun`,
      en: `Has a child aged ${k.childAge.min}–${k.childAge.max}`,
    });
  if (k.affinity)
    out.push({
      id: `Afinitas kategori ${list(k.affinity.categories)} (skor ≥ ${k.affinity.minScore})`,
      en: `Affinity for ${list(k.affinity.categories)} (score ≥ ${k.affinity.minScore})`,
    });
  if (k.payment) {
    const at = k.payment.areas.length ? ` di area ${list(k.payment.areas)}` : '';
    const atEn = k.payment.areas.length ? ` in area ${list(k.payment.areas)}` : '';
    out.push({ id: `Membayar dengan ${list(k.payment.methods)}${at}`, en: `Paid with ${list(k.payment.methods)}${atEn}` });
  }
  if (k.voucherNotRedeemed) {
    const v = k.voucherNotRedeemed;
    const prog = v.program || 'apa pun/any';
    out.push({
      id: `Menerima voucher ${prog} ${dmy(v.from)}–${dmy(v.to)} dan belum redeem`,
      en: `Received voucher ${prog} ${dmy(v.from)}–${dmy(v.to)} and did not redeem it`,
    });
  }
  if (req.splitByGender)
    out.push({
      id: 'Dibagi per gender (gender kosong dibagi proporsional)',
      en: 'Split by gender (blank genders spread proportionally)',
    });
  if (req.cap !== null) {
    const p = PRIORITY_WORDS[req.priority];
    out.push({
      id: `Maksimal ${num(req.cap)} member, prioritas: ${p.id}`,
      en: `At most ${num(req.cap)} members, priority: ${p.en}`,
    });
  }
  return out;
}

/** Counts as lines: found, each drop reason that happened, delivered. */
export function countsWords(c: SegmentCounts): string[] {
  const lines = [`Ditemukan / Found: ${num(c.found)}`];
  for (const r of DROP_REASONS) {
    if (c.dropped[r]) lines.push(`  − ${DROP_REASON_WORDS[r].id} / ${DROP_REASON_WORDS[r].en}: ${num(c.dropped[r])}`);
  }
  lines.push(`Dikirim / Delivered: ${num(c.delivered)}`);
  for (const [g, n] of Object.entries(c.groups)) lines.push(`  ${g === 'M' ? 'Pria / Male' : 'Wanita / Female'}: ${num(n)}`);
  return lines;
}
