// The language texts and formats are produced in: Bahasa Indonesia by default, English by each user's own switch.

export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

export const DEFAULT_LANG: Lang = 'id';

export function isLang(v: unknown): v is Lang {
  return v === 'id' || v === 'en';
}

let fixed: Lang | null = null;
let source: (() => Lang) | null = null;

/**
 * The language of this execution (server) or page (client). A source installed with `setLangSource` is asked once, on
 * first use, so an execution that never shows a text never reads the user's setting.
 */
export function currentLang(): Lang {
  if (fixed) return fixed;
  if (source) {
    const ask = source;
    source = null;
    try {
      fixed = ask();
    } catch {
      fixed = DEFAULT_LANG; // e.g. onOpen in AuthMode.NONE, where no property can be read
    }
    return fixed ?? DEFAULT_LANG;
  }
  return DEFAULT_LANG;
}

/** Fixes the language from now on (a sidebar after its switch, a test). */
export function setLang(lang: Lang): void {
  fixed = lang;
  source = null;
}

/** Where the language comes from when first needed (the server: the caller's user property). */
export function setLangSource(ask: () => Lang): void {
  fixed = null;
  source = ask;
}

/** Runs `fn` with texts and formats in `lang` (a mail to another person in their language), then restores. */
export function withLang<T>(lang: Lang, fn: () => T): T {
  const before = { fixed, source };
  fixed = lang;
  source = null;
  try {
    return fn();
  } finally {
    fixed = before.fixed;
    source = before.source;
  }
}
