// The validated RPC boundary, in the runtime through the built Code.js: every RPC function's arguments are checked
// against src/server/rpc-args.ts before it runs; null, a wrong type, a non-numeric id or a NUL character is refused as
// INVALID with a message in Bahasa Indonesia and English that names the field, and nothing changes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { runSnippet, setScriptProperties } from '../../../src/local/demo/script';
import { RPC_ARGS } from '../../../src/server/rpc-args';
import type { Shape } from '../../../src/server/core/shape';
import { ok, rpcAs, rpcUntyped, type RpcName } from '../../support/rpc';

jest.setTimeout(300_000);
const ADMIN = 'admin@datadesk.local';
let rt: Runtime;
const roles = { [ADMIN]: ['admin'], 'analis@datadesk.local': ['analyst'] };

beforeAll(async () => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-boundary-')) });
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: ADMIN }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify(roles) });
});
afterAll(async () => rt.close());

const call = (fn: RpcName, args: unknown[]) => rpcUntyped(rt, { user: ADMIN }, fn, args);
const withParams = Object.entries(RPC_ARGS).filter(([, ps]) => ps.length > 0) as unknown as Array<
  [RpcName, Array<readonly [string, Shape<unknown>]>]
>;

describe('the RPC boundary', () => {
  it('the table names every RPC function the bundle exposes', () => {
    expect(Object.keys(RPC_ARGS).length).toBeGreaterThanOrEqual(55);
  });

  it('refuses null arguments to every RPC function: INVALID naming the first field, never INTERNAL', async () => {
    for (const [fn, params] of withParams) {
      const o = await call(
        fn,
        params.map(() => null),
      );
      const field = String(o.details?.field ?? '');
      // Every parameter of budget_setupFolders may be null: it passes the boundary and fails (or not) in its own words.
      if (o.code !== 'INVALID' && params.every(([, s]) => s.test(null, '') === null)) {
        expect([fn, o.code]).not.toEqual([fn, expect.stringMatching(/^(INTERNAL|RAW)$/)]);
        continue;
      }
      expect([fn, o.code, params.map((p) => p[0])]).toEqual([fn, 'INVALID', expect.arrayContaining([field])]);
      expect(o.message).toMatch(
        new RegExp(`^Argumen "${field}" tidak valid: harus .+, bukan kosong \\(null\\)\\. Tidak ada yang diubah\\.$`),
      );
      expect(o.messageEn).toMatch(
        new RegExp(`^Argument "${field}" is not valid: it must be .+, not null\\. Nothing was changed\\.$`),
      );
    }
  });

  it('a non-numeric or fractional id, a wrong type, a NUL character, a missing field: each named', async () => {
    const cases: Array<[RpcName, unknown[], string, RegExp]> = [
      ['budget_approve', ['12'], 'id', /harus bilangan bulat ≥ 1, bukan teks/],
      ['budget_approve', [1.5], 'id', /harus bilangan bulat ≥ 1, bukan angka 1.5/],
      ['budget_reject', [3, { text: 'no' }], 'reason', /harus teks, bukan objek/],
      ['budget_deleteEvidence', [Number.NaN], 'id', /bukan kosong \(null\)|bukan angka/],
      ['segments_load', ['WABA\u0000'], 'name', /harus teks tanpa karakter NUL, bukan teks dengan karakter NUL/],
      ['settings_saveRoles', [[{ email: 'a@b.id', roles: ['root'] }]], 'rows[0].roles[0]', /salah satu dari: admin, analyst/],
      ['settings_saveRoles', [[{ email: 'x\u0000@b.id', roles: ['admin'] }]], 'rows[0].email', /tanpa karakter NUL/],
      ['budget_listEvidence', [{ status: '', clusterId: '', month: '' }], 'filter.page', /bukan tidak ada/],
      ['budget_submitEvidence', [{}, []], 'input.clusterId', /harus teks, bukan tidak ada/],
      ['segments_preview', [[]], 'request', /harus objek, bukan daftar/],
      ['segments_preview', [{ name: 'a', criteria: { cities: ['Bogor\u0000'] } }], 'request.criteria.cities[0]', /NUL/],
      ['budget_approve', [1, 2], '', /menerima 1 argumen, bukan 2/],
    ];
    for (const [fn, args, field, re] of cases) {
      const o = await call(fn, args);
      expect([fn, field, o.code]).toEqual([fn, field, 'INVALID']);
      expect([fn, field, o.message]).toEqual([fn, field, expect.stringMatching(re)]);
      if (field) expect(o.messageEn).toContain(`Argument "${field}" is not valid`);
    }
  });

  it('nothing changes: the refused role list leaves the roles as they were', async () => {
    const before = ok(await rpcAs(rt, { user: ADMIN }, 'settings_listRoles'));
    const o = await call('settings_saveRoles', [
      [
        { email: 'baru@datadesk.local', roles: ['admin'] },
        { email: 'x', roles: null },
      ],
    ]);
    expect([o.code, o.details]).toEqual(['INVALID', { field: 'rows[1].roles' }]);
    expect(ok(await rpcAs(rt, { user: ADMIN }, 'settings_listRoles'))).toEqual(before);
    const stored = await runSnippet<string>(rt, "return PropertiesService.getScriptProperties().getProperty('DATADESK_ROLES');");
    expect(JSON.parse(stored)).toEqual(roles);
  });

  it('well-formed calls pass the boundary unchanged', async () => {
    expect(ok(await rpcAs(rt, { user: ADMIN }, 'app_whoami')).email).toBe(ADMIN);
    const saved = ok(
      await rpcAs(rt, { user: ADMIN }, 'settings_saveRoles', [
        { email: ADMIN, roles: ['admin'] },
        { email: "o'neil@datadesk.local", roles: ['analyst'] },
      ]),
    );
    expect(saved.map((r) => r.email)).toContain("o'neil@datadesk.local");
  });
});
