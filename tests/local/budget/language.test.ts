// The language switch in the runtime: the menu follows each user's choice (and stays Bahasa Indonesia where no
// property can be read), every menu path a text names is an item of the built menu, and what DataDesk writes (a
// mail to each approver, a sheet, a PDF) is in one language — the reader's — without a word of the other.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgetWorld, BudgetWorld, U, ADMIN } from './fixture';
import { outcomeOf } from '../../support/rpc';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { foreignWords } from '../../support/language';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { outboxStore } from '../../../src/local/services/mail/index';
import { driveStore } from '../../../src/local/services/drive/index';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { CATALOGUE } from '../../../src/server/core/text/catalogue';
import { LANGS, tIn, TextKey } from '../../../src/server/core/text';
import { itemsFor, menuItems } from '../../../src/server/menu';
import type { AuthMode } from '../../../src/local/runtime/types';
import type { RuntimeEvent } from '../../../src/local/runtime/env';

jest.setTimeout(180_000);

/** Where the PDFs' first pages are rendered for a person to look at (git-ignored). */
const PDF_ARTIFACTS = join(__dirname, '..', '..', '..', 'artifacts', 'pdf');

let w: BudgetWorld;
let doc = '';

beforeAll(async () => {
  w = await budgetWorld('dd-budget-lang-');
  doc = getSpreadsheetStore(w.rt.env).create('Language test', { owner: ADMIN }).id;
  await w.rt.env.flush();
  w.rt.setDefaultDocumentId(doc);
});
afterAll(async () => w.rt.close());

/** The captions of the DataDesk menu `user` sees in the document now. */
function menuOf(user: string): string[] {
  const m = getSpreadsheetStore(w.rt.env)
    .getMenus(doc, user)
    .find((x) => x.addon);
  return (m?.items ?? []).flatMap((i) => ('caption' in i && i.caption ? [i.caption] : []));
}

async function open(user: string, authMode: AuthMode = 'LIMITED'): Promise<string[]> {
  const r = await w.rt.execute({ fn: 'onOpen', args: [{ authMode }], kind: 'simpleTrigger', user, documentId: doc, authMode });
  expect(r.ok).toBe(true);
  return menuOf(user);
}

const captions = (lang: 'id' | 'en') => menuItems().flatMap((m) => (m ? [tIn(lang, m.caption)] : []));
/** What a budget user without an add-on role sees when onOpen can read their roles. */
const budgetCaptions = (lang: 'id' | 'en') =>
  itemsFor(new Set(['budget'] as const)).flatMap((m) => (m ? [tIn(lang, m.caption)] : []));

