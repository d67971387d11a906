// Web apps (developers.google.com/apps-script/guides/web; the request event of guides/web#request_parameters) and
// ContentService (reference/content/content-service; the redirect of guides/content#redirects).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../../src/local/services/spreadsheet/store';
import {
  deployWebApp,
  echo,
  handleWebApp,
  NOTHING_RETURNED,
  NO_SUCH_APP,
  webAppUrl,
} from '../../../../src/local/services/webapp/index';

jest.setTimeout(60_000);

const S = `
function doGet(e) {
  return ContentService.createTextOutput(JSON.stringify({ e: e, me: Session.getActiveUser().getEmail(),
    active: SpreadsheetApp.getActiveSpreadsheet() })).setMimeType(ContentService.MimeType.JSON);
}
function doPost(e) {
  var out = ContentService.createTextOutput();
  out.append(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON);
  return out;
}
`;
const body = (s: string) => new TextEncoder().encode(s);

describe('web app requests run doGet/doPost as the deploying user', () => {
  let rt: Runtime;
  let id: string;
  beforeAll(() => {
    rt = new Runtime({
      stateDir: mkdtempSync(join(tmpdir(), 'dd-webapp-')),
      manifest: { webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } },
    });
    id = deployWebApp(rt, { deployer: 'admin@datadesk.local' }).id;
    getSpreadsheetStore(rt.env).setActiveId(getSpreadsheetStore(rt.env).create('X').id);
  });
  afterAll(() => rt.close());

  const follow = (r: { status: number; headers: Record<string, string> }) => {
    expect(r.status).toBe(302);
    const key = new URL(r.headers.location, 'http://x').searchParams.get('user_content_key')!;
    return echo(rt.env, key)!;
  };

  it('gives doGet the documented event object (no headers) and runs it with no open document', async () => {
    const r = await handleWebApp(
      rt,
      id,
      { method: 'GET', pathInfo: 'orders/7', queryString: 'a=1&a=2&b=x%20y', body: null, contentType: null },
      { script: S },
    );
    const e = follow(r);
    expect(e.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(e.body)).toEqual({
      e: {
        queryString: 'a=1&a=2&b=x%20y',
        parameter: { a: '1', b: 'x y' },
        parameters: { a: ['1', '2'], b: ['x y'] },
        contextPath: '',
        contentLength: -1,
        pathInfo: 'orders/7',
      },
      me: 'admin@datadesk.local',
      active: null,
    });
  });

  it('gives doPost postData (contents, length, type, name) and merges a form body into parameter(s)', async () => {
    const json = JSON.stringify({ id: 'inv_1', status: 'PAID' });
    const r1 = follow(
      await handleWebApp(
        rt,
        id,
        {
          method: 'POST',
          pathInfo: '',
          queryString: 'src=xendit',
          body: body(json),
          contentType: 'application/json; charset=utf-8',
        },
        { script: S },
      ),
    );
    expect(JSON.parse(r1.body)).toEqual({
      queryString: 'src=xendit',
      parameter: { src: 'xendit' },
      parameters: { src: ['xendit'] },
      contextPath: '',
      contentLength: json.length,
      postData: { contents: json, length: json.length, type: 'application/json', name: 'postData' },
    });
    const r2 = follow(
      await handleWebApp(
        rt,
        id,
        {
          method: 'POST',
          pathInfo: '',
          queryString: 'x=1',
          body: body('x=2&y=%C3%A9'),
          contentType: 'application/x-www-form-urlencoded',
        },
        { script: S },
      ),
    );
    expect(JSON.parse(r2.body)).toMatchObject({ parameter: { x: '1', y: 'é' }, parameters: { x: ['1', '2'], y: ['é'] } });
  });

  it('answers a missing handler, an empty return and an unknown deployment with Google’s pages', async () => {
    const none = await handleWebApp(
      rt,
      id,
      { method: 'POST', pathInfo: '', queryString: '', body: null, contentType: null },
      {
        script: 'function doGet() {}',
      },
    );
    expect(none.status).toBe(200);
    expect(none.body).toContain('Exception: Script function not found: doPost');
    const empty = await handleWebApp(
      rt,
      id,
      { method: 'GET', pathInfo: '', queryString: '', body: null, contentType: null },
      {
        script: 'function doGet() {}',
      },
    );
    expect(empty.body).toContain(NOTHING_RETURNED);
    const html = await handleWebApp(
      rt,
      id,
      { method: 'GET', pathInfo: '', queryString: '', body: null, contentType: null },
      {
        script: 'function doGet() { return HtmlService.createHtmlOutput("<b>hai</b>"); }',
      },
    );
    expect([html.status, html.body, html.headers['content-security-policy']]).toEqual([
      200,
      '<b>hai</b>',
      'sandbox allow-scripts allow-forms allow-popups',
    ]);
    const missing = await handleWebApp(rt, 'AKfycbNOPE', {
      method: 'GET',
      pathInfo: '',
      queryString: '',
      body: null,
      contentType: null,
    });
    expect([missing.status, missing.body.includes(NO_SUCH_APP), missing.result]).toEqual([404, true, null]);
  });

  it('serves TextOutput downloads with their file name; refuses an unknown MimeType', async () => {
    const r = follow(
      await handleWebApp(
        rt,
        id,
        { method: 'GET', pathInfo: '', queryString: '', body: null, contentType: null },
        {
          script: `function doGet() { return ContentService.createTextOutput('a,b').setMimeType(ContentService.MimeType.CSV).downloadAsFile('x.csv'); }`,
        },
      ),
    );
    expect(r).toEqual({
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="x.csv"' },
      body: 'a,b',
    });
    const bad = await rt.execute({ fn: 'f', script: `function f() { ContentService.createTextOutput('').setMimeType('PDF'); }` });
    expect(bad.error?.message).toBe('Invalid argument: mimeType');
  });

  it('tells the script its URL (ScriptApp.getService) and needs the manifest’s webapp to deploy', async () => {
    const url = await rt.call<string>('f', [], { script: 'function f() { return ScriptApp.getService().getUrl(); }' });
    expect(url).toBe(webAppUrl({ id } as never));
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]{66}\/exec$/);
    const bare = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-webapp-')), manifest: {} });
    try {
      expect(() => deployWebApp(bare, { deployer: 'a@b.id' })).toThrow('appsscript.json has no "webapp" section');
      expect(await bare.call('f', [], { script: 'function f() { return ScriptApp.getService().getUrl(); }' })).toBeNull();
    } finally {
      await bare.close();
    }
  });
});
