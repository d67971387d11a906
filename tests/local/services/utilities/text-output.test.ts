// ContentService's TextOutput beyond what the web-app tests use (reference/content/text-output: setContent,
// getContent, clear, getFileName, getMimeType) and ScriptApp.getService().isEnabled (reference/script/service).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-text-output-')) });
});
afterAll(() => rt.close());

describe('TextOutput', () => {
  it('replaces, reads and clears its content; names a download; keeps its MIME type', async () => {
    const v = await rt.call<string>('main', [], {
      script: `function main() {
        var t = ContentService.createTextOutput('a').setContent('b,c');
        var content = t.getContent();
        var name = t.downloadAsFile('ekspor.csv').getFileName();
        var type = String(t.setMimeType(ContentService.MimeType.CSV).getMimeType());
        t.clear();
        return JSON.stringify({ content: content, name: name, type: type, cleared: t.getContent(), fresh: ContentService.createTextOutput().getFileName() });
      }`,
    });
    expect(JSON.parse(v)).toEqual({ content: 'b,c', name: 'ekspor.csv', type: 'CSV', cleared: '', fresh: null });
  });

  it('ScriptApp.getService() is not enabled before the script is deployed as a web app', async () => {
    expect(await rt.call('main', [], { script: 'function main() { return ScriptApp.getService().isEnabled(); }' })).toBe(false);
  });
});
