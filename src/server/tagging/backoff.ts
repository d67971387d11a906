// What to do with an HTTP answer from Gemini: use it, retry it later (429/5xx, honouring retryDelay), or give up.
import { RETRY_INFO_TYPE, type GeminiErrorBody } from './gemini-types';
import { maskSecrets } from '../core/secrets';

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'fatal'; code: number; status: string; reason: string };

/** "7s" / "1.5s" → ms; null when absent or unreadable. */
export function parseRetryDelay(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(s.trim());
  return m ? Math.round(Number(m[1]) * 1000) : null;
}

export function errorOf(body: string): GeminiErrorBody['error'] | null {
  try {
    const e = (JSON.parse(body) as GeminiErrorBody).error;
    return e && typeof e === 'object' ? e : null;
  } catch {
    return null;
  }
}

/** Exponential backoff with a cap; attempt is 1 for the first retry. Deterministic jitter from `salt`. */
export function backoffMs(attempt: number, baseMs = 1000, capMs = 30_000, salt = 0): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = ((salt * 2654435761) % 1000) / 1000; // 0..1
  return Math.round(exp * (0.75 + 0.5 * jitter));
}

/** 0 = no answer at all (connection refused or reset): retried like a 503. */
const RETRIABLE = new Set([0, 429, 500, 502, 503, 504]);

export function classify(code: number, body: string, attempt: number, salt = 0): Verdict {
  if (code >= 200 && code < 300) return { kind: 'ok' };
  const err = errorOf(body);
  const status = err?.status ?? `HTTP_${code}`;
  // The message lands in a sheet cell and the job's status: an echoed key or URL is masked there.
  const message = maskSecrets((err?.message ?? body).slice(0, 200));
  if (RETRIABLE.has(code)) {
    const info = err?.details?.find((d) => d['@type'] === RETRY_INFO_TYPE);
    const server = parseRetryDelay(info?.retryDelay);
    const delayMs = Math.max(server ?? 0, backoffMs(attempt, 1000, 30_000, salt));
    return { kind: 'retry', delayMs: server !== null ? Math.max(server, 250) : delayMs, reason: `${code} ${status}` };
  }
  return { kind: 'fatal', code, status, reason: `${code} ${status}: ${message}` };
}
