// The one error type DataDesk shows to users: a stable code and a message from the catalogue in both languages. This is
// where errors become text, so this is where secrets are masked (core/secrets.ts).
import { maskDeep, maskSecrets } from './secrets';
import { msg, Msg } from './text';

/** An error a user can act on. Its message crosses to the sidebar; anything else is logged and shown generically. */
export class AppError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly details?: Record<string, string | number | boolean | null>;
  constructor(code: string, m: Msg, details?: Record<string, string | number | boolean | null>) {
    super(maskSecrets(m.id));
    this.name = 'AppError';
    this.code = code;
    this.messageEn = maskSecrets(m.en);
    this.details = details && maskDeep(details);
  }
}

/** The JSON-safe form an error takes across google.script.run. */
export interface RpcErrorPayload {
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, string | number | boolean | null>;
}

/** The mark before an RPC error's JSON payload (the client decoder types its copy with this, so both agree). */
export type RpcErrorPrefix = 'DATADESK_ERROR:';

/** Marks an RPC error message so the client can tell it from Apps Script's own failures. */
export const RPC_ERROR_PREFIX: RpcErrorPrefix = 'DATADESK_ERROR:';

/**
 * The message of anything thrown (an Error's message: Apps Script's service errors are Errors, else its text), with
 * secrets masked: a network error quotes the URL it tried, keys and tokens included.
 */
export function errorMessage(e: unknown): string {
  const m = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return maskSecrets(typeof m === 'string' ? m : String(e));
}

/** What a log line shows of anything thrown: the stack when there is one, else the message; secrets masked. */
export function errorStack(e: unknown): string {
  const s = typeof e === 'object' && e !== null ? (e as { stack?: unknown }).stack : undefined;
  return typeof s === 'string' ? maskSecrets(s) : errorMessage(e);
}

export function toPayload(e: unknown): RpcErrorPayload {
  if (e instanceof AppError) return maskDeep({ code: e.code, message: e.message, messageEn: e.messageEn, details: e.details });
  const m = msg('common.error.internal');
  return { code: 'INTERNAL', message: m.id, messageEn: m.en };
}

/** An AppError's message in both languages (a stored outcome shown later in the reader's language). */
export function messageOf(e: AppError): Msg {
  return { id: e.message, en: e.messageEn } as Msg;
}

export const denied = (m: Msg, details?: AppError['details']): AppError => new AppError('FORBIDDEN', m, details);
export const invalid = (m: Msg, details?: AppError['details']): AppError => new AppError('INVALID', m, details);
export const notFound = (m: Msg): AppError => new AppError('NOT_FOUND', m);
export const conflict = (m: Msg, details?: AppError['details']): AppError => new AppError('CONFLICT', m, details);
