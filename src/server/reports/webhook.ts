// Alert webhooks in their real formats: Google Chat, Telegram and Discord (URL checks and request bodies).
import { invalid } from '../core/errors';
import { msg, Msg, t } from '../core/text';

export type WebhookFormat = 'google_chat' | 'telegram' | 'discord';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['google_chat', 'telegram', 'discord'];

/** The local stand-in (and a developer's own test server) may be plain http on a loopback address. */
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;

const SHAPES: Record<WebhookFormat, { host: string; path: RegExp; example: string }> = {
  google_chat: {
    host: 'https://chat.googleapis.com',
    path: /^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages\?(?=.*\bkey=[^&\s]+)(?=.*\btoken=[^&\s]+)[^\s#]*$/,
    example: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=…&token=…',
  },
  telegram: {
    host: 'https://api.telegram.org',
    path: /^\/bot\d+:[A-Za-z0-9_-]+\/sendMessage\?chat_id=-?\d+$/,
    example: 'https://api.telegram.org/bot<token>/sendMessage?chat_id=<chat id>',
  },
  discord: {
    host: 'https://discord.com',
    path: /^\/api\/webhooks\/\d+\/[A-Za-z0-9_-]+$/,
    example: 'https://discord.com/api/webhooks/<id>/<token>',
  },
};

/** Checks a webhook URL against its format; throws a user-facing error naming the expected shape. */
export function checkWebhookUrl(format: WebhookFormat, url: string): string {
  const shape = SHAPES[format];
  const u = url.trim();
  const m = /^(https?:\/\/[^/?#\s]+)(\/[^\s]*)$/.exec(u);
  const hostOk =
    !!m && (m[1] === shape.host || (format === 'discord' && m[1] === 'https://discordapp.com') || LOOPBACK.test(m[1]));
  if (!shape || !m || !hostOk || !shape.path.test(m[2]) || u.length > 2000) {
    throw invalid(msg('reports.error.webhookUrl', { format: String(format).slice(0, 40), example: shape?.example ?? '' }));
  }
  return u;
}

export interface WebhookRequest {
  url: string;
  /** JSON body. */
  payload: string;
}

const DISCORD_MAX = 2000;
const TELEGRAM_MAX = 4096;
const CHAT_MAX = 4000;

const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + '…');

/** The request that posts `text` to the webhook in its format. */
export function webhookRequest(format: WebhookFormat, url: string, text: string): WebhookRequest {
  switch (format) {
    case 'google_chat':
      return { url, payload: JSON.stringify({ text: clip(text, CHAT_MAX) }) };
    case 'discord':
      return { url, payload: JSON.stringify({ content: clip(text, DISCORD_MAX), allowed_mentions: { parse: [] } }) };
    case 'telegram': {
      const m = /[?&]chat_id=(-?\d+)/.exec(url);
      const base = url.replace(/\?.*$/, '');
      return {
        url: base,
        payload: JSON.stringify({
          chat_id: m ? Number(m[1]) : null,
          text: clip(text, TELEGRAM_MAX),
          disable_web_page_preview: true,
        }),
      };
    }
  }
}

/** The alert text for a run's outcome, in the language of the run's execution. */
export function alertText(o: {
  ok: boolean;
  month: string;
  runId: string;
  files?: Array<{ bu: string | Msg; rows: number }>;
  error?: Msg | null;
}): string {
  if (o.ok) {
    const files = o.files ?? [];
    const total = files.reduce((a, f) => a + f.rows, 0);
    return [
      t('reports.alert.published', { month: o.month, total, files: files.length, runId: o.runId }),
      ...files.map((f) => t('reports.alert.line', { bu: f.bu, rows: f.rows })),
    ].join('\n');
  }
  return t('reports.alert.failed', { month: o.month, runId: o.runId, error: o.error ?? '–' });
}
