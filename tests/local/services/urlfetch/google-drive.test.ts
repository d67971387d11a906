// Drive's REST upload (files.create, uploadType=multipart) through UrlFetchApp in the runtime: as the token's user, with
// Drive v3's refusals, UTF-8 kept, and two uploads in one fetchAll charged about one upload's time, never less.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { driveStore } from '../../../../src/local/services/drive/store';
import { costOf, defaultModel } from '../../../../src/local/runtime/costs';
import { multipartParts } from '../../../../src/local/services/urlfetch/google-drive';

jest.setTimeout(60_000);

const OWNER = 'rina@datadesk.local';
const OTHER = 'budi@datadesk.local';

const S = `
var URL = 'https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart&fields=id,name,mimeType';
function body(folderId, name, text) {
  return '--b1\\r\\nContent-Type: application/json; charset=UTF-8\\r\\n\\r\\n' +
    JSON.stringify({ name: name, parents: [folderId], mimeType: 'text/csv' }) +
    '\\r\\n--b1\\r\\nContent-Type: text/csv\\r\\n\\r\\n' + text + '\\r\\n--b1--';
}
function req(a, token) {
  return {
    url: URL + (a.allDrives ? '&supportsAllDrives=true' : ''), method: 'post', muteHttpExceptions: true,
    headers: token === null ? {} : { Authorization: 'Bearer ' + (token || ScriptApp.getOAuthToken()) },
    contentType: 'multipart/related; boundary=b1',
    payload: Utilities.newBlob(body(a.folder, a.name, a.text), 'multipart/related; boundary=b1'),
  };
}
function upload(a) {
  var rs = UrlFetchApp.fetchAll(a.files.map(function (f) { return req(f, a.token); }));
  return rs.map(function (r) { return { code: r.getResponseCode(), body: JSON.parse(r.getContentText()) }; });
}
function token() { return ScriptApp.getOAuthToken(); }
function trash(id) { DriveApp.getFolderById(id).setTrashed(true); }
`;

function fresh(): Runtime {
  return new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-drive-rest-')) });
}

