// The one sanitiser for every name DataDesk gives a file, folder or sheet: no bidirectional overrides, zero-width or
// control characters (a name must read as it sorts and opens), no characters Drive, Sheets or a download refuse.

/**
 * Characters that change how a name reads without being seen: C0/C1 controls, soft hyphen, Arabic letter mark,
 * Mongolian vowel separator, zero-width space/joiners, LRM/RLM, the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, Unicode TR #9), word joiner and invisible operators, the BOM, Hangul fillers and
 * interlinear annotation marks.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters from names is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]/g;

/** Characters a file name may not hold (Windows and macOS refuse them on download; / splits a Drive path). */
export const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|]/g;
/** Characters a sheet name may not hold (Excel refuses them; Sheets' A1 notation would need quoting). */
export const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

export interface NameRules {
  /** Longest result, in characters (a surrogate pair is never cut). */
  max: number;
  /** Characters replaced by a space (a global regex). */
  forbidden: RegExp;
  /** What to use when nothing readable is left. */
  fallback: string;
}

/** Invisible and forbidden characters out, spaces collapsed, leading dots and spaces off, at most `max` long. */
export function cleanName(text: string, rules: NameRules): string {
  const chars = Array.from(
    String(text ?? '')
      .normalize('NFC')
      .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
      .replace(INVISIBLE, '')
      .replace(rules.forbidden, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+/, '')
      .trim(),
  );
  const s = chars.slice(0, rules.max).join('').trim();
  return s || rules.fallback;
}

/** A Drive file or folder name (Drive itself allows 255; 120 keeps paths readable when downloaded). */
export function fileName(text: string, fallback = 'DataDesk'): string {
  return cleanName(text, { max: 120, forbidden: FILE_NAME_FORBIDDEN, fallback });
}

/** A sheet (tab) name: Sheets allows 100 characters, Excel 31 (pass `max`). */
export function sheetTitle(text: string, max = 100, fallback = 'Sheet1'): string {
  return cleanName(text, { max, forbidden: SHEET_NAME_FORBIDDEN, fallback });
}

/** True when `text` holds a character cleanName removes unseen (for validation messages). */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text);
}
