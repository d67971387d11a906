// Validates a segment request against its shape, the reference data and common sense; returns it in canonical form.
import { invalid } from '../core/errors';
import { canonical, closest } from './suggest';
import { parseDate } from './period';
import { CHANNELS, Criteria, GENDER_CHOICES, PERIOD_KINDS, PRIORITIES, SegmentRequest, TIERS, emptyRequest } from './request';

/** The names a request may use, read from the loyalty database. */
export interface Reference {
  brands: string[];
  /** Store code → brand and area. */
  stores: Array<{ code: string; name: string; brand: string; area: string }>;
  /** City → province. */
  cities: Array<{ city: string; province: string }>;
  categories: string[];
  paymentMethods: string[];
  voucherPrograms: string[];
}

export interface Problem {
  field: string;
  id: string;
  en: string;
}

/**
 * Text that looks like SQL or markup is refused (every value is a bound parameter anyway; this catches pasted
 * scripts early). An apostrophe is not refused: names such as "Kota D'Uji", "O'Neil" or "Jum'at" are legitimate.
 */
const SQL_LIKE =
  /(;|--|\/\*|\*\/|["`\\<>])|\b(select|insert|update|delete|drop|union|alter|truncate|grant)\b[\s\S]*\b(from|into|table|set|select|where|all)\b/i;
const FORMULA_START = /^[=+\-@]/;

/** A problem when free text could become a formula in a sheet or looks like SQL; null when it is plain text. */
export function unsafeText(field: string, label: { id: string; en: string }, value: string): Problem | null {
  const v = value.trim();
  if (FORMULA_START.test(v)) {
    return {
      field,
      id: `${label.id} tidak boleh diawali = + - atau @ (rumus): "${v}"`,
      en: `${label.en} must not start with = + - or @ (a formula): "${v}"`,
    };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in untrusted text are refused on purpose
  if (SQL_LIKE.test(v) || /[\u0000-\u001f]/.test(v)) {
    return {
      field,
      id: `${label.id} berisi karakter atau perintah SQL yang tidak diizinkan: "${v}"`,
      en: `${label.en} contains characters or SQL that are not allowed: "${v}"`,
    };
  }
  return null;
}

/** Extracts a Drive folder id from an id or a folder URL. */
export function folderIdOf(input: string): string {
  const s = input.trim();
  const m = /\/folders\/([A-Za-z0-9_-]+)/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(s);
  return m ? m[1] : s;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  problems: Problem[] = [];
  add(field: string, id: string, en: string): void {
    this.problems.push({ field, id, en });
  }
  text(field: string, label: { id: string; en: string }, v: unknown, required: boolean, max = 80): string {
    if (typeof v !== 'string' || (required && !v.trim())) {
      if (required) this.add(field, `${label.id} wajib diisi.`, `${label.en} is required.`);
      return typeof v === 'string' ? v.trim() : '';
    }
    const s = v.trim().replace(/\s+/g, ' ');
    if (s.length > max)
      this.add(field, `${label.id} terlalu panjang (maks. ${max} karakter).`, `${label.en} is too long (max ${max} characters).`);
    const p = unsafeText(field, label, s);
    if (p) this.problems.push(p);
    return s;
  }
  int(field: string, label: { id: string; en: string }, v: unknown, min: number, max: number): number | null {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'string' ? Number(v.trim()) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      this.add(
        field,
        `${label.id} harus bilangan bulat ${min}–${max}: "${String(v)}"`,
        `${label.en} must be a whole number ${min}–${max}: "${String(v)}"`,
      );
      return null;
    }
    return n;
  }
  date(field: string, label: { id: string; en: string }, v: unknown): string | null {
    if (typeof v !== 'string' || !parseDate(v)) {
      this.add(
        field,
        `${label.id} harus tanggal YYYY-MM-DD: "${String(v ?? '')}"`,
        `${label.en} must be a date YYYY-MM-DD: "${String(v ?? '')}"`,
      );
      return null;
    }
    return v.trim();
  }
  /** Each entry must be a known name (canonical spelling returned); unknown ones get "did you mean". */
  known(field: string, label: { id: string; en: string }, v: unknown, known: readonly string[]): string[] {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) {
      this.add(field, `${label.id}: daftar tidak valid.`, `${label.en}: not a list.`);
      return [];
    }
    const out: string[] = [];
    for (const raw of v) {
      if (typeof raw !== 'string' || !raw.trim()) {
        this.add(field, `${label.id}: ada isian kosong.`, `${label.en}: an entry is empty.`);
        continue;
      }
      // A name the reference data holds is legitimate whatever its characters (it stays a bound parameter).
      const c = canonical(raw, known);
      const unsafe = c === null ? unsafeText(field, label, raw) : null;
      if (unsafe) {
        this.problems.push(unsafe);
        continue;
      }
      if (c === null) {
        const sug = closest(raw, known);
        const hint = sug.length ? ` Mungkin maksud Anda: ${sug.join(', ')}?` : '';
        const hintEn = sug.length ? ` Did you mean: ${sug.join(', ')}?` : '';
        this.add(
          field,
          `${label.id} tidak dikenal: "${raw.trim()}".${hint}`,
          `Unknown ${label.en.toLowerCase()}: "${raw.trim()}".${hintEn}`,
        );
      } else if (!out.includes(c)) out.push(c);
    }
    return out;
  }
  oneOf<T extends string>(field: string, label: { id: string; en: string }, v: unknown, allowed: readonly T[]): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(
      field,
      `${label.id} tidak valid: "${String(v)}" (pilihan: ${allowed.join(', ')}).`,
      `${label.en} is not valid: "${String(v)}" (choices: ${allowed.join(', ')}).`,
    );
    return allowed[0];
  }
  bool(v: unknown): boolean | null {
    return typeof v === 'boolean' ? v : null;
  }
}