describe("Drive's REST upload through UrlFetchApp", () => {
  it('creates files in parallel as the token’s user, UTF-8 kept, charged about one upload for two', async () => {
    const rt = fresh();
    const store = driveStore(rt.env);
    const folder = store.ensureFolderPath('Segmen', OWNER);
    const text = 'ID,Nama\r\nR1,Śri Dédé ✓\r\n';
    const r = await rt.execute({
      fn: 'upload',
      script: S,
      user: OWNER,
      args: [
        {
          files: [
            { folder: folder.id, name: 'a.csv', text },
            { folder: folder.id, name: 'b.csv', text: 'x' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(true);
    const out = r.value as Array<{ code: number; body: { id: string; name: string; mimeType: string } }>;
    expect(out.map((x) => [x.code, x.body.name, x.body.mimeType])).toEqual([
      [200, 'a.csv', 'text/csv'],
      [200, 'b.csv', 'text/csv'],
    ]);
    const a = store.get(out[0].body.id)!;
    expect([a.owner, a.parents, new TextDecoder().decode(store.readBytes(a.id))]).toEqual([OWNER, [folder.id], text]);
    // Each upload waits what DriveApp's createFile costs; in one fetchAll they wait together.
    const upload = costOf(defaultModel(), 'Folder.createFile').ms;
    expect(r.cost.byService.UrlFetchApp).toBeGreaterThanOrEqual(upload);
    expect(r.cost.byService.UrlFetchApp).toBeLessThan(2 * upload);
  });

  it('refuses as Drive does: no token, another user’s token, an unseen folder, a read-only one, a Shared Drive without supportsAllDrives', async () => {
    const rt = fresh();
    const store = driveStore(rt.env);
    const mine = store.ensureFolderPath('Segmen', OWNER);
    const theirs = store.ensureFolderPath('Pribadi', OTHER);
    const readOnly = store.ensureFolderPath('Arsip', OTHER);
    store.share(readOnly.id, OWNER, 'reader');
    const drive = store.createSharedDrive('Kampanye', { [OWNER]: 'writer' });
    const otherToken = await rt.call<string>('token', [], { script: S, user: OTHER });
    const one = async (f: Record<string, unknown>, token?: string | null) => {
      const r = await rt.execute({
        fn: 'upload',
        script: S,
        user: OWNER,
        args: [{ files: [{ name: 'x.csv', text: 'x', ...f }], token }],
      });
      expect(r.ok).toBe(true);
      const [x] = r.value as Array<{
        code: number;
        body: { error: { code: number; message: string; errors: Array<{ reason: string }> } };
      }>;
      return [x.code, x.body.error?.errors[0].reason, x.body.error?.message];
    };
    expect(await one({ folder: mine.id }, null)).toEqual([
      401,
      'required',
      expect.stringMatching(/^Request is missing required authentication credential/),
    ]);
    expect(await one({ folder: mine.id }, otherToken)).toEqual([401, 'authError', 'Invalid Credentials']);
    expect(await one({ folder: theirs.id })).toEqual([404, 'notFound', `File not found: ${theirs.id}.`]);
    expect(await one({ folder: readOnly.id })).toEqual([
      403,
      'insufficientFilePermissions',
      'The user does not have sufficient permissions for this file.',
    ]);
    expect(await one({ folder: drive.id })).toEqual([404, 'notFound', `File not found: ${drive.id}.`]);
    expect(await one({ folder: drive.id, allDrives: true })).toEqual([200, undefined, undefined]);
    // nothing was made where it was refused
    expect([theirs.id, readOnly.id].map((id) => store.children(id, { kind: 'file' }).length)).toEqual([0, 0]);
    expect(store.children(drive.id, { kind: 'file' }).map((f) => [f.name, f.owner])).toEqual([['x.csv', '']]); // items of a Shared Drive have no owner
  });

  it('answers `trashed` as Drive does: a file made in its owner’s trashed folder is in the trash; an editor finds no folder', async () => {
    const rt = fresh();
    const store = driveStore(rt.env);
    const folder = store.ensureFolderPath('Segmen', OWNER);
    store.share(folder.id, OTHER, 'writer');
    const upload = async (user: string, fields: string) => {
      const r = await rt.execute({
        fn: 'upload',
        script: S.replace('fields=id,name,mimeType', fields),
        user,
        args: [{ files: [{ folder: folder.id, name: 'x.csv', text: 'x' }] }],
      });
      expect(r.ok).toBe(true);
      const [x] = r.value as Array<{ code: number; body: { id?: string; trashed?: boolean; error?: { message: string } } }>;
      return x;
    };
    expect(await upload(OWNER, 'fields=id,trashed')).toMatchObject({ code: 200, body: { trashed: false } });
    expect((await rt.execute({ fn: 'trash', script: S, user: OWNER, args: [folder.id] })).ok).toBe(true);
    const inTrash = await upload(OWNER, 'fields=id,trashed');
    expect(inTrash).toMatchObject({ code: 200, body: { trashed: true } });
    expect(store.isTrashed(inTrash.body.id!)).toBe(true);
    expect(await upload(OTHER, 'fields=id,trashed')).toMatchObject({
      code: 404,
      body: { error: { message: `File not found: ${folder.id}.` } },
    });
    // Drive answers only the fields asked for
    expect(Object.keys((await upload(OWNER, 'fields=id')).body)).toEqual(['id']);
  });

  it('reads a multipart/related body part by part, bytes unchanged; a body without its closing boundary is malformed', () => {
    const enc = new TextEncoder();
    const body = enc.encode(
      '--q\r\nContent-Type: application/json\r\n\r\n{"name":"é"}\r\n--q\r\nContent-Type: text/plain\r\n\r\nline 1\r\nline 2\r\n--q--',
    );
    const parts = multipartParts(body, 'multipart/related; boundary=q')!;
    expect(parts.map((p) => [p.headers['content-type'], new TextDecoder().decode(p.bytes)])).toEqual([
      ['application/json', '{"name":"é"}'],
      ['text/plain', 'line 1\r\nline 2'],
    ]);
    expect(multipartParts(enc.encode('--q\r\nContent-Type: a\r\n\r\nx\r\n'), 'multipart/related; boundary=q')).toBeNull();
    expect(multipartParts(body, 'multipart/form-data; boundary=q')).toBeNull();
  });
});
