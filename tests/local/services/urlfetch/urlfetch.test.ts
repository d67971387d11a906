// UrlFetchApp against a local node:http server: real HTTP, parallel fetchAll, Apps Script's errors and payload forms.
// Behaviour from developers.google.com/apps-script/reference/url-fetch/url-fetch-app and guides/services/quotas.
import { createServer, Server, IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { prepare, BODY_LIMIT } from '../../../../src/local/services/urlfetch/request';

jest.setTimeout(30_000);

let server: Server;
let base = '';
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const u = new URL(req.url!, 'http://x');
      if (u.pathname === '/slow') {
        setTimeout(() => res.end('slept ' + u.searchParams.get('i')), 300);
      } else if (u.pathname === '/fail') {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('x'.repeat(200));
      } else if (u.pathname === '/short') {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end('{"error":"not here"}');
      } else if (u.pathname === '/redirect') {
        res.writeHead(302, { Location: '/echo?from=redirect' });
        res.end();
      } else if (u.pathname === '/bytes') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Set-Cookie': ['a=1', 'b=2'] });
        res.end(Buffer.from([0, 127, 128, 255]));
      } else if (u.pathname === '/latin1') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=ISO-8859-1' });
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-Echo': 'yes' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            type: req.headers['content-type'] ?? null,
            auth: req.headers.authorization ?? null,
            body,
          }),
        );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const newRuntime = (settings: Record<string, string> = {}) =>
  new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-fetch-')), settings });
const script = (body: string) => `var BASE = '${base}'; function main(a) { ${body} }`;

