// Worker-side services the add-on does not call yet, pinned for the capabilities to come: Blob's setters and copies
// (reference/base/blob), Utilities.gzip/ungzip (reference/utilities/utilities), HtmlOutput's content and its template
// (reference/html/html-output, …/html-template), and the user lock (reference/lock/lock-service#getUserLock).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-blob-')) });
});
afterAll(() => rt.close());
const run = <T = unknown>(body: string) => rt.call<T>('main', [], { script: `function main() { ${body} }` });

describe('Blob and Utilities.gzip', () => {
  it('copies a blob apart from the original and sets bytes, text, type and the type from the name', async () => {
    const out = await run<string>(`
      var b = Utilities.newBlob('halo', 'text/plain', 'catatan.txt');
      var c = b.copyBlob().setDataFromString('dunia');
      b.setBytes([65, 66, 67]);
      var pdf = Utilities.newBlob('x').setName('laporan.pdf').setContentTypeFromExtension();
      return JSON.stringify({ b: b.getDataAsString(), c: c.getDataAsString(), cName: c.getName(),
        type: b.setContentType('text/csv').getContentType(), pdf: pdf.getContentType() });
    `);
    expect(JSON.parse(out)).toEqual({ b: 'ABC', c: 'dunia', cName: 'catatan.txt', type: 'text/csv', pdf: 'application/pdf' });
  });

  it('gzips a blob (named .gz) and gets the same bytes back', async () => {
    const out = await run<string>(`
      var text = new Array(200).join('DataDesk ');
      var gz = Utilities.gzip(Utilities.newBlob(text, 'text/plain', 'ekspor.csv'));
      var back = Utilities.ungzip(gz);
      return JSON.stringify({ name: gz.getName(), type: gz.getContentType(), smaller: gz.getBytes().length < text.length,
        same: back.getDataAsString() === text, backName: back.getName() });
    `);
    expect(JSON.parse(out)).toEqual({
      name: 'ekspor.csv.gz',
      type: 'application/x-gzip',
      smaller: true,
      same: true,
      backName: 'ekspor.csv',
    });
  });
});

describe('HtmlOutput and HtmlTemplate', () => {
  it('replaces and clears the content; an output made from a template gives the template back', async () => {
    const out = await run<string>(`
      var o = HtmlService.createHtmlOutput('<p>a</p>').setContent('<p>b</p>');
      var replaced = o.getContent();
      o.clear();
      var t = HtmlService.createTemplate('<p><?= who ?></p>');
      t.who = 'Ani';
      var evaluated = t.evaluate();
      return JSON.stringify({ replaced: replaced, cleared: o.getContent(), raw: t.getRawContent(),
        again: evaluated.asTemplate().getRawContent() });
    `);
    expect(JSON.parse(out)).toEqual({ replaced: '<p>b</p>', cleared: '', raw: '<p><?= who ?></p>', again: '<p><?= who ?></p>' });
  });
});

describe('LockService.getUserLock', () => {
  it('is a lock of its own: holding it does not take the script lock', async () => {
    const out = await run<string>(`
      var u = LockService.getUserLock();
      var got = u.tryLock(1000);
      var script = LockService.getScriptLock().tryLock(1000);
      var held = u.hasLock();
      u.releaseLock();
      return JSON.stringify({ got: got, script: script, held: held, after: u.hasLock() });
    `);
    expect(JSON.parse(out)).toEqual({ got: true, script: true, held: true, after: false });
  });
});
