// Small HTTP helpers for the workbench server: JSON bodies and replies, query parsing, static files.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 20 * 1024 * 1024;

/** The request's bytes; more than `max` answers 413. */
export async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new HttpError(413, 'request body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson<T>(req: IncomingMessage): Promise<T> {
  const text = (await readBody(req)).toString('utf8');
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

export function sendBytes(
  res: ServerResponse,
  type: string,
  bytes: Uint8Array | string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(bytes);
}

export function str(v: string | null, name: string): string {
  if (v === null || v === '') throw new HttpError(400, `missing parameter ${name}`);
  return v;
}

export function int(v: string | null, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(v);
  if (v === null || !Number.isInteger(n) || n < min || n > max)
    throw new HttpError(400, `parameter ${name} must be an integer in ${min}..${max}`);
  return n;
}

/** Content-Disposition for a download with any file name. */
export function attachment(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
