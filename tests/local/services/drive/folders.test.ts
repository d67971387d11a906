// DriveApp folder listings the add-on does not call yet (reference/drive/drive-app#getFolders, #searchFolders,
// #getTrashedFolders, #continueFolderIterator; reference/drive/folder#getFolders, #searchFolders), a file's download
// URL (reference/drive/file#getDownloadUrl) and a user's domain (reference/drive/user#getDomain).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

jest.setTimeout(30_000);

let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-drive-folders-')) });
});
afterAll(() => rt.close());

const S = `
function names(it) { var out = []; while (it.hasNext()) out.push(it.next().getName()); return out.sort(); }
function main() {
  var top = DriveApp.createFolder('Ekspor');
  top.createFolder('Tokopedia');
  top.createFolder('Shopee');
  DriveApp.createFolder('Lain').setTrashed(true);
  var it = top.getFolders();
  var first = it.next().getName();
  var rest = names(DriveApp.continueFolderIterator(it.getContinuationToken()));
  var file = top.createFile('a.csv', 'x', 'text/csv');
  return JSON.stringify({
    mine: names(DriveApp.getFolders()),
    sub: names(top.getFolders()),
    resumed: [first].concat(rest).sort(),
    found: names(DriveApp.searchFolders("title contains 'pedia'")),
    foundIn: names(top.searchFolders("title = 'Shopee'")),
    trashed: names(DriveApp.getTrashedFolders()),
    download: file.getDownloadUrl().indexOf(file.getId()) >= 0,
    domain: file.getOwner().getDomain(),
  });
}`;

describe('DriveApp folder listings', () => {
  it('lists, searches and resumes folder listings; trashed folders apart; download URL and owner domain', async () => {
    const v = JSON.parse(await rt.call<string>('main', [], { script: S, user: 'merch@datadesk.local' }));
    expect(v).toEqual({
      // Like getFiles, getFolders lists trashed items too (search with "trashed = false" to leave them out).
      mine: ['Ekspor', 'Lain', 'Shopee', 'Tokopedia'],
      sub: ['Shopee', 'Tokopedia'],
      resumed: ['Shopee', 'Tokopedia'],
      found: ['Tokopedia'],
      foundIn: ['Shopee'],
      trashed: ['Lain'],
      download: true,
      domain: 'datadesk.local',
    });
  });
});
