// Turns one row of a form-responses sheet into a (not yet validated) segment request, by recognising column headers.
import { emptyRequest, GenderChoice, Priority, SegmentRequest, Tier } from './request';

type Setter = (r: SegmentRequest, v: string) => void;
const list = (v: string) =>
  v
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const yes = (v: string): boolean | null =>
  /^(ya|yes|y|true|1)$/i.test(v.trim()) ? true : /^(tidak|no|n|false|0)$/i.test(v.trim()) ? false : null;

function period(r: SegmentRequest, v: string): void {
  const s = v.trim().toLowerCase();
  const months = /(\d+)\s*(bulan|months?|m\b)/.exec(s) ?? /^l(\d+)m$/.exec(s);
  const range = /(\d{4}-\d{2}-\d{2})\s*(?:-|–|s\.?d\.?|to|sampai)\s*(\d{4}-\d{2}-\d{2})/.exec(s);
  if (range) r.period = { ...r.period, kind: 'RANGE', months: null, from: range[1], to: range[2] };
  else if (months) r.period = { ...r.period, kind: 'LAST_MONTHS', months: Number(months[1]), from: null, to: null };
  else if (/tahun lalu|last year|^l1y$/.test(s))
    r.period = { ...r.period, kind: 'LAST_YEAR', months: null, from: null, to: null };
  else if (/sejak|since|cohesive|awal/.test(s))
    r.period = { ...r.period, kind: 'SINCE_START', months: null, from: null, to: null };
}

function channel(r: SegmentRequest, v: string): void {
  const s = v.toLowerCase();
  r.channel = s.includes('waba')
    ? 'WABA'
    : s.includes('wsme')
      ? 'WSME'
      : s.includes('email')
        ? 'EMAIL_BLAST'
        : (v.trim() as SegmentRequest['channel']);
}

function priority(v: string): Priority {
  const s = v.toLowerCase();
  if (/non|tidak|belum/.test(s)) return 'NON_OPENERS_FIRST';
  if (/open|buka/.test(s)) return 'OPENERS_FIRST';
  if (/spend|belanja/.test(s)) return 'HIGHEST_SPEND';
  return 'MOST_RECENT';
}

/** Header keywords (lower case, either language) → how the cell fills the request. First match wins. */
const FIELDS: Array<[RegExp, Setter]> = [
  [/nama segmen|segment name/, (r, v) => (r.name = v.trim())],
  [/kampanye|campaign/, (r, v) => (r.campaign = v.trim())],
  [/^brand/, (r, v) => (r.brands = list(v))],
  [/kanal|channel/, channel],
  [
    /jenis transaksi|transaction type|offline|online/,
    (r, v) => {
      const s = v.toLowerCase();
      r.period.offline = s.includes('offline') || !s.includes('online');
      r.period.online = s.includes('online') || !s.includes('offline');
    },
  ],
  [/periode|period/, period],
  [/preferred site/, (r, v) => (r.criteria.preferredSites = list(v))],
  [/toko|store/, (r, v) => (r.criteria.stores = list(v))],
  [/kota|city/, (r, v) => (r.criteria.cities = list(v))],
  [/provinsi|province/, (r, v) => (r.criteria.provinces = list(v))],
  [/tier/, (r, v) => (r.criteria.tiers = list(v).map((t) => (t[0].toUpperCase() + t.slice(1).toLowerCase()) as Tier))],
  [/koin|coin/, (r, v) => (r.criteria.minCoinsAbove = v.trim() ? Number(v.replace(/[.\s]/g, '')) : null)],
  [
    /gender|jenis kelamin/,
    (r, v) => {
      r.criteria.genders = list(v).map(
        (g) => (/^(m|pria|laki|male)/i.test(g) ? 'M' : /^(f|wanita|perempuan|female)/i.test(g) ? 'F' : 'BLANK') as GenderChoice,
      );
    },
  ],
  [/registrasi|registration/, (r, v) => (r.criteria.fullRegistration = yes(v))],
  [/aktif|activat/, (r, v) => (r.criteria.activated = yes(v))],
  [/whatsapp|wa valid|nomor wa/, (r, v) => (r.criteria.whatsappReachable = yes(v) === true)],
  [
    /usia anak|child age/,
    (r, v) => {
      const m = /(\d+)\s*(?:-|–|sampai|to|s\.?d\.?)\s*(\d+)/.exec(v);
      if (m) r.criteria.childAge = { min: Number(m[1]), max: Number(m[2]) };
    },
  ],
  [/afinitas|affinity|propen/, (r, v) => (r.criteria.affinity = list(v).length ? { categories: list(v), minScore: 0.5 } : null)],
  [
    /metode pembayaran|payment/,
    (r, v) => (r.criteria.payment = list(v).length ? { methods: list(v), areas: r.criteria.payment?.areas ?? [] } : null),
  ],
  [/area/, (r, v) => (r.criteria.payment = r.criteria.payment ? { ...r.criteria.payment, areas: list(v) } : r.criteria.payment)],
  [/pisah gender|split/, (r, v) => (r.splitByGender = yes(v) === true)],
  [/batas|cap|maks/, (r, v) => (r.cap = v.trim() ? Number(v.replace(/[.\s]/g, '')) : null)],
  [/prioritas|priority/, (r, v) => (r.priority = priority(v))],
  [/folder/, (r, v) => (r.delivery.folderId = v.trim())],
  [/format/, (r, v) => (r.delivery.format = /xlsx|excel/i.test(v) ? 'XLSX' : 'CSV')],
];

/** Builds a request from a header row and one response row; unknown columns are listed, not guessed. */
export function requestFromFormRow(header: unknown[], row: unknown[]): { request: SegmentRequest; ignored: string[] } {
  const r = emptyRequest();
  r.period.kind = 'SINCE_START';
  r.period.months = null;
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const name = String(h ?? '')
      .trim()
      .toLowerCase();
    const cell = row[i];
    const v = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
    if (!name || /timestamp|stempel waktu|email address|alamat email/.test(name)) return;
    const f = FIELDS.find(([re]) => re.test(name));
    if (!f) ignored.push(String(h));
    else if (v.trim()) f[1](r, v);
  });
  return { request: r, ignored };
}
