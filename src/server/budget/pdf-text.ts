// Text the PDF's standard fonts (Helvetica, WinAnsi encoding) can print, from any Unicode text: the catalogue's
// punctuation (— – “ ” ‘ ’ … € • · and the no-break space of "Rp 1.000") kept, arrows and checks spelled, emoji dropped.
// Kept apart from pdf.ts (which loads pdf-lib) so it is tested on its own against every text DataDesk can print.

/** Unicode characters Windows-1252 (WinAnsi, the standard fonts' encoding) holds in 0x80–0x9F. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Characters outside WinAnsi with a faithful plain spelling. */
const SPELLED: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '′': "'",
  '″': '"',
  '▸': '>',
  '▶': '>',
  '►': '>',
  '◂': '<',
  '◀': '<',
  '◄': '<',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  ı: 'i',
  '✓': 'v',
  '✔': 'v',
  '✅': 'v',
  '✗': 'x',
  '✘': 'x',
  '❌': 'x',
};

/**
 * Text the standard fonts can print: Latin-1 and WinAnsi's punctuation (— “ ” ‘ ’ … € •) as they are; accented
 * letters beyond Latin-1 without their accent; a few symbols spelled out; emoji and control characters dropped (the
 * text around them stays); anything else (a script WinAnsi lacks, e.g. Chinese) "?". pdf-lib throws on any character
 * WinAnsi cannot encode, which would fail the whole PDF, so every text drawn goes through here.
 */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of String(s)) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch)) out += ch;
    else if (/\s/.test(ch)) out += ' ';
    else if (/\p{Cc}/u.test(ch))
      continue; // control characters: pdf-lib refuses them ("WinAnsi cannot encode")
    else if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if (/\p{Extended_Pictographic}|\p{M}|[\u200b-\u200d\u2060]|\ufe0e|\ufe0f|[\u{1F3FB}-\u{1F3FF}]/u.test(ch)) continue;
    else {
      const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += bare && [...bare].every((b) => (b.codePointAt(0) ?? 0) <= 0xff) ? bare : '?';
    }
  }
  return out.replace(/ {2,}/g, ' ');
}
