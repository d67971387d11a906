// Google links in the add-on's pages, followed offline: the URLs DriveApp and SpreadsheetApp hand out name a local
// file or folder by id; other URLs name nothing the workbench holds.
import { Script } from 'node:vm';
import { googleTarget } from '../../../src/local/workbench/page/google-url';
import { SHIM_SOURCE } from '../../../src/local/workbench/page/shim';

it('reads the file or folder id from the URLs Apps Script gives out', () => {
  expect(googleTarget('https://drive.google.com/file/d/f_12-ab/view?usp=drivesdk')).toEqual({ kind: 'file', id: 'f_12-ab' });
  expect(googleTarget('https://drive.google.com/uc?id=f9&export=download')).toEqual({ kind: 'file', id: 'f9' });
  expect(googleTarget('https://docs.google.com/spreadsheets/d/ss1/edit')).toEqual({ kind: 'file', id: 'ss1' });
  expect(googleTarget('https://drive.google.com/drive/folders/d7')).toEqual({ kind: 'folder', id: 'd7' });
  expect(googleTarget('https://drive.google.com/drive/u/0/folders/d7')).toEqual({ kind: 'folder', id: 'd7' });
  expect(googleTarget('https://drive.google.com/')).toBeNull();
  expect(googleTarget('https://example.com/file/d/x')).toBeNull();
});

it('the frames’ shim, which follows those links, is valid JavaScript', () => {
  // The shim is source text inside a template literal: a backslash there is easily lost (a regex became a comment).
  expect(() => new Script(SHIM_SOURCE.replace(/__DD_STORAGE__/g, '{}'))).not.toThrow();
  expect(SHIM_SOURCE).toContain("__dd: 'open'");
});