describe('UrlFetchApp', () => {
  it('fetches with method, headers and a JSON payload; reads code, text and headers (url-fetch-app#fetch(String,Object))', async () => {
    const rt = newRuntime();
    const v = await rt.call<Record<string, unknown>>('main', [], {
      script: script(`var r = UrlFetchApp.fetch(BASE + '/echo?q=a b', { method: 'post', contentType: 'application/json',
        headers: { Authorization: 'Bearer t0k' }, payload: JSON.stringify({ x: 1 }) });
        return { code: r.getResponseCode(), body: JSON.parse(r.getContentText()), h: r.getHeaders()['X-Echo'] };`),
    });
    expect(v).toEqual({
      code: 200,
      body: { method: 'POST', url: '/echo?q=a%20b', type: 'application/json', auth: 'Bearer t0k', body: '{"x":1}' },
      h: 'yes',
    });
  });

  it('takes only the methods the reference lists (get, delete, patch, post, put); HEAD and OPTIONS are refused', async () => {
    const rt = newRuntime();
    const v = await rt.call<string[]>('main', [], {
      script: script(`return ['head', 'options', 'trace'].map(function (m) {
        try { UrlFetchApp.fetch(BASE + '/echo', { method: m }); return 'sent'; } catch (e) { return e.message; }
      });`),
    });
    expect(v).toEqual(['Invalid argument: method', 'Invalid argument: method', 'Invalid argument: method']);
  });

  it('form-encodes an object payload with the default content type (url-fetch-app: payload)', async () => {
    const rt = newRuntime();
    const v = await rt.call<{ type: string; body: string }>('main', [], {
      script: script(
        `return JSON.parse(UrlFetchApp.fetch(BASE + '/echo', { method: 'post', payload: { name: 'Budi Santoso', kota: 'Jakarta&Bogor' } }).getContentText());`,
      ),
    });
    expect(v.type).toBe('application/x-www-form-urlencoded');
    expect(v.body).toBe('name=Budi+Santoso&kota=Jakarta%26Bogor');
  });

  it('sends a Blob payload with its content type, and bytes as given', async () => {
    const rt = newRuntime();
    const v = await rt.call<{ type: string; body: string }[]>('main', [], {
      script: script(`var b = Utilities.newBlob('a,b\\n1,2', 'text/csv', 'x.csv');
        return [UrlFetchApp.fetch(BASE + '/echo', { method: 'put', payload: b }), UrlFetchApp.fetch(BASE + '/echo', { method: 'post', payload: [104, 105], contentType: 'text/plain' })]
          .map(function (r) { return JSON.parse(r.getContentText()); });`),
    });
    expect(v.map((x) => [x.type, x.body])).toEqual([
      ['text/csv', 'a,b\n1,2'],
      ['text/plain', 'hi'],
    ]);
  });

  it('fetchAll sends requests in parallel: 10 requests to a 300 ms server finish well under 3 s', async () => {
    const rt = newRuntime();
    const r = await rt.execute({
      fn: 'main',
      script: script(`var reqs = []; for (var i = 0; i < 10; i++) reqs.push({ url: BASE + '/slow?i=' + i });
        var t0 = Date.now(); var out = UrlFetchApp.fetchAll(reqs).map(function (r) { return r.getContentText(); });
        return { ms: Date.now() - t0, out: out };`),
    });
    const v = r.value as { ms: number; out: string[] };
    expect(v.out).toEqual(Array.from({ length: 10 }, (_, i) => 'slept ' + i));
    expect(v.ms).toBeLessThan(1500);
    expect(r.counts['UrlFetchApp.request']).toBe(10);
    expect(r.counts['UrlFetchApp.fetchAll']).toBe(1);
  });

  it("throws Apps Script's error for a failed status, unless muteHttpExceptions (url-fetch-app: muteHttpExceptions)", async () => {
    const rt = newRuntime();
    const r = await rt.execute({ fn: 'main', script: script(`UrlFetchApp.fetch(BASE + '/fail?secret=1');`) });
    expect(r.error).toMatchObject({
      name: 'Exception',
      message: `Request failed for ${base} returned code 500. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
    });
    const short = await rt.execute({ fn: 'main', script: script(`UrlFetchApp.fetch(BASE + '/short');`) });
    expect(short.error?.message).toBe(
      `Request failed for ${base} returned code 404. Truncated server response: {"error":"not here"} (use muteHttpExceptions option to examine full response)`,
    );
    const muted = await rt.call('main', [], {
      script: script(
        `var r = UrlFetchApp.fetch(BASE + '/fail', { muteHttpExceptions: true }); return [r.getResponseCode(), r.getContentText().length];`,
      ),
    });
    expect(muted).toEqual([500, 200]);
  });

  it('reports an unreachable server and an unknown host as Apps Script does', async () => {
    const rt = newRuntime();
    const dead = await rt.execute({ fn: 'main', script: `function main() { UrlFetchApp.fetch('http://127.0.0.1:1/x'); }` });
    expect(dead.error?.message).toBe('Address unavailable: http://127.0.0.1:1/x');
    const dns = await rt.execute({
      fn: 'main',
      script: `function main() { UrlFetchApp.fetch('http://no-such-host.invalid/'); }`,
    });
    expect(dns.error?.message).toBe('DNS error: http://no-such-host.invalid/');
  });

  it('follows redirects unless followRedirects is false', async () => {
    const rt = newRuntime();
    const v = await rt.call('main', [], {
      script:
        script(`var a = UrlFetchApp.fetch(BASE + '/redirect'); var b = UrlFetchApp.fetch(BASE + '/redirect', { followRedirects: false });
        return [a.getResponseCode(), JSON.parse(a.getContentText()).url, b.getResponseCode(), b.getHeaders().Location];`),
    });
    expect(v).toEqual([200, '/echo?from=redirect', 302, '/echo?from=redirect']);
  });

  it('gives signed bytes, a Blob, all headers and charset-aware text (reference/url-fetch/http-response)', async () => {
    const rt = newRuntime();
    const v = await rt.call('main', [], {
      script: script(`var r = UrlFetchApp.fetch(BASE + '/bytes'); var b = r.getBlob();
        return [r.getContent(), b.getContentType(), b.getBytes().length, r.getAllHeaders()['Set-Cookie'], UrlFetchApp.fetch(BASE + '/latin1').getContentText()];`),
    });
    expect(v).toEqual([[0, 127, -128, -1], 'application/octet-stream', 4, ['a=1', 'b=2'], 'café']);
  });

  it("reads a binary body as text with Java's ISO-8859-1: one character per byte, every byte 0..255 kept (StandardCharsets.ISO_8859_1)", async () => {
    const rt = newRuntime();
    const v = await rt.call('main', [], {
      script: script(`var t = UrlFetchApp.fetch(BASE + '/bytes').getContentText('ISO-8859-1');
        return [t.length, t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2), t.charCodeAt(3)];`),
    });
    // 0x80 stays U+0080 (a WHATWG decoder would make it U+20AC, windows-1252's euro sign).
    expect(v).toEqual([4, 0, 127, 128, 255]);
  });

  it('refuses a URL over 2 KB and counts the daily quota per user (guides/services/quotas)', async () => {
    const rt = newRuntime({ urlFetchDailyQuota: '3' });
    const long = await rt.execute({
      fn: 'main',
      script: script(`UrlFetchApp.fetch(BASE + '/echo?q=' + new Array(2100).join('a'));`),
    });
    expect(long.error?.message).toBe('Limit Exceeded: URLFetch URL Length.');
    await rt.call('main', [], {
      script: script(`UrlFetchApp.fetchAll([BASE + '/echo', BASE + '/echo']);`),
      user: 'ani@example.com',
    });
    const over = await rt.execute({
      fn: 'main',
      user: 'ani@example.com',
      script: script(`UrlFetchApp.fetchAll([BASE + '/echo', BASE + '/echo']);`),
    });
    expect(over.error?.message).toBe('Service invoked too many times for one day: urlfetch.');
    expect(
      await rt.call('main', [], {
        user: 'budi@example.com',
        script: script(`return UrlFetchApp.fetch(BASE + '/echo').getResponseCode();`),
      }),
    ).toBe(200);
    rt.env.clock.advanceBy(24 * 3600 * 1000);
    expect(
      await rt.call('main', [], {
        user: 'ani@example.com',
        script: script(`return UrlFetchApp.fetch(BASE + '/echo').getResponseCode();`),
      }),
    ).toBe(200);
  });

  it('refuses a payload over 50 MB before sending it (guides/services/quotas: URL Fetch POST size)', () => {
    expect(() => prepare(`${base}/echo`, { method: 'post', payload: new Uint8Array(BODY_LIMIT + 1) })).toThrow(
      'Limit Exceeded: URLFetch POST Size.',
    );
    expect(prepare(`${base}/echo`, { method: 'post', payload: new Uint8Array(10) }).body?.length).toBe(10);
  });

  it('checks HTTPS certificates unless validateHttpsCertificates is false (url-fetch-app: validateHttpsCertificates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'k'),
          '-out',
          join(dir, 'c'),
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      return console.warn('skipped: openssl is not available to make a self-signed certificate');
    }
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'k')), cert: readFileSync(join(dir, 'c')) }, (_q, r) =>
      r.end('secret'),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
    try {
      const rt = newRuntime();
      const bad = await rt.execute({ fn: 'main', script: `function main() { UrlFetchApp.fetch('${url}'); }` });
      expect(bad.error?.message).toBe(`SSL Error ${url}`);
      expect(
        await rt.call('main', [], {
          script: `function main() { return UrlFetchApp.fetch('${url}', { validateHttpsCertificates: false }).getContentText(); }`,
        }),
      ).toBe('secret');
    } finally {
      await new Promise((r) => tls.close(r));
    }
  });

  it('getRequest shows what would be sent without sending it', async () => {
    const rt = newRuntime();
    const before = seen.length;
    const v = await rt.call<Record<string, unknown>>('main', [], {
      script: script(
        `return UrlFetchApp.getRequest(BASE + '/echo', { method: 'post', payload: { a: 1 }, headers: { 'X-K': 'v' } });`,
      ),
    });
    expect(seen.length).toBe(before);
    expect(v).toMatchObject({
      url: `${base}/echo`,
      method: 'post',
      payload: 'a=1',
      headers: { 'X-K': 'v' },
      contentType: 'application/x-www-form-urlencoded',
    });
  });
});
