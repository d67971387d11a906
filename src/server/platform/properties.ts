// PropertiesService: script properties (settings, secrets), document properties (per-document state, the heartbeat
// claim) and user properties (small per-user state, the language switch), as text or JSON.
import { DEFAULT_LANG, isLang, Lang } from '../core/text';

/** JSON text read back, or `fallback` when unset or unreadable. */
function parsed<T>(raw: string | null | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** The document's properties; the script's outside a container-bound document (a time-driven run may have none). */
function docStore(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
}

/** Reads a script property ('' when unset). */
export function scriptProp(key: string): string {
  return PropertiesService.getScriptProperties().getProperty(key) ?? '';
}

export function setScriptProp(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

/** Reads a JSON script property, or `fallback` when unset or unreadable. */
export function scriptJson<T>(key: string, fallback: T): T {
  return parsed(scriptProp(key), fallback);
}

export function setScriptJson(key: string, value: unknown): void {
  setScriptProp(key, JSON.stringify(value));
}

/** Reads a JSON document property, or `fallback`. */
export function docJson<T>(key: string, fallback: T): T {
  return parsed(PropertiesService.getDocumentProperties()?.getProperty(key), fallback);
}

export function setDocJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

/** The document properties whose keys start with `prefix`, in one read. */
export function docValues(prefix: string): Record<string, string> {
  const all = PropertiesService.getDocumentProperties()?.getProperties() ?? {};
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(prefix)));
}

export function deleteDocProp(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}

export function userJson<T>(key: string, fallback: T): T {
  return parsed(PropertiesService.getUserProperties().getProperty(key), fallback);
}

export function setUserJson(key: string, value: unknown): void {
  PropertiesService.getUserProperties().setProperty(key, JSON.stringify(value));
}

export function deleteUserProp(key: string): void {
  PropertiesService.getUserProperties().deleteProperty(key);
}

/** Keys of the user's properties that start with `prefix`. */
export function userKeys(prefix: string): string[] {
  return PropertiesService.getUserProperties()
    .getKeys()
    .filter((k) => k.startsWith(prefix));
}

/** The user property holding the user's language switch ('id' or 'en'). */
const LANG_PROPERTY = 'DATADESK_LANG';
/** Script properties `DATADESK_LANG:<email>`: the same choice, readable when DataDesk writes to that person. */
const LANG_OF_PREFIX = 'DATADESK_LANG:';

/** The caller's language: their user property, Bahasa Indonesia when unset. */
export function userLanguage(): Lang {
  const v = PropertiesService.getUserProperties().getProperty(LANG_PROPERTY);
  return isLang(v) ? v : DEFAULT_LANG;
}

/** Keeps the caller's language (user property) and a copy under their email for mails and alerts addressed to them. */
export function setUserLanguage(email: string, lang: Lang): void {
  PropertiesService.getUserProperties().setProperty(LANG_PROPERTY, lang);
  if (email) PropertiesService.getScriptProperties().setProperty(LANG_OF_PREFIX + email.trim().toLowerCase(), lang);
}

/** The languages people chose, by lower-case email, in one read (anyone absent reads Bahasa Indonesia). */
export function languagesByEmail(): Record<string, Lang> {
  const all = PropertiesService.getScriptProperties().getProperties();
  const out: Record<string, Lang> = {};
  for (const [k, v] of Object.entries(all))
    if (k.startsWith(LANG_OF_PREFIX) && isLang(v)) out[k.slice(LANG_OF_PREFIX.length)] = v;
  return out;
}

const CLAIM_PROPERTY = 'DATADESK_HEARTBEAT_UNTIL';

/**
 * Marks the document's hourly heartbeat as running so two never overlap, without holding a lock throughout: true
 * when no other heartbeat runs (or its claim expired), and then this one holds the claim until `now + ms` (+ 1 min).
 */
export function claimHeartbeat(now: number, ms: number): boolean {
  const props = docStore();
  const until = Number(props.getProperty(CLAIM_PROPERTY) ?? 0);
  if (until > now) return false;
  props.setProperty(CLAIM_PROPERTY, String(now + ms + 60_000));
  return true;
}

export function releaseHeartbeat(): void {
  docStore().deleteProperty(CLAIM_PROPERTY);
}
