// The width Sheets' default font (Arial 10 pt, 13.33 px) gives a text, estimated from Arial's glyph widths (in em).
const FONT_PX = 13.33;
/** Space Sheets leaves around a cell's text when it fits a column to it (both sides and the grid line). */
export const AUTO_FIT_PADDING_PX = 12;

const EM: Array<[RegExp, number]> = [
  [/[.,:;'|!iIjl]/, 0.25],
  [/[ft]/, 0.3],
  [/[r ]/, 0.3],
  [/[mw]/, 0.8],
  [/[MW]/, 0.9],
  [/[0-9]/, 0.556],
  [/[a-z]/, 0.53],
  [/[A-Z]/, 0.68],
];

function emOf(ch: string): number {
  for (const [re, em] of EM) if (re.test(ch)) return em;
  return 0.6;
}

/** Estimated pixel width of one line of text in the default font (the longest line of a multi-line text). */
export function textWidthPx(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let em = 0;
    for (const ch of line) em += emOf(ch);
    widest = Math.max(widest, em * FONT_PX);
  }
  return widest;
}
