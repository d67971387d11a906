// Validates a segment request against its shape, the reference data and common sense; returns it in canonical form.
import { invalid } from '../core/errors';
import { msg, Msg, TextArgs, TextKey } from '../core/text';
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

/** One problem of a request: the field it concerns and what is wrong, in both languages. */
export type Problem = Msg & { field: string };

type Label = Msg;

/**
 * Text that looks like SQL or markup is refused (every value is a bound parameter anyway; this catches pasted
 * scripts early). An apostrophe is not refused: names such as "Kota D'Uji", "O'Neil" or "Jum'at" are legitimate.
 */
const SQL_LIKE =
  /(;|--|\/\*|\*\/|["`\\<>])|\b(select|insert|update|delete|drop|union|alter|truncate|grant)\b[\s\S]*\b(from|into|table|set|select|where|all)\b/i;
const FORMULA_START = /^[=+\-@]/;

/** A problem when free text could become a formula in a sheet or looks like SQL; null when it is plain text. */
export function unsafeText(field: string, label: Label, value: string): Problem | null {
  const v = value.trim();
  if (FORMULA_START.test(v)) return { field, ...msg('segments.check.formula', { label, value: v.slice(0, 80) }) };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in untrusted text are refused on purpose
  if (SQL_LIKE.test(v) || /[\u0000-\u001f]/.test(v)) {
    return { field, ...msg('segments.check.sql', { label, value: v.slice(0, 80) }) };
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
  add<K extends TextKey>(field: string, key: K, ...args: TextArgs<K>): void {
    this.problems.push({ field, ...msg(key, ...args) });
  }
  text(field: string, label: Label, v: unknown, required: boolean, max = 80): string {
    if (typeof v !== 'string' || (required && !v.trim())) {
      if (required) this.add(field, 'segments.check.required', { label });
      return typeof v === 'string' ? v.trim() : '';
    }
    const s = v.trim().replace(/\s+/g, ' ');
    if (s.length > max) this.add(field, 'segments.check.tooLong', { label, max });
    const p = unsafeText(field, label, s);
    if (p) this.problems.push(p);
    return s;
  }
  int(field: string, label: Label, v: unknown, min: number, max: number): number | null {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'string' ? Number(v.trim()) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      this.add(field, 'segments.check.int', { label, min, max, value: String(v).slice(0, 40) });
      return null;
    }
    return n;
  }
  date(field: string, label: Label, v: unknown): string | null {
    if (typeof v !== 'string' || !parseDate(v)) {
      this.add(field, 'segments.check.date', { label, value: String(v ?? '').slice(0, 40) });
      return null;
    }
    return v.trim();
  }
  /** Each entry must be a known name (canonical spelling returned); unknown ones get "did you mean". */
  known(field: string, label: Label, v: unknown, known: readonly string[]): string[] {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) {
      this.add(field, 'segments.check.list', { label });
      return [];
    }
    const out: string[] = [];
    for (const raw of v) {
      if (typeof raw !== 'string' || !raw.trim()) {
        this.add(field, 'segments.check.emptyEntry', { label });
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
        const hint = sug.length ? msg('segments.check.didYouMean', { choices: sug.join(', ') }) : '';
        this.add(field, 'segments.check.unknown', { label, value: raw.trim().slice(0, 80), hint });
      } else if (!out.includes(c)) out.push(c);
    }
    return out;
  }
  oneOf<T extends string>(field: string, label: Label, v: unknown, allowed: readonly T[]): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(field, 'segments.check.choice', { label, value: String(v).slice(0, 40), choices: allowed.join(', ') });
    return allowed[0];
  }
  bool(v: unknown): boolean | null {
    return typeof v === 'boolean' ? v : null;
  }
}

/** Field names, from the catalogue (read when a problem is reported, in both languages). */
const L = {
  get name() {
    return msg('segments.label.name');
  },
  get campaign() {
    return msg('segments.label.campaign');
  },
  get brand() {
    return msg('segments.label.brand');
  },
  get channel() {
    return msg('segments.label.channel');
  },
  get period() {
    return msg('segments.label.period');
  },
  get months() {
    return msg('segments.label.months');
  },
  get from() {
    return msg('segments.label.from');
  },
  get to() {
    return msg('segments.label.to');
  },
  get store() {
    return msg('segments.label.store');
  },
  get site() {
    return msg('segments.label.site');
  },
  get city() {
    return msg('segments.label.city');
  },
  get province() {
    return msg('segments.label.province');
  },
  get tier() {
    return msg('segments.label.tier');
  },
  get coins() {
    return msg('segments.label.coins');
  },
  get gender() {
    return msg('segments.label.gender');
  },
  get age() {
    return msg('segments.label.age');
  },
  get category() {
    return msg('segments.label.category');
  },
  get score() {
    return msg('segments.label.score');
  },
  get method() {
    return msg('segments.label.method');
  },
  get area() {
    return msg('segments.label.area');
  },
  get program() {
    return msg('segments.label.program');
  },
  get cap() {
    return msg('segments.label.cap');
  },
  get priority() {
    return msg('segments.label.priority');
  },
  get window() {
    return msg('segments.label.window');
  },
  get folder() {
    return msg('segments.label.folder');
  },
  get format() {
    return msg('segments.label.format');
  },
  get contactDays() {
    return msg('segments.label.contactDays');
  },
};

