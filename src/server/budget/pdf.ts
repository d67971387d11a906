// The monthly PDF of a cluster with pdf-lib (pure JS, no Node APIs): a summary page, then one page per approved item.
// pdf-lib is handed in by the caller (loaded on demand: it is not part of Code.js); only its types are imported here.
/// <reference path="./pdf-lib.d.ts" />
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib/dist/pdf-lib.esm.js';
import type * as PdfLibModule from 'pdf-lib/dist/pdf-lib.esm.js';
import { formatDate, formatDateTime, formatMonth as monthName, formatPercent, formatRupiah } from '../core/format';
import { t, TextKey } from '../core/text';
import { pdfSafe } from './pdf-text';

/** The pdf-lib module (platform/code.ts loadPdfLib gives it). */
export type PdfLib = typeof PdfLibModule;

export interface PdfFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface PdfItem {
  id: number;
  pointType: string;
  description: string;
  amount: number;
  date: string;
  decidedBy: string;
  /** Epoch ms of the approval; null when unknown. */
  decidedAt: number | null;
  files: PdfFile[];
}

export interface PdfData {
  clusterId: string;
  clusterName: string;
  path: string;
  month: string;
  allocation: number;
  pointTypes: Array<{ code: string; recommendation: number; approved: number }>;
  items: PdfItem[];
  /** Epoch ms. */
  generatedAt: number;
  generatedBy: string;
}

const A4: [number, number] = [595.28, 841.89];
const M = 48;
/** The colours of the report, made with the loaded library's rgb(). */
interface Ink {
  lib: PdfLib;
  blue: RGB;
  grey: RGB;
  text: RGB;
}

function inkOf(lib: PdfLib): Ink {
  return { lib, blue: lib.rgb(0.1, 0.45, 0.91), grey: lib.rgb(0.37, 0.39, 0.41), text: lib.rgb(0.13, 0.13, 0.14) };
}

function text(page: PDFPage, font: PDFFont, s: string, x: number, y: number, size: number, color: RGB): void {
  page.drawText(pdfSafe(s), { x, y, size, font, color });
}

/** Text ending at `right`: the figures of a column (and their header) line up on their last digit. */
function textRight(page: PDFPage, font: PDFFont, s: string, right: number, y: number, size: number, color: RGB): void {
  text(page, font, s, right - font.widthOfTextAtSize(pdfSafe(s), size), y, size, color);
}

