// Secrets never leave as text: values read from script properties in this execution, and the secret parts of URLs,
// headers and JSON (keys, tokens, passwords, user info, Google and Xendit API keys), are masked wherever text is made
// from an error, a log line, a run status, an alert or an RPC answer.

export const MASK = '•••';

/**
 * Secret values this execution has read (Apps Script loads the code anew for every execution, so this holds only
 * what this execution touched; anything stored earlier was masked by the execution that wrote it).
 */
const known = new Set<string>();
let longestFirst: string[] = [];

/** Shorter values would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** A URL's query values and user info: a text may quote one parameter without the rest of the URL. */
function urlParts(v: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*@)?[^?#\s]*(\?[^#\s]*)?$/i.exec(v);
  if (!m) return [];
  const parts: string[] = [];
  if (m[1]) parts.push(...m[1].slice(0, -1).split(':'));
  for (const kv of (m[2] ?? '').slice(1).split('&')) parts.push(kv.slice(kv.indexOf('=') + 1));
  const tg = /\/bot(\d+:[A-Za-z0-9_-]+)/.exec(v);
  if (tg) parts.push(tg[1]);
  const dc = /\/api\/webhooks\/\d+\/([A-Za-z0-9_-]+)/.exec(v);
  if (dc) parts.push(dc[1]);
  return parts;
}

/**
 * Remembers a secret (an API key, a password, a webhook URL) so every text this execution makes is masked. Of a URL,
 * its secret parts are remembered, so an error still names the host it could not reach.
 */
export function registerSecret(value: string | null | undefined): void {
  const v = (value ?? '').trim();
  if (v.length < MIN_SECRET_LENGTH) return;
  const parts = urlParts(v);
  for (const s of parts.length ? parts : [v]) if (s.length >= MIN_SECRET_LENGTH) known.add(s);
  longestFirst = [...known].sort((a, b) => b.length - a.length);
}

/** user:password@ (or token@) in a URL. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
/** key=…, token=…, password=…, api_key=…, client_secret=…, signature=… in a URL or a text. */
const SECRET_PARAM =
  /([?&;\s,(]|^)([\w.-]*?(?:key|token|secret|password|passwd|pwd|signature|sig|credential|auth))=([^&\s#"'<>]+)/gi;
/** Authorization and API-key headers as logged ("Authorization: Bearer …", "x-goog-api-key=…"). */
const SECRET_HEADER =
  /\b((?:proxy-)?authorization|x-goog-api-key|x-api-key|api-key|x-callback-token|cookie)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|digest)\s+)?[^\s,;"'}]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
/** "password": "…", "apiKey": "…" in JSON text. */
const JSON_SECRET = /("[\w-]*?(?:key|token|secret|password|passwd|pwd|authorization)"\s*:\s*")[^"]*"/gi;
/** Telegram's bot token and Discord's webhook token live in the path. */
const TELEGRAM = /\/bot\d+:[A-Za-z0-9_-]+/g;
const DISCORD = /(\/api\/webhooks\/\d+\/)[A-Za-z0-9_-]+/g;
/** Google API keys (Gemini) and Xendit keys have recognisable shapes wherever they appear. */
const GOOGLE_KEY = /\bAIza[0-9A-Za-z_-]{35}/g;
const XENDIT_KEY = /\bxnd_[a-z]+_[A-Za-z0-9_-]{10,}/g;
/** What every pattern above needs somewhere in the text: most texts have none and are returned at once. */
const MAYBE = /[=:@]|\/bot|AIza|xnd_|bearer|basic/i;

/**
 * `text` with each occurrence of `v` masked, except right after an @: there it is a mail or host domain, which every
 * sheet and mail shows anyway (a demo password "datadesk" must not turn "admin@datadesk.local" into "admin@•••.local").
 */
function maskValue(text: string, v: string): string {
  const parts = text.split(v);
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) out += (out.endsWith('@') ? v : MASK) + parts[i];
  return out;
}

/** The text with every known secret value and every secret-looking part replaced by •••. */
export function maskSecrets(text: string): string {
  if (!text) return text;
  let s = text;
  for (const v of longestFirst) if (s.includes(v)) s = maskValue(s, v);
  if (!MAYBE.test(s)) return s;
  return s
    .replace(USERINFO, `$1${MASK}@`)
    .replace(SECRET_PARAM, (_m, pre: string, key: string) => `${pre}${key}=${MASK}`)
    .replace(SECRET_HEADER, `$1$2${MASK}`)
    .replace(BEARER, `$1 ${MASK}`)
    .replace(JSON_SECRET, `$1${MASK}"`)
    .replace(TELEGRAM, `/bot${MASK}`)
    .replace(DISCORD, `$1${MASK}`)
    .replace(GOOGLE_KEY, MASK)
    .replace(XENDIT_KEY, MASK);
}

/** Longer strings are file contents (base64 receipts), not text a secret could hide in; masking would corrupt them. */
const MAX_SCANNED = 100_000;

/** A JSON-safe value with every string in it masked (the same object when nothing needed masking). */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return (value.length > MAX_SCANNED ? value : maskSecrets(value)) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const m = maskDeep(v);
      if (m !== v) (out ??= value.slice())[i] = m;
    });
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const m = maskDeep(v);
      if (m !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = m;
    }
    return (out ?? value) as T;
  }
  return value;
}