const L = {
  name: { id: 'Nama segmen', en: 'Segment name' },
  campaign: { id: 'Nama kampanye', en: 'Campaign name' },
  brand: { id: 'Brand', en: 'Brand' },
  channel: { id: 'Kanal', en: 'Channel' },
  period: { id: 'Jenis periode', en: 'Period kind' },
  months: { id: 'Jumlah bulan', en: 'Number of months' },
  from: { id: 'Tanggal mulai', en: 'Start date' },
  to: { id: 'Tanggal akhir', en: 'End date' },
  store: { id: 'Toko', en: 'Store' },
  site: { id: 'Preferred site', en: 'Preferred site' },
  city: { id: 'Kota', en: 'City' },
  province: { id: 'Provinsi', en: 'Province' },
  tier: { id: 'Tier', en: 'Tier' },
  coins: { id: 'Saldo koin', en: 'Coin balance' },
  gender: { id: 'Gender', en: 'Gender' },
  age: { id: 'Usia anak', en: 'Child age' },
  category: { id: 'Kategori', en: 'Category' },
  score: { id: 'Skor afinitas', en: 'Affinity score' },
  method: { id: 'Metode pembayaran', en: 'Payment method' },
  area: { id: 'Area toko', en: 'Store area' },
  program: { id: 'Program voucher', en: 'Voucher program' },
  cap: { id: 'Batas jumlah (cap)', en: 'Cap' },
  priority: { id: 'Urutan prioritas', en: 'Priority order' },
  window: { id: 'Jendela buka email (bulan)', en: 'Email-open window (months)' },
  folder: { id: 'Folder tujuan', en: 'Destination folder' },
  format: { id: 'Format file', en: 'File format' },
  contactDays: { id: 'Lama kampanye (hari)', en: 'Campaign length (days)' },
};

/** Checks `input` (untrusted JSON) and returns the canonical request, or throws one INVALID AppError listing every problem. */
export function validateRequest(input: unknown, ref: Reference): SegmentRequest {
  const problems = checkRequest(input, ref);
  if (problems.problems.length) {
    const ps = problems.problems;
    throw invalid(
      { id: ps.map((p) => p.id).join('\n'), en: ps.map((p) => p.en).join('\n') },
      { field: ps[0].field, problems: ps.length },
    );
  }
  return problems.request;
}