/** Wraps text to lines no wider than `width`. */
function wrap(font: PDFFont, s: string, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of pdfSafe(s).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

function summaryPage(doc: PDFDocument, d: PdfData, font: PDFFont, bold: PDFFont, ink: Ink): void {
  const { blue: BLUE, grey: GREY, text: INK } = ink;
  const page = doc.addPage(A4);
  let y = A4[1] - M;
  text(page, bold, t('budget.pdf.title'), M, y, 18, BLUE);
  y -= 36;
  const approved = d.pointTypes.reduce((a, p) => a + p.approved, 0);
  const lines: Array<[TextKey, string]> = [
    ['budget.pdf.cluster', `${d.clusterName} (${d.clusterId})`],
    ['budget.pdf.hierarchy', d.path],
    ['budget.pdf.month', monthName(d.month)],
    ['budget.pdf.allocation', formatRupiah(d.allocation)],
    ['budget.pdf.approved', formatRupiah(approved)],
    ['budget.pdf.remaining', formatRupiah(d.allocation - approved)],
    ['budget.pdf.used', d.allocation > 0 ? formatPercent((approved / d.allocation) * 100) : '–'],
    ['budget.pdf.items', String(d.items.length)],
  ];
  for (const [k, v] of lines) {
    text(page, font, t(k), M, y, 10, GREY);
    text(page, bold, v, M + 170, y, 10, INK);
    y -= 16;
  }
  y -= 14;
  text(page, bold, t('budget.pdf.perPointType'), M, y, 12, INK);
  y -= 18;
  // The point type on the left; the three figures right-aligned, the last column ending at the right margin, so a
  // longer header ("% of recommendation" in English) stays inside the page.
  const right = [M + 250, M + 360, A4[0] - M];
  text(page, bold, t('budget.pdf.pointType'), M, y, 9, GREY);
  (['budget.pdf.recommendation', 'budget.pdf.approved', 'budget.pdf.ofRecommendation'] as const).forEach((h, i) =>
    textRight(page, bold, t(h), right[i], y, 9, GREY),
  );
  y -= 14;
  const max = Math.max(1, ...d.pointTypes.map((p) => Math.max(p.recommendation, p.approved)));
  for (const p of d.pointTypes) {
    text(page, font, p.code, M, y, 10, INK);
    textRight(page, font, formatRupiah(p.recommendation), right[0], y, 10, INK);
    textRight(page, font, formatRupiah(p.approved), right[1], y, 10, INK);
    const pct = p.recommendation > 0 ? formatPercent((p.approved / p.recommendation) * 100, 0) : '–';
    textRight(page, font, pct, right[2], y, 10, INK);
    y -= 8;
    const w = A4[0] - 2 * M;
    page.drawRectangle({ x: M, y: y - 4, width: (w * p.recommendation) / max, height: 4, color: ink.lib.rgb(0.8, 0.85, 0.95) });
    page.drawRectangle({
      x: M,
      y: y - 10,
      width: (w * p.approved) / max,
      height: 4,
      color: p.approved > p.recommendation ? ink.lib.rgb(0.85, 0.2, 0.15) : BLUE,
    });
    y -= 24;
  }
  text(page, font, t('budget.pdf.generated', { at: d.generatedAt, by: d.generatedBy }), M, M - 10, 8, GREY);
}

async function itemPages(
  doc: PDFDocument,
  it: PdfItem,
  index: number,
  total: number,
  font: PDFFont,
  bold: PDFFont,
  ink: Ink,
): Promise<void> {
  const { blue: BLUE, grey: GREY, text: INK } = ink;
  const page = doc.addPage(A4);
  let y = A4[1] - M;
  text(page, bold, t('budget.pdf.item', { id: it.id, n: index + 1, total }), M, y, 14, BLUE);
  y -= 22;
  const rows: Array<[TextKey, string]> = [
    ['budget.pdf.pointType', it.pointType],
    ['budget.pdf.amount', formatRupiah(it.amount)],
    ['budget.pdf.date', formatDate(it.date)],
    ['budget.pdf.decided', `${it.decidedAt === null ? '–' : formatDateTime(it.decidedAt)} · ${it.decidedBy}`],
  ];
  for (const [k, v] of rows) {
    text(page, font, t(k), M, y, 10, GREY);
    text(page, bold, v, M + 150, y, 10, INK);
    y -= 15;
  }
  for (const line of wrap(font, it.description, 10, A4[0] - 2 * M).slice(0, 6)) {
    text(page, font, line, M, y, 10, INK);
    y -= 13;
  }
  y -= 8;
  const images = it.files.filter((f) => f.mime === 'image/jpeg' || f.mime === 'image/png');
  const pdfs = it.files.filter((f) => f.mime === 'application/pdf');
  const notes: string[] = it.files
    .filter((f) => !images.includes(f) && !pdfs.includes(f))
    .map((f) => t('budget.pdf.refusedFile', { name: f.name }));
  if (images.length) {
    const slotH = (y - M) / images.length - 8;
    for (const f of images) {
      try {
        const img = f.mime === 'image/png' ? await doc.embedPng(f.bytes) : await doc.embedJpg(f.bytes);
        const scale = Math.min((A4[0] - 2 * M) / img.width, slotH / img.height, 1);
        const w = img.width * scale;
        const h = img.height * scale;
        page.drawImage(img, { x: M, y: y - h, width: w, height: h });
        y -= h + 8;
      } catch (_e) {
        notes.push(t('common.pdf.unreadableImage', { file: f.name }));
      }
    }
  }
  for (const f of pdfs) {
    try {
      const src = await ink.lib.PDFDocument.load(f.bytes, {
        parseSpeed: ink.lib.ParseSpeeds.Fastest,
        ignoreEncryption: true,
        updateMetadata: false,
      });
      const pages = await doc.copyPages(src, src.getPageIndices());
      pages.forEach((p) => doc.addPage(p));
      notes.push(t('budget.pdf.appended', { file: f.name, pages: pages.length }));
    } catch {
      notes.push(t('budget.pdf.unreadablePdf', { file: f.name }));
    }
  }
  let ny = M;
  for (const n of notes) {
    text(page, font, n, M, ny, 8, GREY);
    ny += 11;
  }
}

/** Builds the PDF; resolves within the same execution (no timers: objectsPerTick/parseSpeed are unlimited). */
export async function buildMonthlyPdf(d: PdfData, lib: PdfLib): Promise<{ bytes: Uint8Array; pages: number }> {
  const ink = inkOf(lib);
  const doc = await lib.PDFDocument.create({ updateMetadata: false });
  doc.setTitle(t('budget.pdf.docTitle', { cluster: d.clusterName, month: d.month }));
  doc.setProducer('DataDesk');
  const font = await doc.embedFont(lib.StandardFonts.Helvetica);
  const bold = await doc.embedFont(lib.StandardFonts.HelveticaBold);
  summaryPage(doc, d, font, bold, ink);
  for (let i = 0; i < d.items.length; i++) await itemPages(doc, d.items[i], i, d.items.length, font, bold, ink);
  const bytes = await doc.save({ objectsPerTick: Infinity });
  return { bytes, pages: doc.getPageCount() };
}
