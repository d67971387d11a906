// Drive as many users have it: each user's My Drive, sharing (owner, editors, viewers, link), Shared Drives with
// members, spreadsheets as Drive files, and DriveApp's argument checks (reference/drive/file, reference/drive/folder;
// developers.google.com/drive/api/guides/ref-roles; brucemcpherson/gas-fakes test/testdrive.js for the texts).
import { mkdtempSync } from 'node:fs';
import { writeLegacyDrive } from './legacy';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { driveStore, NOT_FOUND, ACCESS_DENIED, LEGACY_OWNER } from '../../../../src/local/services/drive/store';
import { BLOB_NEEDS_NAME } from '../../../../src/local/services/drive/index';
import { NO_ACCESS } from '../../../../src/local/services/spreadsheet/session';

jest.setTimeout(60_000);

const S = `
function mkShared(name) {
  var folder = DriveApp.createFolder(name);
  var file = folder.createFile('notes.txt', 'isi', 'text/plain');
  return { folder: folder.getId(), file: file.getId() };
}
function names(it) { var out = []; while (it.hasNext()) out.push(it.next().getName()); return out.sort(); }
function read(id) { return DriveApp.getFileById(id).getBlob().getDataAsString(); }
function write(id) { DriveApp.getFileById(id).setContent('baru'); return read(id); }
function rename(id, n) { DriveApp.getFileById(id).setName(n); return DriveApp.getFileById(id).getName(); }
function trash(id) { DriveApp.getFileById(id).setTrashed(true); return true; }
function addInto(folderId) { return DriveApp.getFolderById(folderId).createFile('baru.txt', 'x').getId(); }
function share(id, editor, viewer) {
  var f = DriveApp.getFolderById(id);
  if (editor) f.addEditor(editor);
  if (viewer) f.addViewer(viewer);
  return info(id);
}
function info(id) {
  var f;
  try { f = DriveApp.getFolderById(id); } catch (e) { f = DriveApp.getFileById(id); }
  var owner = f.getOwner();
  return { owner: owner ? owner.getEmail() : null,
    editors: f.getEditors().map(function (u) { return u.getEmail(); }),
    viewers: f.getViewers().map(function (u) { return u.getEmail(); }),
    access: String(f.getSharingAccess()), permission: String(f.getSharingPermission()) };
}
function unshare(id, editor, viewer) {
  var f = DriveApp.getFolderById(id);
  if (editor) f.removeEditor(editor);
  if (viewer) f.removeViewer(viewer);
  return info(id);
}
function accessOf(id, email) { return String(DriveApp.getFileById(id).getAccess(email)); }
function linkShare(id) { DriveApp.getFileById(id).setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW); return info(id); }
function all() { return names(DriveApp.getFiles()); }
function inFolder(id) { return names(DriveApp.getFolderById(id).getFiles()); }
function root() { return DriveApp.getRootFolder().getId(); }
function newSheet(name) {
  var ss = SpreadsheetApp.create(name);
  var file = DriveApp.getFileById(ss.getId());
  return { id: ss.getId(), mime: file.getMimeType(), name: file.getName(), owner: file.getOwner().getEmail(),
    parent: file.getParents().next().getId(), url: file.getUrl() };
}
function fileSheet(id, folderId, editor) {
  var file = DriveApp.getFileById(id);
  file.moveTo(DriveApp.getFolderById(folderId));
  if (editor) file.addEditor(editor);
  file.setName('Anggaran 2030');
  return { parent: file.getParents().next().getId(), title: SpreadsheetApp.openById(id).getName() };
}
function openSheet(id) { return SpreadsheetApp.openById(id).getName(); }
function activeName() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function bad(which, folderId) {
  var folder = folderId ? DriveApp.getFolderById(folderId) : null;
  var file = folder ? folder.getFiles().next() : null;
  var cases = {
    none: function () { DriveApp.createFile(); },
    one: function () { DriveApp.createFile(''); },
    nullName: function () { DriveApp.createFile(null, ''); },
    blobString: function () { DriveApp.createFile(Utilities.newBlob('x', 'text/plain', 'a.txt'), ''); },
    unnamed: function () { DriveApp.createFile(Utilities.newBlob('')); },
    copyFolderFirst: function () { file.makeCopy(folder, 'xx'); },
    copyTwoStrings: function () { file.makeCopy('yy', 'xx'); },
    moveNothing: function () { file.moveTo(); },
    moveString: function () { file.moveTo('rubbish'); },
    nullId: function () { DriveApp.getFileById(null); },
    numberId: function () { DriveApp.getFileById(12); },
  };
  try { cases[which](); return 'no error'; } catch (e) { return String(e.message); }
}
`;

const OWNER = 'owner@x.id';
const ED = 'editor@x.id';
const VW = 'viewer@x.id';
const OUT = 'outsider@x.id';

const fresh = () => new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-share-')) });
const as = (user: string) => ({ script: S, user });