/** Like validateRequest but returns the problems instead of throwing. */
export function checkRequest(input: unknown, ref: Reference): { request: SegmentRequest; problems: Problem[] } {
  const c = new Checker();
  const r = emptyRequest();
  if (!isObj(input)) {
    c.add('request', 'Permintaan kosong atau bukan dokumen JSON.', 'The request is empty or not a JSON document.');
    return { request: r, problems: c.problems };
  }
  r.name = c.text('name', L.name, input.name, true);
  r.campaign = c.text('campaign', L.campaign, input.campaign, true);
  r.brands = c.known('brands', L.brand, input.brands, ref.brands);
  if (!r.brands.length && !c.problems.some((p) => p.field === 'brands')) {
    c.add('brands', 'Pilih minimal satu brand.', 'Choose at least one brand.');
  }
  r.channel = c.oneOf('channel', L.channel, input.channel, CHANNELS);

  const p = isObj(input.period) ? input.period : {};
  r.period.kind = c.oneOf('period.kind', L.period, p.kind, PERIOD_KINDS);
  r.period.offline = p.offline !== false;
  r.period.online = p.online !== false;
  r.period.months = null;
  r.period.from = null;
  r.period.to = null;
  if (!r.period.offline && !r.period.online) {
    c.add(
      'period.offline',
      'Pilih transaksi offline, online, atau keduanya.',
      'Choose offline transactions, online ones, or both.',
    );
  }
  if (r.period.kind === 'LAST_MONTHS') {
    r.period.months = c.int('period.months', L.months, p.months, 1, 120);
    if (r.period.months === null && !c.problems.some((x) => x.field === 'period.months'))
      c.add('period.months', 'Jumlah bulan wajib diisi.', 'The number of months is required.');
  } else if (r.period.kind === 'RANGE') {
    r.period.from = c.date('period.from', L.from, p.from);
    r.period.to = c.date('period.to', L.to, p.to);
    if (r.period.from && r.period.to && r.period.to < r.period.from) {
      c.add(
        'period.to',
        `Periode berakhir (${r.period.to}) sebelum dimulai (${r.period.from}).`,
        `The period ends (${r.period.to}) before it starts (${r.period.from}).`,
      );
    }
  }
  r.contactFrom =
    input.contactFrom === null || input.contactFrom === undefined || input.contactFrom === ''
      ? null
      : c.date('contactFrom', L.from, input.contactFrom);
  r.contactDays = c.int('contactDays', L.contactDays, input.contactDays ?? 7, 1, 366) ?? 7;

  r.criteria = checkCriteria(c, isObj(input.criteria) ? input.criteria : {}, ref, r.brands);
  r.splitByGender = input.splitByGender === true;
  const g = r.criteria.genders;
  if (r.splitByGender && g.length > 0 && (!g.includes('M') || !g.includes('F'))) {
    c.add(
      'splitByGender',
      'Pembagian per gender butuh gender pria dan wanita sekaligus.',
      'Splitting by gender needs both male and female members.',
    );
  }
  if (input.cap === 0 || input.cap === '0')
    c.add(
      'cap',
      'Batas jumlah (cap) tidak boleh 0; kosongkan untuk tanpa batas.',
      'The cap must not be 0; leave it empty for no cap.',
    );
  else r.cap = c.int('cap', L.cap, input.cap, 1, 5_000_000);
  r.priority = c.oneOf('priority', L.priority, input.priority ?? 'NON_OPENERS_FIRST', PRIORITIES);
  r.openWindowMonths = c.int('openWindowMonths', L.window, input.openWindowMonths ?? 3, 1, 24) ?? 3;

  const d = isObj(input.delivery) ? input.delivery : {};
  const folder = typeof d.folderId === 'string' ? folderIdOf(d.folderId) : '';
  if (!folder) c.add('delivery.folderId', 'Folder tujuan wajib diisi.', 'The destination folder is required.');
  else if (!/^[A-Za-z0-9_-]{1,128}$/.test(folder))
    c.add('delivery.folderId', `Folder tujuan tidak valid: "${folder}"`, `The destination folder is not valid: "${folder}"`);
  r.delivery = {
    folderId: folder,
    format: c.oneOf('delivery.format', L.format, d.format ?? 'CSV', ['CSV', 'XLSX'] as const),
    mailSummary: d.mailSummary === true,
  };
  return { request: r, problems: c.problems };
}

