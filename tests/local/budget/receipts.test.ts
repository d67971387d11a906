// Receipts with active content or two identities are refused at upload with a clear message (nothing stored), and a
// stored receipt is served only as what its bytes are now: in the runtime, through the cluster's and approver's RPCs.
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { rpcUntyped } from '../../support/rpc';
import { budgetWorld, BudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/index';

jest.setTimeout(180_000);

let w: BudgetWorld;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const ev = (description: string) => ({
  clusterId: 'C1',
  month: '2030-11',
  pointType: 'OUTLET',
  description,
  amount: 125000,
  date: '2030-11-19',
});
const count = async (table: string) =>
  Number((await database(w.rt.env).query<{ n: string }>(`SELECT count(*) AS n FROM budget.${table}`)).rows[0].n);
const driveFiles = () => driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length;
const jpg = () =>
  Uint8Array.from(jpeg.encode({ data: Buffer.alloc(32 * 32 * 4, 180), width: 32, height: 32 }, 85).data as unknown as Uint8Array);

async function scriptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]).drawText('Nota Rp 125.000');
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("x")') }));
  return doc.save({ useObjectStreams: true });
}

beforeAll(async () => {
  w = await budgetWorld('dd-budget-receipts-');
});
afterAll(async () => w.rt.close());

describe('receipt uploads are checked by content', () => {
  it('refuses an active PDF, a PNG that is also HTML and a JPG with a file appended; nothing is stored', async () => {
    const before = { evidence: await count('evidence'), files: await count('evidence_file'), drive: driveFiles() };
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const cases: Array<[string, Uint8Array, RegExp, RegExp]> = [
      ['nota.pdf', await scriptedPdf(), /konten PDF aktif \(\/(OpenAction|JavaScript)\)/, /active PDF content/],
      [
        'nota.png',
        Uint8Array.from(Buffer.concat([Buffer.from(receiptPng(41)), html])),
        /setelah akhir gambar PNG/,
        /after the end/,
      ],
      [
        'nota.jpg',
        Uint8Array.from(Buffer.concat([Buffer.from(jpg()), Buffer.from('PK\x03\x04zip')])),
        /setelah akhir gambar JPG/,
        /JPG/,
      ],
    ];
    for (const [name, bytes, id, en] of cases) {
      const o = await rpcUntyped(w.rt, { user: U.cluster }, 'budget_submitEvidence', [ev(name), [{ name, data: b64(bytes) }]]);
      expect([name, o.ok, o.code]).toEqual([name, false, 'INVALID']);
      expect(o.message).toContain(`File "${name}" ditolak`);
      expect(o.message).toMatch(id);
      expect(o.messageEn).toMatch(en);
    }
    expect({ evidence: await count('evidence'), files: await count('evidence_file'), drive: driveFiles() }).toEqual(before);
  });

  it('accepts the same receipts when they are plain', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawText('Nota Rp 125.000');
    const r = await w.ok(U.cluster, 'budget_submitEvidence', ev('plain'), [
      { name: 'nota.pdf', data: b64(await doc.save()) },
      { name: 'foto.jpg', data: b64(jpg()) },
    ]);
    expect(r.id).toBeGreaterThan(0);
  });
});

describe('stored receipts are served as what they are', () => {
  it('a receipt replaced in Drive is typed by its bytes, and not served at all once it fails the check', async () => {
    const r = await w.ok(U.cluster, 'budget_submitEvidence', ev('swap'), [{ name: 'nota.png', data: b64(receiptPng(42)) }]);
    const page = await w.ok(U.region, 'budget_listEvidence', {
      status: 'pending',
      clusterId: 'C1',
      month: '',
      page: 0,
      pageSize: 50,
    });
    const file = page.items.find((x) => x.id === r.id)!.files[0];
    expect(file.mime).toBe('image/png');
    const drive = driveStore(w.rt.env);
    // Someone with edit rights on the cluster folder replaces the picture with a JPG: served as image/jpeg.
    drive.writeBytes(file.fileId, jpg(), w.rt.env.clock.now());
    expect((await w.ok(U.region, 'budget_fileData', file.fileId)).mime).toBe('image/jpeg');
    // … then with a page that runs script: never served (not as the recorded image/png, not at all).
    const polyglot = Buffer.concat([Buffer.from(receiptPng(43)), Buffer.from('<script>alert(1)</script>')]);
    drive.writeBytes(file.fileId, Uint8Array.from(polyglot), w.rt.env.clock.now());
    const o = await w.as(U.region, 'budget_fileData', file.fileId);
    expect([o.ok, o.code]).toEqual([false, 'UNSAFE_FILE']);
    expect(o.message).toMatch(/Berkas bukti "nota.png" tidak ditampilkan: isinya berisi data tambahan/);
    expect(o.messageEn).toMatch(/Ask the cluster to upload the receipt again/);
  });
});
