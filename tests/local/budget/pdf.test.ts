// The monthly PDF of a cluster: built by pdf-lib inside the runtime (no Node APIs, no timers), saved to the cluster's
// Drive folder, then rendered to PNG with poppler's pdftoppm and its pages checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { budgetWorld, BudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { driveStore } from '../../../src/local/services/drive/index';

jest.setTimeout(180_000);

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function receiptPdf(pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++)
    doc.addPage([300, 400]).drawText(`Kuitansi halaman ${i + 1}`, { x: 20, y: 350, size: 14, font });
  return Buffer.from(await doc.save()).toString('base64');
}

let w: BudgetWorld;
beforeAll(async () => {
  w = await budgetWorld('dd-budget-pdf-');
});
afterAll(async () => w.rt.close());

describe('monthly PDF', () => {
  it('is made in the runtime, saved to the cluster folder, and has a summary page plus one page per approved item with PDF receipts appended', async () => {
    await w.ok(U.area, 'budget_setAllocation', 'C1', '2030-11', 5_000_000);
    await w.ok(U.region, 'budget_saveRecommendation', 'C1', '2030-11', { OUTLET: 2_000_000, SF: 1_000_000 });
    const a = await w.ok(
      U.cluster,
      'budget_submitEvidence',
      {
        clusterId: 'C1',
        month: '2030-11',
        pointType: 'OUTLET',
        description: 'Spanduk outlet Cikini Raya (12 buah)',
        amount: 1_250_000,
        date: '2030-11-05',
      },
      [{ name: 'foto-spanduk.png', data: Buffer.from(receiptPng(7, 240, 320)).toString('base64') }],
    );
    const b = await w.ok(
      U.cluster,
      'budget_submitEvidence',
      {
        clusterId: 'C1',
        month: '2030-11',
        pointType: 'SF',
        description: 'Insentif sales force minggu 2',
        amount: 600_000,
        date: '2030-11-12',
      },
      [
        { name: 'foto.png', data: Buffer.from(receiptPng(8)).toString('base64') },
        { name: 'kuitansi.pdf', data: await receiptPdf(2) },
      ],
    );
    await w.ok(U.mcot, 'budget_approve', a.id);
    await w.ok(U.mcot, 'budget_approve', b.id);

    const started = await w.as(U.region, 'budget_makePdf', 'C1', '2030-11');
    expect(started.ok).toBe(true);
    expect(started.value.status).toBe('running');
    const job = await w.ok(U.region, 'budget_pdfStatus', started.value.requestId);
    expect(job).toMatchObject({ status: 'done', pages: 5, name: 'Laporan C1 2030-11.pdf' });
    // another user cannot read this user's job
    expect((await w.as(U.mcot, 'budget_pdfStatus', started.value.requestId)).code).toBe('NOT_FOUND');

    const drive = driveStore(w.rt.env);
    const bytes = drive.readBytes(job.fileId!);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // in the cluster's PDF folder of the budget tree, in the budget admin's My Drive
    expect(drive.pathOf(job.fileId!)).toBe(
      '/My Drive/DataDesk Anggaran/Laporan PDF/C1 Cikini · Laporan PDF/Laporan C1 2030-11.pdf',
    );
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBe(5);

    if (!hasPdftoppm) {
      console.warn('pdftoppm (poppler-utils) is missing: skipping the PNG rendering check');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'dd-budget-pdfpng-'));
    writeFileSync(join(dir, 'r.pdf'), bytes);
    execFileSync('pdftoppm', ['-png', '-r', '50', join(dir, 'r.pdf'), join(dir, 'p')]);
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(pngs).toHaveLength(5);
    const size = (f: string) => {
      const b = require('node:fs').readFileSync(join(dir, f)) as Buffer;
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    if (process.env.DATADESK_KEEP_PDF) execFileSync('cp', ['-r', dir, process.env.DATADESK_KEEP_PDF]);
    const near = ([w0, h0]: number[], [w1, h1]: number[]) => Math.abs(w0 - w1) <= 1 && Math.abs(h0 - h1) <= 1;
    expect(near(size(pngs[0]), [(595.28 * 50) / 72, (841.89 * 50) / 72])).toBe(true); // A4 at 50 dpi
    expect(near(size(pngs[1]), [(595.28 * 50) / 72, (841.89 * 50) / 72])).toBe(true);
    expect(near(size(pngs[4]), [(300 * 50) / 72, (400 * 50) / 72])).toBe(true); // the appended 300×400 pt receipt page
    // the item page carries the picture: far more non-white pixels than an empty page would have (size as a proxy)
    expect(require('node:fs').statSync(join(dir, pngs[1])).size).toBeGreaterThan(
      require('node:fs').statSync(join(dir, pngs[4])).size,
    );
    expect(existsSync(join(dir, pngs[1]))).toBe(true);
  });
});
