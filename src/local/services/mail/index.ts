// MailApp writing each message to a local outbox folder (JSON + attachment files), with the daily recipient quota.
//
// Host API for the workbench and tests (`outboxStore(env)`):
//   list()                       every sent message (OutboxMessage), oldest first
//   get(id)                      one message
//   attachmentPath(id, index)    where an attachment's bytes live: <state>/outbox/<id>/<index>-<name>
//   remaining(user, now)         the user's remaining daily quota
// Each message is <state>/outbox/<id>.json; each send emits { type: 'change', scope: 'outbox', id }.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { Blob } from '../blob';
import { DAILY_QUOTAS, quotaLedger } from '../../runtime/quotas';

/** Recipients a day (runtime/quotas.ts: 100 consumer / 1,500 Workspace). */
export const DAILY_QUOTA = DAILY_QUOTAS.emailRecipients.consumer;
/** Texts reported by users from real executions. */
export const QUOTA_EXCEEDED = DAILY_QUOTAS.emailRecipients.error;
export const NO_RECIPIENT = 'Failed to send email: no recipient';
/** 25 MB of attachments per message (guides/services/quotas); text as users report it. */
export const ATTACHMENTS_TOO_LARGE = 'Limit Exceeded: Email Total Attachments Size.';
const MAX_ATTACHMENTS = 25 * 1024 * 1024;

export interface OutboxAttachment {
  name: string;
  contentType: string | null;
  size: number;
  file: string;
}
export interface OutboxMessage {
  id: string;
  from: string;
  name: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: OutboxAttachment[];
  sentAt: string;
  execId: string;
}

const EMAIL = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/;

export class OutboxStore {
  readonly dir: string;
  constructor(private env: RuntimeEnv) {
    this.dir = env.path('outbox');
    mkdirSync(this.dir, { recursive: true });
  }
  /** Recipients the user may still send to today (quotas reset 24 hours after the first request). */
  remaining(user: string, now: Date): number {
    return quotaLedger(this.env).remaining('emailRecipients', user, now);
  }
  use(user: string, now: Date, n: number): void {
    quotaLedger(this.env).add('emailRecipients', user, now, n);
  }
  write(msg: OutboxMessage, blobs: Blob[]): void {
    if (blobs.length) mkdirSync(join(this.dir, msg.id), { recursive: true });
    blobs.forEach((b, i) => writeFileSync(join(this.dir, msg.attachments[i].file), b.rawBytes()));
    const p = join(this.dir, `${msg.id}.json`);
    writeFileSync(p + '.tmp', JSON.stringify(msg, null, 1));
    renameSync(p + '.tmp', p);
    this.env.emitEvent({ type: 'change', scope: 'outbox', id: msg.id });
  }
  list(): OutboxMessage[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && f !== 'quota.json')
      .map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as OutboxMessage)
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  }
  get(id: string): OutboxMessage | null {
    const p = join(this.dir, `${String(id).replace(/[^\w-]/g, '')}.json`);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as OutboxMessage) : null;
  }
  attachmentPath(id: string, index: number): string {
    const m = this.get(id);
    const a = m?.attachments[index];
    if (!a) throw new Error(`outbox: no attachment ${index} in ${id}`);
    return join(this.dir, a.file);
  }
}

export function outboxStore(env: RuntimeEnv): OutboxStore {
  return env.store('outbox', () => new OutboxStore(env));
}

/** Splits a comma-separated recipient list and checks each address ("Invalid email: x" as Apps Script words it). */
function recipients(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  const out = String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of out) if (!EMAIL.test(e)) throw new GasError(`Invalid email: ${e}`);
  return out;
}

interface MessageInput {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

export class MailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  static readonly gasName = 'MailApp';
  constructor(
    private ctx: ExecContext,
    private store: OutboxStore,
  ) {}

  sendEmail(...args: unknown[]): void {
    let m: MessageInput;
    if (args.length === 1 && args[0] && typeof args[0] === 'object') m = args[0] as MessageInput;
    else if (args.length === 4 && typeof args[3] === 'string')
      m = { to: args[0] as string, replyTo: args[1] as string, subject: args[2] as string, body: args[3] };
    else
      m = {
        ...((args[3] as object | undefined) ?? {}),
        to: args[0] as string,
        subject: args[1] as string,
        body: args[2] as string,
      };
    this.send(m);
  }

  private send(m: MessageInput): void {
    const to = recipients(m.to);
    const cc = recipients(m.cc);
    const bcc = recipients(m.bcc);
    const replyTo = m.replyTo ? (recipients(m.replyTo)[0] ?? null) : null;
    const count = to.length + cc.length + bcc.length;
    if (!count) throw new GasError(NO_RECIPIENT);
    const now = this.ctx.now();
    if (count > this.store.remaining(this.ctx.user, now)) throw new GasError(QUOTA_EXCEEDED);
    const blobs: Blob[] = (m.attachments ?? []).map((a, i) => {
      const b = a instanceof Blob ? a : (a as { getBlob?: () => unknown })?.getBlob?.();
      if (!(b instanceof Blob)) throw new GasError(`Invalid argument: attachments[${i}]`);
      return b;
    });
    if (blobs.reduce((n, b) => n + b.rawBytes().length, 0) > MAX_ATTACHMENTS) throw new GasError(ATTACHMENTS_TOO_LARGE);
    const id = `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
    const msg: OutboxMessage = {
      id,
      from: this.ctx.user,
      name: m.name ?? null,
      to,
      cc,
      bcc,
      replyTo,
      noReply: !!m.noReply,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody === undefined ? null : String(m.htmlBody),
      attachments: blobs.map((b, i) => {
        const name = b.getName() ?? `attachment-${i + 1}`;
        return {
          name,
          contentType: b.getContentType(),
          size: b.rawBytes().length,
          file: join(id, `${i}-${name.replace(/[^\w.-]/g, '_')}`),
        };
      }),
      sentAt: now.toISOString(),
      execId: this.ctx.id,
    };
    this.store.use(this.ctx.user, now, count);
    this.store.write(msg, blobs);
  }

  getRemainingDailyQuota(): number {
    return this.store.remaining(this.ctx.user, this.ctx.now());
  }
}

export function createMailApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new MailApp(ctx, outboxStore(env));
}
