// HtmlService in the worker: outputs, files from the bundle, templates with <?= ?>, <?!= ?> and <? ?> scriptlets.
// Behaviour from developers.google.com/apps-script/guides/html/templates and reference/html/html-output.
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

let rt: Runtime;
beforeAll(() => {
  // A build folder of our own: the real runtime bundles plus the HTML files these tests read.
  const build = mkdtempSync(join(tmpdir(), 'dd-html-build-'));
  symlinkSync(resolve(__dirname, '../../../../build/local'), join(build, 'local'));
  writeFileSync(
    join(build, 'Page.html'),
    '<h1><?= title ?></h1><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><?!= include("Footer") ?>',
  );
  writeFileSync(join(build, 'Footer.html'), '<footer>DataDesk</footer>');
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-html-')), buildDir: build });
});
afterAll(() => rt.close());

const run = <T = unknown>(body: string, extra = '') =>
  rt.call<T>('main', [], { script: `${extra}\nfunction main() { ${body} }` });

describe('HtmlService', () => {
  it('evaluates templates: <?= ?> escapes, <?!= ?> prints raw, <? ?> loops span scriptlets (guides/html/templates)', async () => {
    const v = await run<string>(
      `var t = HtmlService.createTemplate('<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?>[<?= i ?>]<? } ?><?= greet() ?>');
       t.name = '<script>alert("x")</script> & \\'Ani\\''; t.raw = '<b>bold</b>'; t.n = 3;
       return t.evaluate().getContent();`,
      `function greet() { return 'Halo ' + GREETING_SUFFIX; } var GREETING_SUFFIX = '!';`,
    );
    expect(v).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ani&#39;</p><b>bold</b>[0][1][2]Halo !');
  });

  it("reads templates and outputs from the bundle's HTML files, with the include() pattern (guides/html/best-practices)", async () => {
    const v = await run<string[]>(
      `var t = HtmlService.createTemplateFromFile('Page'); t.title = 'Anggaran'; t.items = ['a<b', 'c'];
       return [t.evaluate().getContent(), HtmlService.createHtmlOutputFromFile('Footer.html').getContent()];`,
      `function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }`,
    );
    expect(v).toEqual([
      '<h1>Anggaran</h1><ul><li>a&lt;b</li><li>c</li></ul><footer>DataDesk</footer>',
      '<footer>DataDesk</footer>',
    ]);
  });

  it("fails on a missing file with Apps Script's message (reference/html/html-service#createHtmlOutputFromFile)", async () => {
    const r = await rt.execute({ fn: 'main', script: `function main() { HtmlService.createHtmlOutputFromFile('Nope'); }` });
    expect(r.error).toMatchObject({ name: 'Exception', message: 'No HTML file named Nope was found.' });
    const up = await rt.execute({
      fn: 'main',
      script: `function main() { HtmlService.createTemplateFromFile('../local/worker'); }`,
    });
    expect(up.error?.message).toBe('No HTML file named ../local/worker was found.');
  });

  it('builds HtmlOutput: content, title, size, meta tags, modes, blob; chaining keeps counting (reference/html/html-output)', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() {
        var o = HtmlService.createHtmlOutput('<b>x</b>').append('<i>y</i>').appendUntrusted('<z>').setTitle('Judul').setWidth(400).setHeight(300)
          .setSandboxMode(HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
          .addMetaTag('viewport', 'width=device-width').setFaviconUrl('https://example.com/i.png');
        var b = o.getBlob();
        return [o.getContent(), o.getTitle(), o.getWidth(), o.getHeight(), o.getMetaTags()[0].getName(), o.getFaviconUrl(), b.getContentType(), b.getDataAsString()];
      }`,
    });
    expect(r.value).toEqual([
      '<b>x</b><i>y</i>&lt;z&gt;',
      'Judul',
      400,
      300,
      'viewport',
      'https://example.com/i.png',
      'text/html',
      '<b>x</b><i>y</i>&lt;z&gt;',
    ]);
    expect(r.counts['HtmlOutput.setWidth']).toBe(1);
    expect(r.counts['HtmlService.createHtmlOutput']).toBe(1);
  });

  it('crosses the bridge by value as HtmlWire (toWire) and shows getCode()', async () => {
    const v = await run<unknown[]>(
      `var t = HtmlService.createTemplate('a<?= 1 + 1 ?>b');
       var o = HtmlService.createHtmlOutput('<p>hi</p>').setTitle('T').setWidth(320);
       return [o, t.getCode().indexOf('output.appendUntrusted') >= 0, String(HtmlService.SandboxMode.IFRAME)];`,
    );
    expect(v).toEqual([
      { __html: true, content: '<p>hi</p>', title: 'T', width: 320, height: 0, sandbox: 'IFRAME' },
      true,
      'IFRAME',
    ]);
  });

  it('reports a template error at evaluate() and refuses what is not emulated', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() { HtmlService.createTemplate('<?= missingVar ?>').evaluate(); }`,
    });
    expect(r.error).toMatchObject({ name: 'ReferenceError', message: 'missingVar is not defined' });
    const n = await rt.execute({ fn: 'main', script: `function main() { HtmlService.getUserAgent(); }` });
    expect(n.error?.message).toBe('not emulated: HtmlService.getUserAgent');
  });
});
