// The one way DataDesk says anything: typed keys into one catalogue (Bahasa Indonesia and English), rendered with
// their parameters in the current language (`t`) or in both (`msg`, for errors and stored outcomes shown later).
//
// Placeholders: {name} a value as is (text, a number, or a Msg rendered in the same language); {name:kind} a formatted
// value (rp, num, pct, compact, rpCompact, date, dateTime, time, month, monthShort, dur); {n|one|other} the word for
// the count n (English plurals); {>key} the menu path "Extensions ▸ DataDesk ▸ <caption of key>".
import { CATALOGUE } from './catalogue';
import { currentLang, Lang } from './lang';
import {
  DateLike,
  formatCompact,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahCompact,
  formatTime,
} from '../format';

export type { Lang } from './lang';
export { currentLang, setLang, setLangSource, withLang, isLang, LANGS, DEFAULT_LANG } from './lang';

type Catalogue = typeof CATALOGUE;
/** Every text DataDesk can show. */
export type TextKey = keyof Catalogue;

declare const MSG: unique symbol;
/** A text in both languages: what crosses to a sidebar or is stored (an error, a run's outcome) to be shown later. */
export type Msg = { readonly id: string; readonly en: string; readonly [MSG]: true };

/** What a plain {name} placeholder takes. */
export type Plain = string | number | Msg | readonly Msg[];

const FORMATS = {
  rp: (v: number, l: Lang) => formatRupiah(v, l),
  num: (v: number, l: Lang) => formatNumber(v, undefined, l),
  pct: (v: number, l: Lang) => formatPercent(v, 1, l),
  compact: (v: number, l: Lang) => formatCompact(v, l),
  rpCompact: (v: number, l: Lang) => formatRupiahCompact(v, l),
  date: (v: DateLike, l: Lang) => formatDate(v, l),
  dateTime: (v: DateLike, l: Lang) => formatDateTime(v, l),
  time: (v: DateLike, l: Lang) => formatTime(v, l),
  month: (v: string, l: Lang) => formatMonth(v, l),
  monthShort: (v: string, l: Lang) => formatMonthShort(v, l),
  dur: (v: number, l: Lang) => formatDuration(v, l),
};
type Kind = keyof typeof FORMATS;

type One<P extends string> = P extends `>${string}`
  ? unknown
  : P extends `${infer N}|${string}`
    ? { [k in N]: number }
    : P extends `${infer N}:${infer K}`
      ? K extends Kind
        ? { [k in N]: Parameters<(typeof FORMATS)[K]>[0] }
        : { [k in N]: never }
      : { [k in P]: Plain };
type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer R}` ? One<P> & ParamsOf<R> : unknown;

/** The parameters of a key, from its Indonesian text. */
export type TextParams<K extends TextKey> = ParamsOf<Catalogue[K]['id']>;
/** `[]` for a text without placeholders, `[params]` otherwise. */
export type TextArgs<K extends TextKey> = keyof TextParams<K> extends never ? [] : [params: TextParams<K>];

const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && 'id' in v && 'en' in v;

function plain(v: unknown, lang: Lang): string {
  if (Array.isArray(v)) return v.map((x) => plain(x, lang)).join('; ');
  if (isMsg(v)) return v[lang];
  return v === null || v === undefined ? '' : String(v);
}

/** The menu path of a menu caption key, as users read it in the spreadsheet. */
export function menuPath(key: TextKey, lang: Lang = currentLang()): string {
  return `${render(lang, 'menu.extensions')} ▸ DataDesk ▸ ${render(lang, key)}`;
}

/** A key's text in `lang` with its parameters filled in. */
export function render(lang: Lang, key: TextKey, params: Record<string, unknown> = {}): string {
  const entry = CATALOGUE[key] as { id: string; en: string } | undefined;
  if (!entry) throw new Error(`unknown text key ${String(key)}`);
  return entry[lang].replace(/\{([^{}]+)\}(\.?)/g, (_, spec: string, dot: string) => {
    // A sentence ending on a menu path whose caption ends in "…" takes no second full stop ("Pengaturan…", not "….").
    if (spec.startsWith('>')) {
      const path = menuPath(spec.slice(1) as TextKey, lang);
      return path.endsWith('…') ? path : path + dot;
    }
    return fill(spec, params, key, lang) + dot;
  });
}

/** One placeholder's text: a plural choice, a formatted value or the plain value. */
function fill(spec: string, params: Record<string, unknown>, key: TextKey, lang: Lang): string {
  const plural = /^(\w+)\|([^|]*)\|([^|]*)$/.exec(spec);
  if (plural) return Number(params[plural[1]]) === 1 ? plural[2] : plural[3];
  const [name, kind] = spec.split(':');
  const v = params[name];
  if (!kind) return plain(v, lang);
  const f = FORMATS[kind as Kind] as ((x: unknown, l: Lang) => string) | undefined;
  if (!f) throw new Error(`text ${String(key)}: unknown format ${kind}`);
  return v === null || v === undefined || v === '' ? '–' : f(v, lang);
}

/** The text of `key` in the current language: `t('budget.approve.confirm', { count, total })`. */
export function t<K extends TextKey>(key: K, ...args: TextArgs<K>): string {
  return render(currentLang(), key, (args[0] ?? {}) as Record<string, unknown>);
}

/** The text of `key` in a given language (a mail to another person in theirs). */
export function tIn<K extends TextKey>(lang: Lang, key: K, ...args: TextArgs<K>): string {
  return render(lang, key, (args[0] ?? {}) as Record<string, unknown>);
}

/** The text of `key` in both languages, for an error or an outcome stored and shown later in the reader's language. */
export function msg<K extends TextKey>(key: K, ...args: TextArgs<K>): Msg {
  const p = (args[0] ?? {}) as Record<string, unknown>;
  return { id: render('id', key, p), en: render('en', key, p) } as Msg;
}

/** A Msg in the current language. */
export function pick(m: Msg | { id: string; en: string }): string {
  return m[currentLang()];
}
