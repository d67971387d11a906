// Receipts are checked by content: active PDFs (JavaScript, actions on open, embedded files), also when hidden in
// compressed object streams or behind #xx name escapes, and images that are two things at once are refused.
import { zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { inspectReceipt, sniffMime } from '../../../src/server/budget/content';
import { checkReceipts } from '../../../src/server/budget/files';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { pngChunk } from '../../../src/local/demo/png';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const cat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts.map((p) => Buffer.from(p))));
const verdict = (b: Uint8Array) => {
  const v = inspectReceipt(b);
  return v && 'refused' in v ? `refused: ${v.refused.en}` : v ? v.mime : null;
};

/** A hand-made PDF: `objects` as numbered bodies, optionally some of them packed in a Flate object stream. */
function rawPdf(objects: string[], opts: { packed?: string[]; objStmDict?: string; filter?: string } = {}): Uint8Array {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  objects.forEach((o, i) => {
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  let tail = Buffer.alloc(0);
  if (opts.packed) {
    const n = objects.length + 1;
    // The object stream's header: "objnum offset" pairs, then the objects one after another.
    let offset = 0;
    const pairs: string[] = [];
    opts.packed.forEach((p, i) => {
      pairs.push(`${n + 1 + i} ${offset}`);
      offset += p.length + 1;
    });
    const header = pairs.join(' ');
    const content = Buffer.from(`${header}\n${opts.packed.join('\n')}\n`, 'latin1');
    const data = opts.filter === 'none' ? content : Buffer.from(zlibSync(content));
    const dict =
      opts.objStmDict ??
      `<< /Type /ObjStm /N ${opts.packed.length} /First ${header.length + 1} /Length ${data.length}${opts.filter === 'none' ? '' : ` /Filter /${opts.filter ?? 'FlateDecode'}`} >>`;
    tail = Buffer.concat([Buffer.from(`${n} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n')]);
  }
  return cat(bytes(body), tail, bytes('trailer\n<< /Root 1 0 R >>\n%%EOF\n'));
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>';

describe('PDF receipts', () => {
  it('accepts a plain PDF (pdf-lib, with its object streams) and one that only opens at a page', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawText('Nota Rp 250.000');
    expect(verdict(await doc.save())).toBe('application/pdf');
    expect(verdict(rawPdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', PAGES, PAGE]))).toBe('application/pdf');
    expect(verdict(rawPdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', PAGES, PAGE, '[3 0 R /XYZ 0 0 0]']))).toBe(
      'application/pdf',
    );
  });

  it.each([
    ['JavaScript on open', '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>', /JavaScript/],
    ['an action dictionary on open', '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', /OpenAction/],
    ['a program launch', '<< /Type /Catalog /Pages 2 0 R /Names << /X << /S /Launch /F (calc.exe) >> >> >>', /Launch/],
    ['an embedded file', '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>', /EmbeddedFiles/],
    ['rich media', '<< /Type /Catalog /Pages 2 0 R /X << /Subtype /RichMedia >> >>', /RichMedia/],
    ['additional actions', '<< /Type /Catalog /Pages 2 0 R /AA << /O 4 0 R >> >>', /\/AA/],
    ['a #xx-escaped name', '<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>', /JavaScript/],
    ['an escaped /JS key', '<< /Type /Catalog /Pages 2 0 R /X << /S /#4A#53 (x) >> >>', /\/JS/],
  ])('refuses %s', (_what, catalog, why) => {
    const v = verdict(rawPdf([catalog, PAGES, PAGE, '<< /S /JavaScript /JS (app.alert(1)) >>']));
    expect(v).toMatch(/^refused: holds active PDF content/);
    expect(v).toMatch(why);
  });

  it('refuses active content hidden in a compressed object stream, also behind escaped names', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const saved = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(saved).toString('latin1')).not.toContain('/JavaScript'); // really hidden in the stream
    expect(verdict(saved)).toMatch(/refused: holds active PDF content \(\/(OpenAction|JavaScript)\)/);
    const hidden = ['<< /S /J#61vaScript /J#53 (app.alert(1)) >>'];
    expect(verdict(rawPdf([CATALOG, PAGES, PAGE], { packed: hidden }))).toMatch(/refused: .*\/JavaScript/);
    // the object stream's own dictionary obfuscated: /Ty#70e /Obj#53tm
    const packed = rawPdf([CATALOG, PAGES, PAGE], {
      packed: hidden,
      objStmDict: '<< /Ty#70e /Obj#53tm /N 1 /First 4 /Fil#74er /Fl#61teDecode >>',
    });
    expect(verdict(packed)).toMatch(/refused: .*\/JavaScript/);
    expect(verdict(rawPdf([CATALOG, PAGES, PAGE], { packed: hidden, filter: 'none' }))).toMatch(/JavaScript/);
  });

  it('refuses what cannot be checked: an object stream in an unknown encoding, an encrypted PDF', () => {
    expect(verdict(rawPdf([CATALOG, PAGES, PAGE], { packed: ['<< >>'], filter: 'LZWDecode' }))).toMatch(
      /refused: holds compressed PDF objects that cannot be opened/,
    );
    const enc = rawPdf([CATALOG, PAGES, PAGE, '<< /Filter /Standard /V 2 >>']);
    const withEncrypt = Buffer.from(enc).toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 4 0 R');
    expect(verdict(bytes(withEncrypt))).toMatch(/refused: is an encrypted or password-protected PDF/);
  });

  it('does not mistake stream data for dictionaries (a compressed picture holding the bytes "/JS ")', () => {
    const data = Buffer.from('garbage /JS /AA /JavaScript garbage', 'latin1');
    const pdf = rawPdf([
      CATALOG,
      PAGES,
      PAGE,
      `<< /Length ${data.length} /Filter /DCTDecode >>\nstream\n${data.toString('latin1')}\nendstream`,
    ]);
    expect(verdict(pdf)).toBe('application/pdf');
  });
});

describe('image receipts', () => {
  const png = receiptPng(7);
  const jpg = Uint8Array.from(
    jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 200), width: 16, height: 16 }, 80).data as unknown as Uint8Array,
  );

  it('accepts clean PNG and JPG (zero padding after the end is fine)', () => {
    expect(verdict(png)).toBe('image/png');
    expect(verdict(jpg)).toBe('image/jpeg');
    expect(verdict(cat(jpg, new Uint8Array(16)))).toBe('image/jpeg');
  });

  it('refuses a PNG that is also a web page: HTML after IEND, or a <script> in a text chunk', () => {
    const html = bytes('<html><body><script>alert(document.domain)</script></body></html>');
    expect(verdict(cat(png, html))).toMatch(/refused: holds extra data after the end of the PNG image/);
    const iend = png.length - 12;
    const withText = cat(
      png.subarray(0, iend),
      pngChunk('tEXt', bytes('Comment\0<SCRIPT>alert(1)</SCRIPT>')),
      png.subarray(iend),
    );
    expect(verdict(withText)).toMatch(/refused: is a PNG image that also holds web-page code \(<script/);
  });

  it('refuses a JPG with data after EOI or markup in a comment, and a cut-off image', () => {
    expect(verdict(cat(jpg, bytes('PK\x03\x04 a zip')))).toMatch(/refused: holds extra data after the end of the JPG/);
    const comment = cat(jpg.subarray(0, 2), Uint8Array.from([0xff, 0xfe, 0, 19]), bytes('<html>hello</html'), jpg.subarray(2));
    expect(verdict(comment)).toMatch(/refused: is a JPG image that also holds web-page code \(<html/);
    expect(verdict(jpg.subarray(0, jpg.length - 40))).toMatch(/refused: is not a complete JPG/);
    expect(verdict(png.subarray(0, png.length - 5))).toMatch(/refused: is not a complete PNG/);
  });

  it('the upload check names the file and says what to do, in both languages', () => {
    const html = Buffer.from(cat(png, bytes('<script>x</script>'))).toString('base64');
    expect(() => checkReceipts([{ name: 'nota.png', data: html }])).toThrow(
      /File "nota.png" ditolak: berisi data tambahan setelah akhir gambar PNG .* Kirim foto atau pindaian nota/,
    );
    expect(sniffMime(png)).toBe('image/png');
  });
});