function checkCriteria(c: Checker, k: Obj, ref: Reference, brands: string[]): Criteria {
  const out = emptyRequest().criteria;
  const storeCodes = ref.stores.map((s) => s.code);
  out.stores = c.known('criteria.stores', L.store, k.stores, storeCodes);
  for (const code of out.stores) {
    const s = ref.stores.find((x) => x.code === code)!;
    if (brands.length && !brands.includes(s.brand)) {
      c.add(
        'criteria.stores',
        `Toko ${code} milik ${s.brand}, bukan brand yang dipilih (${brands.join(', ')}).`,
        `Store ${code} belongs to ${s.brand}, not to the chosen brands (${brands.join(', ')}).`,
      );
    }
  }
  out.preferredSites = c.known('criteria.preferredSites', L.site, k.preferredSites, storeCodes);
  out.cities = c.known(
    'criteria.cities',
    L.city,
    k.cities,
    ref.cities.map((x) => x.city),
  );
  const provinces = [...new Set(ref.cities.map((x) => x.province))];
  out.provinces = c.known('criteria.provinces', L.province, k.provinces, provinces);
  if (out.cities.length && out.provinces.length) {
    for (const city of out.cities) {
      const prov = ref.cities.find((x) => x.city === city)!.province;
      if (!out.provinces.includes(prov)) {
        c.add(
          'criteria.cities',
          `Kota ${city} ada di ${prov}, bukan di provinsi yang dipilih — tidak ada member yang cocok.`,
          `${city} is in ${prov}, not in the chosen provinces — no member could match.`,
        );
      }
    }
  }
  out.tiers = c.known('criteria.tiers', L.tier, k.tiers, TIERS) as Criteria['tiers'];
  out.minCoinsAbove = c.int('criteria.minCoinsAbove', L.coins, k.minCoinsAbove, 0, 1_000_000_000);
  out.genders = Array.isArray(k.genders)
    ? (k.genders.map((x) => c.oneOf('criteria.genders', L.gender, x, GENDER_CHOICES)) as Criteria['genders']).filter(
        (x, i, a) => a.indexOf(x) === i,
      )
    : [];
  out.activated = c.bool(k.activated);
  out.fullRegistration = c.bool(k.fullRegistration);
  out.whatsappReachable = k.whatsappReachable === true;
  if (isObj(k.childAge)) {
    const min = c.int('criteria.childAge', L.age, k.childAge.min, 0, 30);
    const max = c.int('criteria.childAge', L.age, k.childAge.max, 0, 30);
    if (min !== null && max !== null) {
      if (min > max)
        c.add(
          'criteria.childAge',
          `Usia anak ${min} sampai ${max} tidak masuk akal: usia awal lebih besar dari usia akhir.`,
          `Child age ${min} to ${max} is contradictory: the lower age is above the upper one.`,
        );
      else out.childAge = { min, max };
    } else if (min === null && max === null)
      c.add('criteria.childAge', 'Usia anak: isi usia awal dan akhir.', 'Child age: fill in both ages.');
  }
  if (isObj(k.affinity)) {
    const cats = c.known('criteria.affinity', L.category, k.affinity.categories, ref.categories);
    const score = typeof k.affinity.minScore === 'number' ? k.affinity.minScore : Number(k.affinity.minScore ?? 0.5);
    if (!Number.isFinite(score) || score < 0 || score > 1)
      c.add(
        'criteria.affinity',
        `Skor afinitas harus 0–1: "${String(k.affinity.minScore)}"`,
        `The affinity score must be 0–1: "${String(k.affinity.minScore)}"`,
      );
    if (!cats.length && !c.problems.some((p) => p.field === 'criteria.affinity'))
      c.add('criteria.affinity', 'Afinitas: pilih minimal satu kategori.', 'Affinity: choose at least one category.');
    else if (cats.length) out.affinity = { categories: cats, minScore: score };
  }
  if (isObj(k.payment)) {
    const methods = c.known('criteria.payment', L.method, k.payment.methods, ref.paymentMethods);
    const areas = c.known('criteria.payment', L.area, k.payment.areas ?? [], [...new Set(ref.stores.map((s) => s.area))]);
    if (!methods.length && !c.problems.some((p) => p.field === 'criteria.payment'))
      c.add('criteria.payment', 'Pembayaran: pilih minimal satu metode.', 'Payment: choose at least one method.');
    else if (methods.length) out.payment = { methods, areas };
  }
  if (isObj(k.voucherNotRedeemed)) {
    const v = k.voucherNotRedeemed;
    const program =
      typeof v.program === 'string' && v.program.trim()
        ? (c.known('criteria.voucherNotRedeemed', L.program, [v.program], ref.voucherPrograms)[0] ?? '')
        : '';
    const from = c.date('criteria.voucherNotRedeemed', L.from, v.from);
    const to = c.date('criteria.voucherNotRedeemed', L.to, v.to);
    if (from && to && to < from)
      c.add(
        'criteria.voucherNotRedeemed',
        `Periode voucher berakhir (${to}) sebelum dimulai (${from}).`,
        `The voucher period ends (${to}) before it starts (${from}).`,
      );
    else if (from && to) out.voucherNotRedeemed = { program, from, to };
  }
  return out;
}
