// build/Code.js as Apps Script loads it: a fresh V8 context holding only Apps Script's globals.
// Pins: every entry point is a top-level function (Apps Script calls globals: developers.google.com/apps-script/guides/html/reference/run)
// and the bundle reaches for no global Apps Script lacks (developers.google.com/apps-script/guides/v8-runtime).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { NODE_ONLY_GLOBALS } from '../../../src/local/runtime/globals';

const CODE = join(__dirname, '../../../build/Code.js');
const SERVICES = [
  'SpreadsheetApp',
  'DriveApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Jdbc',
  'UrlFetchApp',
  'MailApp',
  'ScriptApp',
  'Session',
  'Logger',
  'Utilities',
  'HtmlService',
  'console',
];

/** A service stand-in that accepts any chain of calls and records what was called. */
function recorder(name: string, calls: string[]): unknown {
  const make = (path: string): unknown =>
    new Proxy(() => {}, {
      get: (_t, p) => (typeof p === 'symbol' ? undefined : p === 'then' ? undefined : make(`${path}.${String(p)}`)),
      apply: () => {
        calls.push(path);
        return make(`${path}()`);
      },
    });
  return make(name);
}

function load(): { ctx: Record<string, unknown>; touched: string[]; calls: string[] } {
  const touched: string[] = [];
  const calls: string[] = [];
  const sandbox: Record<string, unknown> = {};
  for (const s of SERVICES) sandbox[s] = recorder(s, calls);
  const ctx = createContext(sandbox);
  // The context has none of Node's globals, as Apps Script has none: feature detection (`typeof TextDecoder`)
  // passes, and any real use throws a ReferenceError, which the tests below would see.
  for (const name of NODE_ONLY_GLOBALS) if (name in ctx) touched.push(name);
  runInContext(readFileSync(CODE, 'utf8'), ctx, { filename: 'Code.js' });
  return { ctx: ctx as Record<string, unknown>, touched, calls };
}

describe('build/Code.js', () => {
  beforeAll(() => {
    if (!existsSync(CODE)) throw new Error('build/Code.js is missing: run npm run build');
  });

  it('declares every entry point as a top-level function', () => {
    const { ctx } = load();
    const required = [
      'onOpen',
      'onInstall',
      'heartbeat',
      'openSettings',
      'app_whoami',
      'settings_listRoles',
      'settings_saveRoles',
      'settings_getDb',
      'settings_saveDb',
    ];
    for (const fn of required) expect([fn, typeof ctx[fn]]).toEqual([fn, 'function']);
  });

  it('keeps parameter lists and JSDoc on the global stubs', () => {
    const src = readFileSync(CODE, 'utf8');
    expect(src).toMatch(/\/\*\*[\s\S]*?@param \{GoogleAppsScript\.Events\.SheetsOnOpen\} e[\s\S]*?\*\/\nfunction onOpen\(e\) \{/);
    expect(src).toMatch(/\nfunction settings_saveDb\(url, user, password\) \{/);
  });

  it('loads and builds the menu in a context without any global Apps Script lacks', () => {
    const { ctx, touched, calls } = load();
    expect(() => (ctx.onOpen as (e: unknown) => void)({ authMode: 'LIMITED' })).not.toThrow();
    expect(touched).toEqual([]);
    expect(calls).toContain('SpreadsheetApp.getUi().createAddonMenu().addToUi');
  });

  it('does not bundle Node built-in modules or the emulator', () => {
    const src = readFileSync(CODE, 'utf8');
    expect(src).not.toMatch(/\brequire\(\s*["'](node:|fs|path|child_process|worker_threads|http|https|crypto)/);
    expect(src).not.toMatch(/src\/local\//);
  });
});
