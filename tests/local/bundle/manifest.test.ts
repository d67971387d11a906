// appsscript.json declares the scope of every service build/Code.js calls, and no narrower one where a call needs
// more: opening the document by id from a time-driven trigger needs `spreadsheets`, not `spreadsheets.currentonly`
// (docs/platform.md §11 "Who runs what"; reference/spreadsheet/spreadsheet-app#openById lists its scopes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const SCOPE = 'https://www.googleapis.com/auth/';
/** A call the bundle makes → the scope Apps Script's reference lists for it. */
const NEEDS: Array<[RegExp, string]> = [
  [/SpreadsheetApp\.openById\(/, 'spreadsheets'],
  [/DriveApp\.(getFolderById|getFileById|createFolder|getRootFolder)\(/, 'drive'],
  [/MailApp\.sendEmail\(/, 'script.send_mail'],
  [/UrlFetchApp\.fetch(All)?\(/, 'script.external_request'],
  [/Jdbc\.getConnection\(/, 'script.external_request'],
  [/ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers)\(/, 'script.scriptapp'],
  [/\.showSidebar\(/, 'script.container.ui'],
  [/Session\.get(Active|Effective)User\(\)\.getEmail\(\)/, 'userinfo.email'],
];

it('declares the scope of every service the bundle calls; the README names each one', () => {
  const code = readFileSync(join(ROOT, 'build', 'Code.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const [call, scope] of NEEDS) {
    expect([String(call), call.test(code)]).toEqual([String(call), true]);
    expect(manifest.oauthScopes).toContain(SCOPE + scope);
  }
  expect(manifest.oauthScopes).not.toContain(`${SCOPE}spreadsheets.currentonly`);
  for (const s of manifest.oauthScopes) expect([s, readme.includes('`' + s.replace(SCOPE, '') + '`')]).toEqual([s, true]);
  // the built copy is the manifest clasp pushes
  expect(JSON.parse(readFileSync(join(ROOT, 'build', 'appsscript.json'), 'utf8'))).toEqual(manifest);
});
