// The typed promise wrapper over google.script.run: names and argument types come from src/server/api.ts; failures
// arrive as RpcError, decoded from the server's DATADESK_ERROR payload in one place (decodeRpcError).
import type * as Api from '../../server/api';
import type { RpcErrorPayload, RpcErrorPrefix } from '../../server/core/errors';
import { msg } from '../../server/core/text';

type ServerApi = Omit<typeof Api, 'rpcApiIsJsonSafe'>;
export type RpcName = keyof ServerApi;
export type RpcArgs<K extends RpcName> = Parameters<ServerApi[K]>;
export type RpcResult<K extends RpcName> = ReturnType<ServerApi[K]>;

interface ScriptRun {
  withSuccessHandler(f: (value: unknown, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error, userObject?: unknown) => void): ScriptRun;
  withUserObject(o: unknown): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** Typed by the server's own declaration: a changed prefix on either side fails the type check. */
const PREFIX: RpcErrorPrefix = 'DATADESK_ERROR:';

/** An RPC failure as the sidebar shows it: a code and messages in both languages. */
export class RpcError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly details?: RpcErrorPayload['details'];
  constructor(p: RpcErrorPayload) {
    super(p.message);
    this.name = 'RpcError';
    this.code = p.code;
    this.messageEn = p.messageEn;
    this.details = p.details;
  }
}

/** The payload inside an error text that carries `DATADESK_ERROR:{…}` (Apps Script may prefix "Error: "); else null. */
export function decodeRpcError(text: string): RpcErrorPayload | null {
  const at = text.indexOf(PREFIX);
  if (at < 0) return null;
  try {
    const p = JSON.parse(text.slice(at + PREFIX.length)) as RpcErrorPayload;
    return typeof p?.code === 'string' && typeof p.message === 'string' ? p : null;
  } catch {
    return null;
  }
}

/** Turns what the failure handler receives into an RpcError. */
export function toRpcError(e: unknown): RpcError {
  const text = e instanceof Error ? e.message : String(e);
  const p = decodeRpcError(text);
  if (p) return new RpcError(p);
  const m = msg('common.error.transport', { detail: text });
  return new RpcError({ code: 'TRANSPORT', message: m.id, messageEn: m.en });
}

/** Calls a server function; resolves with its result or rejects with an RpcError. */
export function call<K extends RpcName>(name: K, ...args: RpcArgs<K>): Promise<RpcResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as RpcResult<K>))
      .withFailureHandler((e) => reject(toRpcError(e)));
    const fn = runner[name as string] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(toRpcError(new Error(`unknown server function ${String(name)}`)));
      return;
    }
    fn.apply(runner, args);
  });
}
