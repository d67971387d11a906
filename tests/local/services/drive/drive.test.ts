// DriveApp fidelity on the local Drive (reference/drive/drive-app, reference/drive/file, reference/drive/folder).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { driveStore, NOT_FOUND, ACCESS_DENIED } from '../../../../src/local/services/drive/store';
import { ITERATOR_END } from '../../../../src/local/services/drive/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const S = `
function mk(folderName, fileName, text) {
  var folder = DriveApp.createFolder(folderName);
  var file = folder.createFile(fileName, text, 'text/csv');
  return { folder: folder.getId(), file: file.getId(), root: DriveApp.getRootFolder().getId() };
}
function read(id) {
  var f = DriveApp.getFileById(id);
  var parents = f.getParents();
  return { name: f.getName(), text: f.getBlob().getDataAsString(), type: f.getMimeType(), size: f.getSize(),
    owner: f.getOwner().getEmail(), parent: parents.next().getName(), created: f.getDateCreated().toISOString(),
    url: f.getUrl(), trashed: f.isTrashed() };
}
function trashFolder(folderId, fileId) {
  DriveApp.getFolderById(folderId).setTrashed(true);
  return [DriveApp.getFileById(fileId).isTrashed(), names(DriveApp.searchFiles("trashed = false")), names(DriveApp.getTrashedFiles())];
}
function file(id) { return DriveApp.getFileById(id).getName(); }
function folder(id) { return DriveApp.getFolderById(id).getName(); }
function trash(id) { DriveApp.getFileById(id).setTrashed(true); return DriveApp.getFileById(id).isTrashed(); }
function big(mb, extra, mime) {
  var s = new Array(mb * 1024 * 1024 + extra + 1).join('a');
  var f = mime ? DriveApp.createFile('big.txt', s, mime) : DriveApp.createFile('big.txt', s);
  return f.getSize();
}
function names(it) { var out = []; while (it.hasNext()) out.push(it.next().getName()); return out; }
function search(q) { return names(DriveApp.searchFiles(q)); }
function searchIn(folderId, q) { return names(DriveApp.getFolderById(folderId).searchFiles(q)); }
function byName(n) { return names(DriveApp.getFilesByName(n)); }
function trashed() { return names(DriveApp.getTrashedFiles()); }
function writeInto(folderId) { DriveApp.getFolderById(folderId).createFile('x.txt', 'x'); }
function folderInto(folderId) { DriveApp.getFolderById(folderId).createFolder('sub'); }
function firstPage(folderId, n) {
  var it = DriveApp.getFolderById(folderId).getFiles(); var out = [];
  for (var i = 0; i < n; i++) out.push(it.next().getName());
  return { names: out, token: it.getContinuationToken() };
}
function rest(token) { return names(DriveApp.continueFileIterator(token)); }
function overrun(folderId) { var it = DriveApp.getFolderById(folderId).getFiles(); while (true) it.next(); }
function copyMove(id, destId) {
  var f = DriveApp.getFileById(id);
  var c = f.makeCopy();
  var d = f.makeCopy('named', DriveApp.getFolderById(destId));
  var b = DriveApp.getFolderById(destId).createFile(f.getBlob().setName('from-blob.csv'));
  f.moveTo(DriveApp.getFolderById(destId));
  f.setContent('new,content');
  return [c.getName(), d.getName(), d.getParents().next().getId(), b.getName(), b.getMimeType(),
    f.getParents().next().getId(), f.getBlob().getDataAsString(), f.getSize()];
}
`;

const dir = () => mkdtempSync(join(tmpdir(), 'dd-drive-'));

describe('DriveApp (reference/drive/drive-app)', () => {
  it('keeps ids, names, bytes and owners across a new Runtime on the same state folder', async () => {
    const d = dir();
    const rt = new Runtime({ stateDir: d });
    rt.env.clock.advanceTo(new Date('2030-05-01T03:00:00Z'));
    const ids = await rt.call<{ folder: string; file: string; root: string }>('mk', ['Reports', 'a.csv', 'x,y\n1,2'], {
      script: S,
      user: 'owner@x.id',
    });
    expect(ids.file).toMatch(/^1[A-Za-z0-9_-]{32}$/);
    await rt.close();
    const again = new Runtime({ stateDir: d });
    const f = await again.call<Record<string, unknown>>('read', [ids.file], { script: S, user: 'owner@x.id' });
    expect(f).toMatchObject({
      name: 'a.csv',
      text: 'x,y\n1,2',
      type: 'text/csv',
      size: 7,
      owner: 'owner@x.id',
      parent: 'Reports',
      trashed: false,
      url: `https://drive.google.com/file/d/${ids.file}/view?usp=drivesdk`,
    });
    expect(String(f.created).startsWith('2030-05-01T03:00')).toBe(true);
    expect(await again.call('folder', [ids.root], { script: S, user: 'owner@x.id' })).toBe('My Drive');
    // someone else's My Drive and what is in it stay out of sight
    for (const [fn, id] of [
      ['folder', ids.root],
      ['file', ids.file],
    ]) {
      const r = await again.execute({ fn, args: [id], script: S, user: 'other@x.id' });
      expect(r.error).toMatchObject({ name: 'Exception', message: NOT_FOUND });
    }
    // bytes really live on disk, where the workbench reads them
    expect(readFileSync(driveStore(again.env).filePath(ids.file), 'utf8')).toBe('x,y\n1,2');
  });

  it('throws Apps Script\'s "No item with the given ID" text for unknown ids', async () => {
    const rt = new Runtime({ stateDir: dir() });
    for (const fn of ['file', 'folder']) {
      const r = await rt.execute({ fn, args: ['1nope'], script: S });
      expect(r.error).toMatchObject({ name: 'Exception', message: NOT_FOUND });
    }
  });

  it('lets only the owner trash a file (docs/platform.md §8; reference/drive/file#setTrashed); trashed files still list', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const ids = await rt.call<{ file: string; folder: string }>('mk', ['F', 't.csv', 'a'], { script: S, user: 'owner@x.id' });
    driveStore(rt.env).share(ids.folder, 'editor@x.id', 'writer');
    const other = await rt.execute({ fn: 'trash', args: [ids.file], script: S, user: 'editor@x.id' });
    expect(other.error!.message).toBe(ACCESS_DENIED);
    expect(await rt.call('trash', [ids.file], { script: S, user: 'owner@x.id' })).toBe(true);
    const owner = { script: S, user: 'owner@x.id' };
    expect(await rt.call('trashed', [], owner)).toEqual(['t.csv']);
    // the editor's trash is their own: they trashed nothing
    expect(await rt.call('trashed', [], { script: S, user: 'editor@x.id' })).toEqual([]);
    // DriveApp's name listings include trashed files; callers filter with isTrashed() or "trashed = false"
    expect(await rt.call('byName', ['t.csv'], owner)).toEqual(['t.csv']);
    expect(await rt.call('search', ["title = 't.csv' and trashed = false"], owner)).toEqual([]);
    expect(
      driveStore(rt.env)
        .trashedItems()
        .map((i) => i.name),
    ).toEqual(['t.csv']);
  });

  it('treats files in a trashed folder as trashed (Drive files.list `trashed`)', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const ids = await rt.call<{ folder: string; file: string }>('mk', ['Gone', 'in.csv', 'a'], { script: S, user: 'o@x.id' });
    await rt.call('mk', ['Kept', 'out.csv', 'b'], { script: S, user: 'o@x.id' });
    expect(await rt.call('trashFolder', [ids.folder, ids.file], { script: S, user: 'o@x.id' })).toEqual([
      true,
      ['out.csv'],
      ['in.csv'],
    ]);
    expect(
      driveStore(rt.env)
        .trashedItems()
        .map((i) => i.name),
    ).toEqual(['Gone']);
  });

  it('refuses files over 50 MB, and over 10 MB when a mimeType is given (reference/drive/drive-app#createFile)', async () => {
    const rt = new Runtime({ stateDir: dir() });
    expect(await rt.call('big', [10, 0, 'text/plain'], { script: S })).toBe(10 * 1024 * 1024);
    const r10 = await rt.execute({ fn: 'big', args: [10, 1, 'text/plain'], script: S });
    expect(r10.error!.message).toMatch(/10 MB/);
    expect(await rt.call('big', [10, 1, null], { script: S })).toBe(10 * 1024 * 1024 + 1);
    const r50 = await rt.execute({ fn: 'big', args: [50, 1, null], script: S });
    expect(r50.error!.message).toMatch(/50 MB/);
    expect(driveStore(rt.env).all({ kind: 'file' }).length).toBe(2);
  });

  it('searches by title (= and contains), parent, trashed and mimeType (reference/drive/drive-app#searchFiles)', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const a = await rt.call<{ folder: string; file: string }>('mk', ['A', 'DC_Orders_AZKO_2030-04.xlsx', 'x'], { script: S });
    await rt.call('mk', ['B', 'DC_Orders_TOYS_2030-04.xlsx', 'y'], { script: S });
    expect(await rt.call('search', ["title contains 'orders_azko'"], { script: S })).toEqual(['DC_Orders_AZKO_2030-04.xlsx']);
    expect(await rt.call('search', [`'${a.folder}' in parents and trashed = false`], { script: S })).toEqual([
      'DC_Orders_AZKO_2030-04.xlsx',
    ]);
    expect(await rt.call('search', ["title = 'DC_Orders_TOYS_2030-04.xlsx' and mimeType = 'text/csv'"], { script: S })).toEqual([
      'DC_Orders_TOYS_2030-04.xlsx',
    ]);
    expect(await rt.call('search', ["mimeType = 'application/pdf'"], { script: S })).toEqual([]);
    expect(await rt.call('searchIn', [a.folder, "title contains 'DC_'"], { script: S })).toEqual(['DC_Orders_AZKO_2030-04.xlsx']);
    const bad = await rt.execute({ fn: 'search', args: ["modifiedDate > '2020-01-01' or title = 'x'"], script: S });
    expect(bad.error!.message).toMatch(/^Invalid argument: q/);
  });

  it('refuses writes into a folder made read-only from the host, and changes nothing', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const ids = await rt.call<{ folder: string; file: string }>('mk', ['Locked', 'old.csv', 'x'], {
      script: S,
      user: 'owner@x.id',
    });
    const store = driveStore(rt.env);
    store.setWritable(ids.folder, false);
    for (const fn of ['writeInto', 'folderInto']) {
      const r = await rt.execute({ fn, args: [ids.folder], script: S, user: 'owner@x.id' });
      expect(r.error).toMatchObject({ name: 'Exception', message: ACCESS_DENIED });
    }
    const t = await rt.execute({ fn: 'trash', args: [ids.file], script: S, user: 'owner@x.id' });
    expect(t.error!.message).toBe(ACCESS_DENIED);
    expect(store.children(ids.folder, { trashed: true }).map((i) => [i.name, i.trashed])).toEqual([['old.csv', false]]);
    store.setWritable(ids.folder, true);
    await rt.call('writeInto', [ids.folder], { script: S, user: 'owner@x.id' });
    expect(store.children(ids.folder).length).toBe(2);
  });

  it('continues an iterator in a later execution from its continuation token; next() past the end throws', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const store = driveStore(rt.env);
    const f = store.ensureFolderPath('Many/Inner', 'seed@x.id');
    for (let i = 0; i < 5; i++) store.createFile(f.id, `f${i}.txt`, new Uint8Array([65 + i]), 'text/plain', 'seed@x.id');
    expect(store.pathOf(f.id)).toBe('/My Drive/Many/Inner');
    const seed = { script: S, user: 'seed@x.id' };
    const page = await rt.call<{ names: string[]; token: string }>('firstPage', [f.id, 2], seed);
    expect(page.names).toEqual(['f0.txt', 'f1.txt']);
    expect(await rt.call('rest', [page.token], seed)).toEqual(['f2.txt', 'f3.txt', 'f4.txt']);
    // a token resumes only for the user it was made for
    const stolen = await rt.execute({ fn: 'rest', args: [page.token], script: S, user: 'other@x.id' });
    expect(stolen.error!.message).toBe('Invalid argument: continuationToken');
    const r = await rt.execute({ fn: 'overrun', args: [f.id], ...seed });
    expect(r.error!.message).toBe(ITERATOR_END);
  });

  it('copies, moves, sets content and creates a file from a Blob', async () => {
    const rt = new Runtime({ stateDir: dir() });
    const a = await rt.call<{ folder: string; file: string }>('mk', ['Src', 'data.csv', 'a,b'], { script: S });
    const dest = await rt.call<{ folder: string }>('mk', ['Dest', 'other.csv', ''], { script: S });
    // makeCopy() keeps the name (gas-fakes test/testdrive.js, run against live Apps Script)
    expect(await rt.call('copyMove', [a.file, dest.folder], { script: S })).toEqual([
      'data.csv',
      'named',
      dest.folder,
      'from-blob.csv',
      'text/csv',
      dest.folder,
      'new,content',
      11,
    ]);
  });
});