/** Checks `input` (untrusted JSON) and returns the canonical request, or throws one INVALID AppError listing every problem. */
export function validateRequest(input: unknown, ref: Reference): SegmentRequest {
  const problems = checkRequest(input, ref);
  if (problems.problems.length) {
    const ps = problems.problems;
    throw invalid(problemLines(ps), { field: ps[0].field, problems: ps.length });
  }
  return problems.request;
}

/** Problems one per line, in both languages. */
export function problemLines(ps: readonly Msg[]): Msg {
  return { id: ps.map((p) => p.id).join('\n'), en: ps.map((p) => p.en).join('\n') } as Msg;
}

/** Like validateRequest but returns the problems instead of throwing. */
export function checkRequest(input: unknown, ref: Reference): { request: SegmentRequest; problems: Problem[] } {
  const c = new Checker();
  const r = emptyRequest();
  if (!isObj(input)) {
    c.add('request', 'segments.check.empty');
    return { request: r, problems: c.problems };
  }
  r.name = c.text('name', L.name, input.name, true);
  r.campaign = c.text('campaign', L.campaign, input.campaign, true);
  r.brands = c.known('brands', L.brand, input.brands, ref.brands);
  if (!r.brands.length && !c.problems.some((p) => p.field === 'brands')) {
    c.add('brands', 'segments.check.brand');
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
    c.add('period.offline', 'segments.check.offlineOnline');
  }
  if (r.period.kind === 'LAST_MONTHS') {
    r.period.months = c.int('period.months', L.months, p.months, 1, 120);
    if (r.period.months === null && !c.problems.some((x) => x.field === 'period.months'))
      c.add('period.months', 'segments.check.months');
  } else if (r.period.kind === 'RANGE') {
    r.period.from = c.date('period.from', L.from, p.from);
    r.period.to = c.date('period.to', L.to, p.to);
    if (r.period.from && r.period.to && r.period.to < r.period.from) {
      c.add('period.to', 'segments.check.periodOrder', { to: r.period.to, from: r.period.from });
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
    c.add('splitByGender', 'segments.check.split');
  }
  if (input.cap === 0 || input.cap === '0') c.add('cap', 'segments.check.capZero');
  else r.cap = c.int('cap', L.cap, input.cap, 1, 5_000_000);
  r.priority = c.oneOf('priority', L.priority, input.priority ?? 'NON_OPENERS_FIRST', PRIORITIES);
  r.openWindowMonths = c.int('openWindowMonths', L.window, input.openWindowMonths ?? 3, 1, 24) ?? 3;

  const d = isObj(input.delivery) ? input.delivery : {};
  const folder = typeof d.folderId === 'string' ? folderIdOf(d.folderId) : '';
  if (!folder) c.add('delivery.folderId', 'segments.check.folder');
  else if (!/^[A-Za-z0-9_-]{1,128}$/.test(folder))
    c.add('delivery.folderId', 'segments.check.folderInvalid', { folder: folder.slice(0, 80) });
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
      c.add('criteria.stores', 'segments.check.storeBrand', { code, brand: s.brand, brands: brands.join(', ') });
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
        c.add('criteria.cities', 'segments.check.cityProvince', { city, province: prov });
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
      if (min > max) c.add('criteria.childAge', 'segments.check.ageOrder', { min, max });
      else out.childAge = { min, max };
    } else if (min === null && max === null) c.add('criteria.childAge', 'segments.check.ageBoth');
  }
  if (isObj(k.affinity)) {
    const cats = c.known('criteria.affinity', L.category, k.affinity.categories, ref.categories);
    const score = typeof k.affinity.minScore === 'number' ? k.affinity.minScore : Number(k.affinity.minScore ?? 0.5);
    if (!Number.isFinite(score) || score < 0 || score > 1)
      c.add('criteria.affinity', 'segments.check.score', { value: String(k.affinity.minScore).slice(0, 20) });
    if (!cats.length && !c.problems.some((p) => p.field === 'criteria.affinity'))
      c.add('criteria.affinity', 'segments.check.affinity');
    else if (cats.length) out.affinity = { categories: cats, minScore: score };
  }
  if (isObj(k.payment)) {
    const methods = c.known('criteria.payment', L.method, k.payment.methods, ref.paymentMethods);
    const areas = c.known('criteria.payment', L.area, k.payment.areas ?? [], [...new Set(ref.stores.map((s) => s.area))]);
    if (!methods.length && !c.problems.some((p) => p.field === 'criteria.payment'))
      c.add('criteria.payment', 'segments.check.payment');
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
    if (from && to && to < from) c.add('criteria.voucherNotRedeemed', 'segments.check.voucherOrder', { to, from });
    else if (from && to) out.voucherNotRedeemed = { program, from, to };
  }
  return out;
}
