// The client's typed RPC wrapper: names and argument types come from src/server/api.ts; errors arrive typed.
import { thrownMessage } from '../../support/thrown';
import { call, decodeRpcError, toRpcError, RpcError } from '../../../src/client/core/rpc';
import { rpc } from '../../../src/server/core/rpc';
import { AppError } from '../../../src/server/core/errors';
import { msg } from '../../../src/server/core/text';
import type { AssertRpcApi } from '../../../src/server/core/json';

type Handler = (v: unknown) => void;

/** A google.script.run double that answers like Apps Script: success value or an Error with the thrown message. */
function installRun(answer: (fn: string, args: unknown[]) => { ok: true; value: unknown } | { ok: false; message: string }) {
  const make = (ok?: Handler, fail?: Handler): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get: (_t, p: string) => {
          if (p === 'withSuccessHandler') return (f: Handler) => make(f, fail);
          if (p === 'withFailureHandler') return (f: Handler) => make(ok, f);
          if (p === 'withUserObject') return () => make(ok, fail);
          return (...args: unknown[]) => {
            const r = answer(p, args);
            if (r.ok) ok?.(r.value);
            else fail?.(new Error(r.message));
          };
        },
      },
    );
  (globalThis as Record<string, unknown>).google = { script: { run: make() } };
}

describe('client rpc', () => {
  it('resolves with the server function result and passes the arguments through', async () => {
    const seen: unknown[] = [];
    installRun((fn, args) => (seen.push(fn, args), { ok: true, value: { url: 'u', user: 'x', hasPassword: true } }));
    await expect(call('settings_saveDb', 'jdbc:postgresql://h:5432/d', 'x', '')).resolves.toEqual({
      url: 'u',
      user: 'x',
      hasPassword: true,
    });
    expect(seen).toEqual(['settings_saveDb', ['jdbc:postgresql://h:5432/d', 'x', '']]);
  });

  it('turns a DataDesk error payload into an RpcError with code and both languages', async () => {
    const payload = { code: 'FORBIDDEN', message: 'Akses ditolak', messageEn: 'Access denied' };
    installRun(() => ({ ok: false, message: 'Error: DATADESK_ERROR:' + JSON.stringify(payload) }));
    const err = await call('settings_listRoles').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: 'Akses ditolak', messageEn: 'Access denied' });
  });

  it("reports a failure that is not DataDesk's own (a transport or Apps Script error) as TRANSPORT", () => {
    const e = toRpcError(new Error('ScriptError: Authorization is required to perform that action.'));
    expect(e.code).toBe('TRANSPORT');
    expect(e.messageEn).toContain('Authorization is required');
  });
});

// Type-level checks: these lines must fail to compile (tsc runs over tests/ in npm test).
// biome-ignore lint/suspicious/noExportsInTest: exported so the compile-time checks count as used
export function typeChecks(): void {
  // @ts-expect-error a renamed or unknown server function does not compile
  void call('settings_saveDatabase', 'a', 'b', 'c');
  // @ts-expect-error a wrong argument type does not compile
  void call('settings_saveDb', 42, 'user', 'pw');
  // @ts-expect-error a missing argument does not compile
  void call('settings_saveDb', 'url');
  type Bad = AssertRpcApi<{ f(): { at: Date }; g(x: { n?: number }): string }>;
  // @ts-expect-error a Date in a result is not JSON-safe
  const f: Bad['f'] = true;
  // @ts-expect-error an optional (undefined) field in an argument is not JSON-safe
  const g: Bad['g'] = true;
  void f;
  void g;
}

describe('decodeRpcError (the one decoder of the server encoding)', () => {
  it('reads back exactly what the server wrapper throws', () => {
    const text = thrownMessage(() =>
      rpc('x', () => {
        throw new AppError('CONFLICT', msg('segments.error.nameTaken', { name: 'X' }), { n: 2 });
      }),
    );
    expect(decodeRpcError(`Error: ${text}`)).toEqual({
      code: 'CONFLICT',
      message: 'Nama "X" sudah dipakai.',
      messageEn: 'The name "X" is already taken.',
      details: { n: 2 },
    });
  });

  it('answers null for text without the mark or with a damaged payload', () => {
    expect(decodeRpcError('Exception: Service invoked too many times')).toBeNull();
    expect(decodeRpcError('DATADESK_ERROR:{not json')).toBeNull();
    expect(decodeRpcError('DATADESK_ERROR:{"message":"no code"}')).toBeNull();
  });
});
