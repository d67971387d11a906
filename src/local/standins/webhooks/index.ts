// A local stand-in for chat webhooks: records Google Chat, Telegram and Discord posts and answers as they do.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export type WebhookFormat = 'google_chat' | 'telegram' | 'discord';

export interface ReceivedWebhook {
  format: WebhookFormat;
  /** Path with query, e.g. /v1/spaces/AAA/messages?key=…&token=… */
  path: string;
  /** The parsed JSON body. */
  body: unknown;
  /** Epoch ms when it arrived, on the stand-in's clock (the workbench's emulated clock). */
  at: number;
}

export interface WebhookStandin {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Ready-made webhook URLs of each format pointing at this stand-in. */
  urls: Record<WebhookFormat, string>;
  received(): ReceivedWebhook[];
  clear(): void;
  close(): Promise<void>;
}

export interface WebhookStandinOptions {
  /** Port to listen on (0 = any free port). */
  port?: number;
  host?: string;
  /** Called for every accepted post (the workbench shows them). */
  onMessage?: (m: ReceivedWebhook) => void;
  /** Answer every post with this HTTP status instead (to test alert failures). */
  failWith?: number;
  /** The clock messages are stamped with (the workbench passes the runtime's emulated clock); default: real time. */
  now?: () => Date;
  /** Keeps the received messages (the last KEEP) in this JSON file across restarts (the workbench's
   * <state>/webhooks.json); without it they live in memory. */
  stateFile?: string;
}

/** Messages kept (the oldest go first). */
const KEEP = 500;

const CHAT_PATH = /^\/v1\/spaces\/([A-Za-z0-9_-]+)\/messages$/;
const TELEGRAM_PATH = /^\/bot(\d+):([A-Za-z0-9_-]+)\/sendMessage$/;
const DISCORD_PATH = /^\/api\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)$/;

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Parses the body as JSON (Telegram also takes form-encoded bodies and query parameters). */
function parseBody(raw: string, contentType: string, query: URLSearchParams): Record<string, unknown> | null {
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (!raw) return Object.fromEntries(query);
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startWebhookStandin(opts: WebhookStandinOptions = {}): Promise<WebhookStandin> {
  const now = opts.now ?? (() => new Date());
  const file = opts.stateFile;
  const log: ReceivedWebhook[] =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { received: ReceivedWebhook[] }).received : [];
  const save = () => {
    if (!file) return;
    writeFileSync(`${file}.tmp`, JSON.stringify({ received: log }));
    renameSync(`${file}.tmp`, file);
  };
  let seq = log.length;
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://local');
    const raw = await readBody(req);
    const ct = String(req.headers['content-type'] ?? '');
    const body = parseBody(raw, ct, u.searchParams);
    const path = u.pathname + u.search;
    const record = (format: WebhookFormat) => {
      const m = { format, path, body, at: now().getTime() };
      log.push(m);
      if (log.length > KEEP) log.splice(0, log.length - KEEP);
      save();
      opts.onMessage?.(m);
    };
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    if (opts.failWith)
      return send(res, opts.failWith, { error: { code: opts.failWith, message: 'stand-in configured to fail' } });

    let m = CHAT_PATH.exec(u.pathname);
    if (m) {
      // Google Chat incoming webhook: ?key=&token= required; {"text": ...} (or cardsV2) required.
      if (!u.searchParams.get('key') || !u.searchParams.get('token')) {
        return send(res, 400, {
          error: { code: 400, message: 'Invalid request: missing key or token', status: 'INVALID_ARGUMENT' },
        });
      }
      if (!body || (typeof body.text !== 'string' && !Array.isArray(body.cardsV2))) {
        return send(res, 400, {
          error: { code: 400, message: 'Message cannot be empty. Discarded 0 characters', status: 'INVALID_ARGUMENT' },
        });
      }
      record('google_chat');
      const name = `spaces/${m[1]}/messages/${++seq}`;
      return send(res, 200, {
        name,
        sender: { name: 'users/webhook', type: 'BOT' },
        text: body.text ?? '',
        createTime: now().toISOString(),
        space: { name: `spaces/${m[1]}` },
      });
    }
    m = TELEGRAM_PATH.exec(u.pathname);
    if (m) {
      // Telegram Bot API sendMessage: chat_id and text (1-4096 characters).
      const chatId = body?.chat_id ?? u.searchParams.get('chat_id');
      const text = body?.text ?? u.searchParams.get('text');
      if (chatId === undefined || chatId === null || chatId === '')
        return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat_id is empty' });
      if (typeof text !== 'string' || !text.trim())
        return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
      if (text.length > 4096)
        return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
      record('telegram');
      return send(res, 200, {
        ok: true,
        result: {
          message_id: ++seq,
          chat: { id: Number(chatId), type: 'group' },
          date: Math.floor(now().getTime() / 1000),
          text,
        },
      });
    }
    m = DISCORD_PATH.exec(u.pathname);
    if (m) {
      // Discord execute webhook: content (≤ 2000) or embeds; 204 No Content unless ?wait=true.
      const content = body?.content;
      if (!body || ((typeof content !== 'string' || !content) && !Array.isArray(body.embeds))) {
        return send(res, 400, { message: 'Cannot send an empty message', code: 50006 });
      }
      if (typeof content === 'string' && content.length > 2000) {
        return send(res, 400, {
          message: 'Invalid Form Body',
          code: 50035,
          errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
        });
      }
      record('discord');
      if (u.searchParams.get('wait') === 'true')
        return send(res, 200, { id: String(++seq), channel_id: '1', content, webhook_id: m[1] });
      return send(res, 204);
    }
    return send(res, 404, { error: 'not a known webhook path' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${addr.port}`;
  return {
    url,
    urls: {
      google_chat: `${url}/v1/spaces/AAAAdatadesk/messages?key=demo-key&token=demo-token`,
      telegram: `${url}/bot123456:demo-token/sendMessage?chat_id=-1001234567`,
      discord: `${url}/api/webhooks/123456789/demo-token`,
    },
    received: () => log.slice(),
    clear: () => {
      log.length = 0;
      save();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
