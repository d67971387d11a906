// Typed RPC calls into the offline runtime for tests: the function names, argument and result types come from
// src/server/api.ts (through the client's RpcName/RpcArgs/RpcResult), errors are decoded by the client's one decoder.
import type { Runtime } from '../../src/local/runtime/runtime';
import type { ExecResult } from '../../src/local/runtime/types';
import { decodeRpcError, type RpcArgs, type RpcName, type RpcResult } from '../../src/client/core/rpc';

export type { RpcArgs, RpcName, RpcResult };

/** What an RPC execution gave: its value, or the DataDesk error it failed with, and what it cost. */
export interface RpcOutcome<T> {
  ok: boolean;
  value: T;
  /** The AppError code; 'RAW' when the failure was not DataDesk's own (an Apps Script or emulator error). */
  code: string | null;
  message: string;
  messageEn: string;
  details: Record<string, unknown> | null;
  counts: Record<string, number>;
  durationMs: number;
  logs: string[];
}

/** Who calls and in which document (the runtime's default document when omitted). */
export interface Caller {
  user: string;
  documentId?: string;
}

/** Reads an execution's result, decoding a DataDesk error payload (an INTERNAL error carries the logs in `message`). */
export function outcomeOf<T>(r: ExecResult): RpcOutcome<T> {
  const base = { counts: r.counts, durationMs: r.durationMs, logs: r.logs };
  if (r.ok) return { ...base, ok: true, value: r.value as T, code: null, message: '', messageEn: '', details: null };
  const msg = r.error?.message ?? '';
  const p = decodeRpcError(msg);
  if (!p) return { ...base, ok: false, value: undefined as T, code: 'RAW', message: msg, messageEn: msg, details: null };
  return {
    ...base,
    ok: false,
    value: undefined as T,
    code: p.code,
    message: p.code === 'INTERNAL' ? `${p.message} ${r.logs.join('\n')}` : p.message,
    messageEn: p.messageEn,
    details: p.details ?? null,
  };
}

/** Runs RPC `fn` as google.script.run would for `who`; never throws for a failed call (see `ok`). */
export async function rpcAs<K extends RpcName>(
  rt: Runtime,
  who: Caller,
  fn: K,
  ...args: RpcArgs<K>
): Promise<RpcOutcome<RpcResult<K>>> {
  return outcomeOf(await rt.execute({ fn, args, user: who.user, kind: 'rpc', documentId: who.documentId }));
}

/**
 * Like rpcAs with arguments the types would refuse: for tests that send what a tampered or outdated client could
 * (wrong types, missing fields), which the server must refuse cleanly.
 */
export async function rpcUntyped(rt: Runtime, who: Caller, fn: RpcName, args: unknown[]): Promise<RpcOutcome<unknown>> {
  return outcomeOf(await rt.execute({ fn, args, user: who.user, kind: 'rpc', documentId: who.documentId }));
}

/** The value of a call that must succeed; a failure throws with its code and message. */
export function ok<T>(o: RpcOutcome<T>, what = 'rpc'): T {
  if (!o.ok) throw new Error(`${what} failed: ${o.code} ${o.message}`);
  return o.value;
}
