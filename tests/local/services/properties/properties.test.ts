// PropertiesService fidelity: scopes and limits (reference/properties/properties-service; guides/services/quotas).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { QUOTA_ERROR } from '../../../../src/local/services/properties/index';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const SCRIPT = `
function setUser(k, v) { PropertiesService.getUserProperties().setProperty(k, v); }
function getUser(k) { return PropertiesService.getUserProperties().getProperty(k); }
function docNull() { return PropertiesService.getDocumentProperties() === null; }
function setDoc(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); return PropertiesService.getDocumentProperties().getProperty(k); }
function big(n) { PropertiesService.getScriptProperties().setProperty('big', new Array(n + 1).join('x')); }
function fill(count, each) {
  var p = PropertiesService.getScriptProperties();
  for (var i = 0; i < count; i++) p.setProperty('k' + i, new Array(each + 1).join('y'));
}
function all() { var p = PropertiesService.getScriptProperties(); return { keys: p.getKeys().sort(), props: p.getProperties() }; }
function bulk(obj, del) { PropertiesService.getScriptProperties().setProperties(obj, del); return all(); }
function chain() { return PropertiesService.getScriptProperties().setProperty('a', 1).setProperty('b', true).getProperties(); }
function wipe() { var p = PropertiesService.getScriptProperties(); p.deleteProperty('a'); var one = p.getKeys(); p.deleteAllProperties(); return [one, p.getKeys()]; }
`;

describe('PropertiesService (reference/properties/properties-service)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-props-'));
  const rt = new Runtime({ stateDir: dir });

  it('keeps user properties per user and document properties per document (null outside one)', async () => {
    await rt.call('setUser', ['color', 'red'], { script: SCRIPT, user: 'a@x.id' });
    expect(await rt.call('getUser', ['color'], { script: SCRIPT, user: 'a@x.id' })).toBe('red');
    expect(await rt.call('getUser', ['color'], { script: SCRIPT, user: 'b@x.id' })).toBeNull();
    expect(await rt.call('docNull', [], { script: SCRIPT, documentId: null })).toBe(true);
    expect(await rt.call('setDoc', ['k', 'v'], { script: SCRIPT, documentId: 'doc1' })).toBe('v');
  });

  it('stores values as strings, chains setters, and persists across a new Runtime', async () => {
    expect(await rt.call('chain', [], { script: SCRIPT })).toEqual({ a: '1', b: 'true' });
    const again = new Runtime({ stateDir: dir });
    expect(await again.call('getUser', ['color'], { script: SCRIPT, user: 'a@x.id' })).toBe('red');
  });

  it('setProperties merges, or replaces all with deleteAllOthers; deleteProperty / deleteAllProperties', async () => {
    expect(((await rt.call('bulk', [{ c: '3' }, false], { script: SCRIPT })) as { keys: string[] }).keys).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(await rt.call('bulk', [{ d: '4' }, true], { script: SCRIPT })).toEqual({ keys: ['d'], props: { d: '4' } });
    await rt.call('chain', [], { script: SCRIPT });
    expect(await rt.call('wipe', [], { script: SCRIPT })).toEqual([['d', 'b'], []]);
  });

  it("refuses a value over 9 KB with Apps Script's quota error and changes nothing (guides/services/quotas)", async () => {
    await rt.call('big', [9 * 1024], { script: SCRIPT });
    const r = await rt.execute({ fn: 'big', args: [9 * 1024 + 1], script: SCRIPT });
    expect(r.error).toMatchObject({ name: 'Exception', message: QUOTA_ERROR });
    expect(((await rt.call('all', [], { script: SCRIPT })) as { props: Record<string, string> }).props.big.length).toBe(9 * 1024);
  });

  it('refuses a store beyond 500 KB with the same error', async () => {
    const r = await rt.execute({ fn: 'fill', args: [60, 9000], script: SCRIPT });
    expect(r.error!.message).toBe(QUOTA_ERROR);
    const { keys } = (await rt.call('all', [], { script: SCRIPT })) as { keys: string[] };
    // 9 KB big + 9000-byte values: the 56th would pass 500 KB
    expect(keys.length).toBe(1 + 55);
  });
});
