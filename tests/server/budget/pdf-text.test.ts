// The PDF's text against Helvetica's real encoding (pdf-lib's WinAnsi, which throws on anything it cannot encode and
// so would fail the whole monthly PDF): every text of the catalogue in both languages, every menu path, every format
// (Rupiah with its no-break space, percentages, dates, months, durations) prints as written; what users type
// (quotes, dashes, euro, emoji, accents, control characters) prints readably and never breaks the PDF. A line break
// is a space: the PDF draws each text on one line (descriptions are wrapped by width).
import { PDFDocument, PDFFont, StandardFonts } from 'pdf-lib';
import { pdfSafe } from '../../../src/server/budget/pdf-text';
import { CATALOGUE } from '../../../src/server/core/text/catalogue';
import { LANGS, menuPath, TextKey } from '../../../src/server/core/text';
import {
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
} from '../../../src/server/core/format';

let fonts: PDFFont[];

beforeAll(async () => {
  const doc = await PDFDocument.create();
  fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold)];
});

/** What Helvetica draws for `s`, or the encoding error pdf-lib would throw. */
function printed(s: string): string {
  const safe = pdfSafe(s);
  for (const f of fonts) {
    f.encodeText(safe);
    if (safe.trim() && !(f.widthOfTextAtSize(safe, 10) > 0)) throw new Error(`no width: ${JSON.stringify(safe)}`);
  }
  return safe;
}

/** The characters outside WinAnsi the catalogue may use, and how the PDF spells them. */
const SPELLED_IN_CATALOGUE: Record<string, string> = {
  '→': '->',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '▸': '>',
  '✅': 'v',
  '❌': 'x',
};
/** Emoji and their variation selector, dropped (the words around them carry the meaning). */
const DROPPED_IN_CATALOGUE = new Set(['⚠', 'ℹ', '\ufe0f']);

describe('pdfSafe', () => {
  it('prints every catalogue text in both languages, with its menu paths, as written', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(CATALOGUE)) {
      for (const lang of LANGS) {
        const text = (entry as { id: string; en: string })[lang].replace(/\{>([^{}]+)\}/g, (_, k: string) =>
          menuPath(k as TextKey, lang),
        );
        let out: string;
        try {
          out = printed(text);
        } catch (e) {
          problems.push(`${key} (${lang}): ${(e as Error).message}`);
          continue;
        }
        const expected = [...text]
          .map((ch) => SPELLED_IN_CATALOGUE[ch] ?? (DROPPED_IN_CATALOGUE.has(ch) ? '' : /\s/.test(ch) ? ' ' : ch))
          .join('')
          .replace(/ {2,}/g, ' ');
        if (out !== expected) problems.push(`${key} (${lang}): ${JSON.stringify(out)} ≠ ${JSON.stringify(expected)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('prints every format in both languages exactly (Rp and its no-break space, %, dates, months, times, durations)', () => {
    const at = Date.UTC(2026, 11, 1, 18, 5);
    for (const lang of LANGS) {
      const samples = [
        formatRupiah(28_488_600, lang),
        formatRupiah(-5_000, lang),
        formatRupiahCompact(46_800_000, lang),
        formatCompact(1_300_000_000, lang),
        formatNumber(1_234_567.5, 1, lang),
        formatPercent(21.8, 1, lang),
        formatDate(at, lang),
        formatTime(at, lang),
        formatDateTime(at, lang),
        formatDuration(3725, lang),
        ...Array.from({ length: 12 }, (_, m) => formatMonth(`2026-${String(m + 1).padStart(2, '0')}`, lang)),
        ...Array.from({ length: 12 }, (_, m) => formatMonthShort(`2026-${String(m + 1).padStart(2, '0')}`, lang)),
      ];
      for (const s of samples) expect(printed(s)).toBe(s);
    }
    expect(printed(formatRupiah(250_000, 'id'))).toBe('Rp\u00a0250.000');
    expect(printed(formatDateTime(at, 'id'))).toBe('2 Des 2026 01.05\u00a0WIB');
  });

  it('keeps the punctuation people type, spells arrows and checks, drops emoji, and never lets a character break the PDF', () => {
    expect(printed('Spanduk “Cikini” — 12 buah… biaya €5 ‘ekstra’ – selesai • ok')).toBe(
      'Spanduk “Cikini” — 12 buah… biaya €5 ‘ekstra’ – selesai • ok',
    );
    expect(printed('Ekstensi ▸ DataDesk ▸ Anggaran: Buka…')).toBe('Ekstensi > DataDesk > Anggaran: Buka…');
    expect(printed('✅ lunas 🎉🎉 👍🏽 ❤️ selesai')).toBe('v lunas selesai');
    expect(printed('Café Đà Lạt, Nguyễn, Škoda, ½ harga, ×2, ±5')).toBe('Café Dà Lat, Nguyen, Škoda, ½ harga, ×2, ±5');
    expect(printed('baris1\nbaris2\tkolom\u0001\u0080\u200b akhir\u202f%')).toBe('baris1 baris2 kolom akhir %');
    expect(printed('星巴克 kopi')).toBe('??? kopi'); // a script WinAnsi lacks: visible, never an encoding error
  });
});
