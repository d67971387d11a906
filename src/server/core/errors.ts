// The one error type DataDesk shows to users: a stable code and a message in Bahasa Indonesia and English. This is
// where errors become text, so this is where secrets are masked (core/secrets.ts).
import { maskDeep, maskSecrets } from './secrets';

export interface UserMessage {
  id: string;
  en: string;
}

/** An error a user can act on. Its message crosses to the sidebar; anything else is logged and shown generically. */
export class AppError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly details?: Record<string, string | number | boolean | null>;
  constructor(code: string, msg: UserMessage, details?: Record<string, string | number | boolean | null>) {
    super(maskSecrets(msg.id));
    this.name = 'AppError';
    this.code = code;
    this.messageEn = maskSecrets(msg.en);
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
  return {
    code: 'INTERNAL',
    message: 'Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin.',
    messageEn: 'Something went wrong on the server. Try again; if it persists, contact your admin.',
  };
}

export const denied = (what: UserMessage, details?: AppError['details']): AppError => new AppError('FORBIDDEN', what, details);
export const invalid = (msg: UserMessage, details?: AppError['details']): AppError => new AppError('INVALID', msg, details);
export const notFound = (msg: UserMessage): AppError => new AppError('NOT_FOUND', msg);
export const conflict = (msg: UserMessage, details?: AppError['details']): AppError => new AppError('CONFLICT', msg, details);
