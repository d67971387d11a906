// Report file names from the pattern, and the matcher that decides which files in a folder are this report's.
import { invalid } from '../core/errors';
import { cleanName, FILE_NAME_FORBIDDEN, hasInvisible } from '../core/names';
import { msg } from '../core/text';

export const DEFAULT_PATTERN = 'DC_Orders_<BU>_<YYYY-MM>.xlsx';

/** Characters Drive allows but that would make a name ambiguous or unsafe on download. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in file names on purpose
const BAD_NAME_CHARS = /[\\/:*?"<>|\u0000-\u001f]/;

/** Checks a file-name pattern: it names the BU and the month, so every file is unique per BU and month. */
export function checkPattern(pattern: string): string {
  const p = pattern.trim();
  const bare = p.replace(/<BU>|<YYYY-MM>|<YYYY>|<MM>/g, '');
  const hasMonth = p.includes('<YYYY-MM>') || (p.includes('<YYYY>') && p.includes('<MM>'));
  if (
    !p.includes('<BU>') ||
    !hasMonth ||
    !p.toLowerCase().endsWith('.xlsx') ||
    BAD_NAME_CHARS.test(bare) ||
    hasInvisible(p) ||
    p.length > 120
  ) {
    throw invalid(msg('reports.error.pattern', { pattern: String(pattern).slice(0, 140) }));
  }
  return p;
}

/** The business-unit code as it appears in a file name (core/names.ts; spaces become underscores). */
export function safeBu(bu: string): string {
  return cleanName(bu, { max: 60, forbidden: FILE_NAME_FORBIDDEN, fallback: 'BU' }).replace(/ /g, '_');
}

/** DC_Orders_<BU>_<YYYY-MM>.xlsx with BU "FASHION" and month "2026-10" → DC_Orders_FASHION_2026-10.xlsx. */
export function fileName(pattern: string, bu: string, month: string): string {
  const [yyyy, mm] = month.split('-');
  return pattern
    .replace(/<BU>/g, safeBu(bu))
    .replace(/<YYYY-MM>/g, month)
    .replace(/<YYYY>/g, yyyy)
    .replace(/<MM>/g, mm);
}

/** Numbered parts keep the pattern's name with "_bagian_NN" before the extension (fixed, so any reader's matcher finds them). */
const PART_SUFFIX = /_bagian_\d{2,3}(\.xlsx)$/i;

/** DC_Orders_FASHION_2026-10.xlsx, part 2 → DC_Orders_FASHION_2026-10_bagian_02.xlsx. */
export function partName(name: string, part: number): string {
  return name.replace(/(\.xlsx)$/i, `_bagian_${String(part).padStart(2, '0')}$1`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches the names this report gives a BU's files (and their numbered parts) for any month — and nothing else. */
export function reportFileMatcher(pattern: string, bu: string): (name: string) => boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split(/(<BU>|<YYYY-MM>|<YYYY>|<MM>)/)
        .map((part) =>
          part === '<BU>'
            ? escapeRe(safeBu(bu))
            : part === '<YYYY-MM>'
              ? '\\d{4}-(0[1-9]|1[0-2])'
              : part === '<YYYY>'
                ? '\\d{4}'
                : part === '<MM>'
                  ? '(0[1-9]|1[0-2])'
                  : escapeRe(part),
        )
        .join('') +
      '$',
  );
  return (name) => re.test(name) || (PART_SUFFIX.test(name) && re.test(name.replace(PART_SUFFIX, '$1')));
}
