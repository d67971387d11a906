// CacheService fidelity (reference/cache/cache; reference/cache/cache-service): limits and expiry by the emulated clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { KEY_TOO_LARGE, VALUE_TOO_LARGE, BAD_EXPIRY } from '../../../../src/local/services/cache/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const S = `
function put(k, v, s) { if (s === null) CacheService.getScriptCache().put(k, v); else CacheService.getScriptCache().put(k, v, s); }
function get(k) { return CacheService.getScriptCache().get(k); }
function userPut(k, v) { CacheService.getUserCache().put(k, v); }
function userGet(k) { return CacheService.getUserCache().get(k); }
function docNull() { return CacheService.getDocumentCache() === null; }
function many(n) { var c = CacheService.getScriptCache(); for (var i = 0; i < n; i++) c.put('k' + i, 'v' + i, 3600); return [c.get('k0'), c.get('k' + (n - 1))]; }
function bulk() {
  var c = CacheService.getScriptCache();
  c.putAll({ a: '1', b: '2', c: '3' }, 60);
  c.removeAll(['b']);
  c.remove('c');
  return c.getAll(['a', 'b', 'c', 'zz']);
}
function repeat(n) { return new Array(n + 1).join('z'); }
function bigValue(n) { CacheService.getScriptCache().put('big', repeat(n)); return CacheService.getScriptCache().get('big').length; }
function bigKey(n) { CacheService.getScriptCache().put(repeat(n), 'v'); }
`;

describe('CacheService (reference/cache/cache)', () => {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-cache-')) });
  const at = (iso: string) => rt.env.clock.advanceTo(new Date(iso));

  it('expires entries by the emulated clock: default 600 s, or the given seconds', async () => {
    at('2030-01-01T00:00:00Z');
    await rt.call('put', ['d', 'default', null], { script: S });
    await rt.call('put', ['s', 'short', 5], { script: S });
    at('2030-01-01T00:00:04Z');
    expect(await rt.call('get', ['s'], { script: S })).toBe('short');
    at('2030-01-01T00:00:06Z');
    expect(await rt.call('get', ['s'], { script: S })).toBeNull();
    expect(await rt.call('get', ['d'], { script: S })).toBe('default');
    at('2030-01-01T00:10:01Z');
    expect(await rt.call('get', ['d'], { script: S })).toBeNull();
  });

  it('refuses expiry outside 1 s – 6 h, keys over 250 characters and values over 100 KB', async () => {
    for (const s of [0, 21601])
      expect((await rt.execute({ fn: 'put', args: ['x', 'y', s], script: S })).error!.message).toBe(BAD_EXPIRY);
    await rt.call('put', ['x', 'y', 21600], { script: S });
    await rt.call('bigKey', [250], { script: S });
    expect((await rt.execute({ fn: 'bigKey', args: [251], script: S })).error!.message).toBe(KEY_TOO_LARGE);
    expect(await rt.call('bigValue', [100 * 1024], { script: S })).toBe(100 * 1024);
    expect((await rt.execute({ fn: 'bigValue', args: [100 * 1024 + 1], script: S })).error!.message).toBe(VALUE_TOO_LARGE);
  });

  it('keeps user caches apart, has no document cache outside a document, and supports putAll/getAll/removeAll', async () => {
    await rt.call('userPut', ['k', 'mine'], { script: S, user: 'a@x.id' });
    expect(await rt.call('userGet', ['k'], { script: S, user: 'a@x.id' })).toBe('mine');
    expect(await rt.call('userGet', ['k'], { script: S, user: 'b@x.id' })).toBeNull();
    expect(await rt.call('docNull', [], { script: S, documentId: null })).toBe(true);
    expect(await rt.call('bulk', [], { script: S })).toEqual({ a: '1' });
  });

  it('holds about 1,000 items, then evicts the oldest', async () => {
    expect(await rt.call('many', [1100], { script: S })).toEqual([null, 'v1099']);
  });
});