describe('the menu', () => {
  it("is built in each user's language, switched from the sidebar, and in Bahasa Indonesia where nothing can be read", async () => {
    expect(await open(U.region)).toEqual(budgetCaptions('id'));
    await w.ok(U.region, 'app_setLanguage', 'en', null);
    expect(menuOf(U.region)).toEqual(budgetCaptions('en')); // the switch rebuilt it at once
    expect(await open(U.region)).toEqual(budgetCaptions('en'));
    expect(await open(U.branch)).toEqual(budgetCaptions('id')); // another user's choice is their own
    expect(await open(U.region, 'NONE')).toEqual(captions('id')); // nothing readable: every item, Bahasa Indonesia
    expect(budgetCaptions('en')).toContain('Budget: Open…');
  });

  it('holds every item a text names, in both languages', async () => {
    const refs = new Set(Object.values(CATALOGUE).flatMap((v) => [...v.id.matchAll(/\{>([^{}]+)\}/g)].map((m) => m[1])));
    expect(refs.size).toBeGreaterThan(3);
    for (const lang of LANGS) {
      // An admin's menu holds every item.
      await w.ok(ADMIN, 'app_setLanguage', lang, null);
      const built = await open(ADMIN);
      expect(built).toEqual(captions(lang));
      for (const key of refs)
        expect({ key, lang, inMenu: built.includes(tIn(lang, key as TextKey)) }).toEqual({ key, lang, inMenu: true });
    }
    await w.ok(ADMIN, 'app_setLanguage', 'id', null);
  });

  it('refuses a language or a page it does not know, in both languages, and keeps the language as it was', async () => {
    const r = await w.as(U.branch, 'app_setLanguage', 'fr', null);
    expect(r.code).toBe('INVALID');
    expect(r.message).toBe('Bahasa tidak dikenal: "fr".');
    expect(r.messageEn).toBe('Unknown language: "fr".');
    const p = await w.as(U.branch, 'app_setLanguage', 'en', '../appsscript');
    expect([p.code, p.message, p.messageEn]).toEqual([
      'INVALID',
      'Halaman tidak dikenal: "../appsscript".',
      'Unknown page: "../appsscript".',
    ]);
    expect(await open(U.branch)).toEqual(budgetCaptions('id'));
  });

  it('opens the page that switched again in the new language, so its title bar follows (sidebar and dialog)', async () => {
    const shown: Array<{ action: string; title: string; lang: string | undefined }> = [];
    const listen = (e: RuntimeEvent) => {
      if (e.type !== 'ui' || (e.action !== 'showSidebar' && e.action !== 'showModalDialog')) return;
      const p = e.payload as { title: string; content: string };
      shown.push({ action: e.action, title: p.title, lang: /<html lang="(\w+)">/.exec(p.content)?.[1] });
    };
    w.rt.env.on('event', listen);
    try {
      await w.ok(U.gm, 'app_setLanguage', 'en', 'budget');
      await w.ok(U.gm, 'app_setLanguage', 'id', 'budget-dashboard');
    } finally {
      w.rt.env.off('event', listen);
    }
    expect(shown).toEqual([
      { action: 'showSidebar', title: 'DataDesk · Budget', lang: 'en' },
      { action: 'showModalDialog', title: 'DataDesk · Dasbor Anggaran', lang: 'id' },
    ]);
  });
});