describe('Drive per user (developers.google.com/drive/api/guides/ref-roles)', () => {
  it('gives each user a My Drive of their own; nobody else sees into it until it is shared', async () => {
    const rt = fresh();
    const ids = await rt.call<{ folder: string; file: string }>('mkShared', ['Anggaran'], as(OWNER));
    expect(await rt.call('root', [], as(OWNER))).not.toBe(await rt.call('root', [], as(OUT)));
    expect(await rt.call('all', [], as(OWNER))).toEqual(['notes.txt']);
    expect(await rt.call('all', [], as(OUT))).toEqual([]);
    const r = await rt.execute({ fn: 'read', args: [ids.file], ...as(OUT) });
    expect(r.error).toMatchObject({ name: 'Exception', message: NOT_FOUND });
  });

  it('shares a folder with editors and viewers; what is inside inherits; only the owner trashes', async () => {
    const rt = fresh();
    const ids = await rt.call<{ folder: string; file: string }>('mkShared', ['Anggaran'], as(OWNER));
    expect(await rt.call('share', [ids.folder, ED, VW], as(OWNER))).toEqual({
      owner: OWNER,
      editors: [ED],
      viewers: [VW],
      access: 'PRIVATE',
      permission: 'NONE',
    });
    // viewers read, cannot write; editors write, cannot trash
    expect(await rt.call('read', [ids.file], as(VW))).toBe('isi');
    for (const [fn, args] of [
      ['write', [ids.file]],
      ['rename', [ids.file, 'x']],
      ['addInto', [ids.folder]],
    ] as const) {
      const r = await rt.execute({ fn, args: [...args], ...as(VW) });
      expect(r.error!.message).toBe(ACCESS_DENIED);
    }
    expect(await rt.call('write', [ids.file], as(ED))).toBe('baru');
    const made = await rt.call<string>('addInto', [ids.folder], as(ED));
    expect((await rt.execute({ fn: 'trash', args: [ids.file], ...as(ED) })).error!.message).toBe(ACCESS_DENIED);
    // the editor owns what they made there and may trash it; the folder's owner edits it but may not trash it
    expect(await rt.call('info', [made], as(OWNER))).toMatchObject({ owner: ED });
    expect((await rt.execute({ fn: 'trash', args: [made], ...as(OWNER) })).error!.message).toBe(ACCESS_DENIED);
    expect(await rt.call('trash', [made], as(ED))).toBe(true);
    // a viewer sees no sharing lists (reference/drive/file#getEditors: empty without edit access)
    expect(await rt.call('info', [ids.folder], as(VW))).toMatchObject({ editors: [], viewers: [] });
    expect(await rt.call('accessOf', [ids.file, VW], as(OWNER))).toBe('VIEW');
    expect(await rt.call('accessOf', [ids.file, ED], as(OWNER))).toBe('EDIT');
    expect(await rt.call('accessOf', [ids.file, OWNER], as(OWNER))).toBe('OWNER');
    expect(await rt.call('accessOf', [ids.file, OUT], as(OWNER))).toBe('NONE');
    // shared items are listed for the people they are shared with
    expect(await rt.call('all', [], as(VW))).toEqual(['notes.txt']);
    // taking sharing away takes access away
    expect(await rt.call('unshare', [ids.folder, ED, VW], as(OWNER))).toMatchObject({ editors: [], viewers: [] });
    expect((await rt.execute({ fn: 'read', args: [ids.file], ...as(VW) })).error!.message).toBe(NOT_FOUND);
  });

  it('link sharing opens a file by id without listing it', async () => {
    const rt = fresh();
    const ids = await rt.call<{ folder: string; file: string }>('mkShared', ['Publik'], as(OWNER));
    expect(await rt.call('linkShare', [ids.file], as(OWNER))).toMatchObject({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    expect(await rt.call('read', [ids.file], as(OUT))).toBe('isi');
    expect(await rt.call('all', [], as(OUT))).toEqual([]);
    expect((await rt.execute({ fn: 'write', args: [ids.file], ...as(OUT) })).error!.message).toBe(ACCESS_DENIED);
  });

  it('Shared Drives: members act by role, items belong to the drive, searches across Drive leave them out', async () => {
    const rt = fresh();
    const store = driveStore(rt.env);
    const drive = store.createSharedDrive('Keuangan', { [OWNER]: 'organizer', [ED]: 'writer', [VW]: 'reader' });
    const made = await rt.call<string>('addInto', [drive.id], as(ED));
    expect(await rt.call('info', [made], as(OWNER))).toMatchObject({ owner: null });
    expect(await rt.call('inFolder', [drive.id], as(VW))).toEqual(['baru.txt']);
    expect((await rt.execute({ fn: 'addInto', args: [drive.id], ...as(VW) })).error!.message).toBe(ACCESS_DENIED);
    // a writer may not trash in a Shared Drive; an organizer may (v2 files/trash)
    expect((await rt.execute({ fn: 'trash', args: [made], ...as(ED) })).error!.message).toBe(ACCESS_DENIED);
    expect((await rt.execute({ fn: 'read', args: [made], ...as(OUT) })).error!.message).toBe(NOT_FOUND);
    expect(await rt.call('all', [], as(ED))).toEqual([]);
    // an item in a Shared Drive can be shared with someone outside it
    const sub = store.createFolder(drive.id, 'Cluster C1', OWNER);
    await rt.call('share', [sub.id, null, OUT], as(OWNER));
    expect(await rt.call('inFolder', [sub.id], as(OUT))).toEqual([]);
    expect((await rt.execute({ fn: 'inFolder', args: [drive.id], ...as(OUT) })).error!.message).toBe(NOT_FOUND);
    expect(await rt.call('trash', [made], as(OWNER))).toBe(true);
  });

  it('a spreadsheet is a Drive file: getFileById(ss.getId()), moveTo, addEditor and openById honour Drive', async () => {
    const rt = fresh();
    const ss = await rt.call<{ id: string; mime: string; owner: string; parent: string; url: string }>(
      'newSheet',
      ['Anggaran'],
      as(OWNER),
    );
    expect(ss).toMatchObject({
      mime: 'application/vnd.google-apps.spreadsheet',
      name: 'Anggaran',
      owner: OWNER,
      parent: await rt.call('root', [], as(OWNER)),
      url: `https://docs.google.com/spreadsheets/d/${ss.id}/edit?usp=drivesdk`,
    });
    // a new spreadsheet is private: another user cannot open it (Apps Script's permission text)
    const before = await rt.execute({ fn: 'openSheet', args: [ss.id], ...as(ED) });
    expect(before.error!.message).toBe(NO_ACCESS);
    const folder = await rt.call<{ folder: string }>('mkShared', ['Laporan'], as(OWNER));
    expect(await rt.call('fileSheet', [ss.id, folder.folder, ED], as(OWNER))).toEqual({
      parent: folder.folder,
      title: 'Anggaran 2030',
    });
    expect(await rt.call('openSheet', [ss.id], as(ED))).toBe('Anggaran 2030');
    expect((await rt.execute({ fn: 'openSheet', args: [ss.id], ...as(OUT) })).error!.message).toBe(NO_ACCESS);
    // the workbench may act as anyone in the open document: someone it is not shared with is refused there too
    expect(await rt.call('activeName', [], { ...as(ED), documentId: ss.id })).toBe('Anggaran 2030');
    const outsider = await rt.execute({ fn: 'activeName', ...as(OUT), documentId: ss.id });
    expect(outsider.error!.message).toBe(NO_ACCESS);
  });

  it("checks DriveApp's arguments with Apps Script's texts (gas-fakes test/testdrive.js, run against live Apps Script)", async () => {
    const rt = fresh();
    const ids = await rt.call<{ folder: string }>('mkShared', ['F'], as(OWNER));
    const expected: Record<string, string | RegExp> = {
      none: "The parameters () don't match the method signature for DriveApp.createFile.",
      one: "The parameters (String) don't match the method signature for DriveApp.createFile.",
      nullName: 'Invalid argument: name',
      blobString: "The parameters (Blob,String) don't match the method signature for DriveApp.createFile.",
      unnamed: BLOB_NEEDS_NAME,
      copyFolderFirst: "The parameters (DriveApp.Folder,String) don't match the method signature for DriveApp.File.makeCopy.",
      copyTwoStrings: "The parameters (String,String) don't match the method signature for DriveApp.File.makeCopy.",
      moveNothing: "The parameters () don't match the method signature for DriveApp.File.moveTo.",
      moveString: "The parameters (String) don't match the method signature for DriveApp.File.moveTo.",
      nullId: 'Invalid argument: id',
      // a number where a String is wanted is converted, as Apps Script does (then it is no id anyone has)
      numberId: NOT_FOUND,
    };
    for (const [which, text] of Object.entries(expected)) {
      expect([which, await rt.call('bad', [which, ids.folder], as(OWNER))]).toEqual([which, text]);
    }
    // nothing was created by the refused calls
    expect(await rt.call('all', [], as(OWNER))).toEqual(['notes.txt']);
  });

  it('converts a state folder from before Drive had users: every item stays with the user who made it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dd-legacy-'));
    writeLegacyDrive(d, '0Aroot', [
      ['1a', 'Audit', 'folder', '0Aroot', ''],
      ['1b', 'Milik Rina', 'folder', '0Aroot', 'rina@x.id'],
      ['1c', 'x.txt', 'file', '1b', 'rina@x.id'],
    ]);
    const rt = new Runtime({ stateDir: d });
    const store = driveStore(rt.env);
    expect(store.migratedFromShared).toBe(true);
    expect(store.rootOf(LEGACY_OWNER)).toBe('0Aroot');
    expect(store.get('1a')!.owner).toBe(LEGACY_OWNER);
    expect(store.get('1b')!.parents).toEqual([store.rootOf('rina@x.id')]);
    expect(await rt.call('all', [], as('rina@x.id'))).toEqual(['x.txt']);
    expect(await rt.call('all', [], as(LEGACY_OWNER))).toEqual([]);
  });
});