describe('what DataDesk writes', () => {
  it('mails each approver the digest in their own language, without a word of the other', async () => {
    await w.ok(
      U.cluster,
      'budget_submitEvidence',
      { clusterId: 'C1', month: '2030-11', pointType: 'SF', description: 'Insentif', amount: '1,5 jt', date: '2030-11-19' },
      [{ name: 'n.png', data: Buffer.from(receiptPng(41)).toString('base64') }],
    );
    const outbox = outboxStore(w.rt.env);
    const before = outbox.list().length;
    // the budget admin's own hourly trigger sends the digests
    expect(outcomeOf(await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid)).ok).toBe(true);
    const sent = outbox.list().slice(before);
    const to = (who: string) => sent.find((m) => m.to.includes(who))!;
    const en = to(U.region);
    const id = to(U.branch);
    expect(en.subject).toMatch(/^DataDesk Budget: 1 evidence item waiting for approval \(20 Nov 2030\)$/);
    expect(en.body).toMatch(/1 evidence item worth Rp\s1,500,000 is waiting/);
    expect(en.body).toContain('Extensions ▸ DataDesk ▸ Budget: Open…');
    expect(id.subject).toBe('DataDesk Anggaran: 1 bukti menunggu persetujuan (20 Nov 2030)');
    expect(id.body).toMatch(/1 bukti senilai Rp\s1\.500\.000 menunggu keputusan Anda/);
    expect(id.body).toContain('Ekstensi ▸ DataDesk ▸ Anggaran: Buka…');
    expect(foreignWords(`${en.subject}\n${en.body}`, 'en')).toEqual([]);
    expect(foreignWords(`${id.subject}\n${id.body}`, 'id')).toEqual([]);
  });

  it("writes the dashboard sheet in the caller's language", async () => {
    await w.ok(U.area, 'budget_setAllocation', 'C1', '2030-11', 5_000_000);
    const en = await w.ok(U.region, 'budget_dashboardToSheet', null, '2030-11');
    const id = await w.ok(U.branch, 'budget_dashboardToSheet', null, '2030-11');
    expect(en.sheetName).toBe('Budget R1 2030-11');
    expect(id.sheetName).toBe('Anggaran B1 2030-11');
    const header = async (name: string) => {
      const r = await w.rt.execute({
        fn: '__t',
        args: [name],
        user: ADMIN,
        documentId: doc,
        script:
          'function __t(n) { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(n); return sh.getRange(1, 1, 1, 6).getValues()[0]; }',
      });
      return r.value as string[];
    };
    expect(await header(en.sheetName)).toEqual(['Code', 'Name', 'Allocation', 'Realisation (approved)', 'Waiting', '% used']);
    expect(await header(id.sheetName)).toEqual(['Kode', 'Nama', 'Alokasi', 'Realisasi (disetujui)', 'Menunggu', '% terpakai']);
  });

  it("makes the PDF in the caller's language, Indonesian text, Rupiah and common punctuation printed as written", async () => {
    const description = 'Spanduk “Cikini” — 12 buah… biaya €5 ‘ekstra’ ✅ 🎉 selesai\u0001 (Ekstensi ▸ DataDesk)';
    const ev = await w.ok(
      U.cluster,
      'budget_submitEvidence',
      { clusterId: 'C1', month: '2030-11', pointType: 'OUTLET', description, amount: 250_000, date: '2030-11-18' },
      [{ name: 'foto.png', data: Buffer.from(receiptPng(42)).toString('base64') }],
    );
    await w.ok(U.mcot, 'budget_approve', ev.id);
    /** Makes the PDF as `user` and returns its file name and its text as pdftotext reads it (page 1 rendered to a PNG). */
    const pdfAs = async (user: string, shot: string) => {
      const job = await w.ok(user, 'budget_makePdf', 'C1', '2030-11');
      const done = await w.ok(user, 'budget_pdfStatus', job.requestId);
      expect(done.fileId).toBeTruthy();
      const dir = mkdtempSync(join(tmpdir(), 'dd-budget-pdftext-'));
      const pdf = join(dir, 'r.pdf');
      writeFileSync(pdf, driveStore(w.rt.env).readBytes(done.fileId!));
      execFileSync('pdftotext', ['-layout', pdf, join(dir, 'r.txt')]);
      mkdirSync(PDF_ARTIFACTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, join(PDF_ARTIFACTS, shot)]);
      return { name: done.name, text: readFileSync(join(dir, 'r.txt'), 'utf8') };
    };
    const printed = 'Spanduk “Cikini” — 12 buah… biaya €5 ‘ekstra’ v selesai (Ekstensi > DataDesk)';
    // pdftotext (poppler-utils) is installed by the project's test set-up; a missing tool fails here, never skips.
    const en = await pdfAs(U.region, 'budget-pdf-en');
    expect(en.name).toBe('Report C1 2030-11.pdf');
    expect(en.text).toContain('Monthly marketing fee report');
    expect(en.text).toContain(printed);
    expect(en.text).toMatch(/Month\s+November 2030/);
    expect(en.text).toMatch(/Approved\s+Rp\s250,000/);
    expect(en.text).toMatch(/Date\s+18 Nov 2030/);
    expect(en.text).toMatch(/Generated \d+ Nov 2030 \d\d:\d\d\sWIB by region@t\.id/);
    expect(en.text).not.toContain('?');
    expect(foreignWords(en.text.replace(/Spanduk[^\n]*|Insentif[^\n]*/g, ''), 'en')).toEqual([]);

    const id = await pdfAs(U.branch, 'budget-pdf-id');
    expect(id.name).toBe('Laporan C1 2030-11.pdf');
    expect(id.text).toContain('Laporan Bulanan Marketing Fee');
    expect(id.text).toContain(printed);
    expect(id.text).toMatch(/Bulan\s+November 2030/);
    expect(id.text).toMatch(/Realisasi\s+Rp\s250\.000/);
    expect(id.text).toMatch(/Tanggal\s+18 Nov 2030/);
    expect(id.text).toMatch(/Terpakai\s+\d+,\d\s%/);
    expect(id.text).toMatch(/Dibuat \d+ Nov 2030 \d\d\.\d\d\sWIB oleh branch@t\.id/);
    expect(id.text).not.toContain('?');
    expect(foreignWords(id.text.replace(/Spanduk[^\n]*|Insentif[^\n]*/g, ''), 'id')).toEqual([]);
  });
});
