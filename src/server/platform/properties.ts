// PropertiesService: script properties (settings, secrets), the document's state, and user properties (small
// per-user state: the heartbeat claim, the language switch), as text or JSON. Secrets are read and written only
// through scriptSecret/setScriptSecret, which register them so no text this execution makes can quote them.
//
// The document's state (saved segments, the tagging job, whose hourly triggers serve it, leases) must be reachable by
// every execution, and document properties, the document lock and the document cache are not there in a time-driven
// run (docs/platform.md §11): it lives in script properties under a prefix naming the document, "DD@<id>:<key>".
// What an older version kept in document properties moves there when a user first opens a DataDesk sidebar in the
// document (adoptDocumentProperties, once per user and document, from platform/triggers.ts).
import { registerSecret } from '../core/secrets';
import { DEFAULT_LANG, isLang, Lang } from '../core/text';
import { currentDocumentId } from './sheets';

/** JSON text read back, or `fallback` when unset or unreadable. */
export function parsedJson<T>(raw: string | null | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Reads a script property ('' when unset). */
export function scriptProp(key: string): string {
  return PropertiesService.getScriptProperties().getProperty(key) ?? '';
}

/** Several script properties in one read ('' for each one unset). */
export function scriptProps<K extends string>(keys: readonly K[]): Record<K, string> {
  const all = PropertiesService.getScriptProperties().getProperties();
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = all[k] ?? '';
  return out;
}

export function setScriptProp(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

/** Reads a secret script property (an API key, a password, a webhook URL; '' when unset) and registers it for masking. */
export function scriptSecret(key: string): string {
  const v = scriptProp(key);
  registerSecret(v);
  return v;
}

/** Stores a secret script property, registered for masking from now on. */
export function setScriptSecret(key: string, value: string): void {
  registerSecret(value);
  setScriptProp(key, value);
}

/** Reads a JSON script property, or `fallback` when unset or unreadable. */
export function scriptJson<T>(key: string, fallback: T): T {
  return parsedJson(scriptProp(key), fallback);
}

export function setScriptJson(key: string, value: unknown): void {
  setScriptProp(key, JSON.stringify(value));
}

/** This document's keys in the script properties: "DD@<document id>:". */
function docPrefix(): string {
  const id = currentDocumentId();
  if (!id) throw new Error('properties: no document in this execution');
  return `DD@${id}:`;
}

/** A key of this document's state, also for its entries in the script cache (shared by every document). */
export function documentKey(key: string): string {
  return docPrefix() + key;
}

export function docProp(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(documentKey(key));
}

export function setDocProp(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(documentKey(key), value);
}

/** Reads a JSON value of the document's state, or `fallback`. */
export function docJson<T>(key: string, fallback: T): T {
  return parsedJson(docProp(key), fallback);
}

export function setDocJson(key: string, value: unknown): void {
  setDocProp(key, JSON.stringify(value));
}

/** The document's state whose keys start with `prefix` (keys without the document's prefix), in one read. */
export function docValues(prefix: string): Record<string, string> {
  const p = docPrefix();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(PropertiesService.getScriptProperties().getProperties()))
    if (k.startsWith(p + prefix)) out[k.slice(p.length)] = v;
  return out;
}

export function deleteDocProp(key: string): void {
  PropertiesService.getScriptProperties().deleteProperty(documentKey(key));
}

/** Moves what an older version kept in document properties (reachable only with the document open) into the
 * document's state; a no-op in time-driven runs and once done. */
export function adoptDocumentProperties(): void {
  const doc = PropertiesService.getDocumentProperties();
  if (!doc) return;
  const old = doc.getProperties();
  if (!Object.keys(old).length) return;
  const p = docPrefix();
  const sp = PropertiesService.getScriptProperties();
  const existing = sp.getProperties();
  const moved: Record<string, string> = {};
  for (const [k, v] of Object.entries(old)) if (existing[p + k] === undefined) moved[p + k] = v;
  if (Object.keys(moved).length) sp.setProperties(moved);
  doc.deleteAllProperties();
}

export function userJson<T>(key: string, fallback: T): T {
  return parsedJson(PropertiesService.getUserProperties().getProperty(key), fallback);
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
  return peopleChoices().languages;
}

/** A person's choice DataDesk reads when it writes to them (like their language): script property `<prefix><email>`. */
export function setPersonChoice(prefix: string, email: string, value: string | null): void {
  const key = prefix + email.trim().toLowerCase();
  if (value === null) PropertiesService.getScriptProperties().deleteProperty(key);
  else PropertiesService.getScriptProperties().setProperty(key, value);
}

/** Everyone's language and the choices under `prefixes`, by lower-case email, in one read. */
export function peopleChoices<P extends string>(
  ...prefixes: P[]
): { languages: Record<string, Lang>; choices: Record<P, Record<string, string>> } {
  const all = PropertiesService.getScriptProperties().getProperties();
  const languages: Record<string, Lang> = {};
  const choices = Object.fromEntries(prefixes.map((p) => [p, {}])) as Record<P, Record<string, string>>;
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(LANG_OF_PREFIX) && isLang(v)) languages[k.slice(LANG_OF_PREFIX.length)] = v;
    for (const p of prefixes) if (k.startsWith(p)) (choices[p] as Record<string, string>)[k.slice(p.length)] = v;
  }
  return { languages, choices };
}

const CLAIM_PROPERTY = 'DATADESK_HEARTBEAT_UNTIL_';

/**
 * Marks one user's hourly heartbeat for one document as running (in their user properties) so two of theirs never
 * overlap, without holding a lock throughout: true when no other runs (or its claim expired), and then this one holds
 * the claim until `now + ms` (+ 1 min). Heartbeats of different users may run at once: each runs only its owner's
 * jobs, and each job guards its own work.
 */
export function claimHeartbeat(docId: string, now: number, ms: number): boolean {
  const props = PropertiesService.getUserProperties();
  const until = Number(props.getProperty(CLAIM_PROPERTY + docId) ?? 0);
  if (until > now) return false;
  props.setProperty(CLAIM_PROPERTY + docId, String(now + ms + 60_000));
  return true;
}

export function releaseHeartbeat(docId: string): void {
  PropertiesService.getUserProperties().deleteProperty(CLAIM_PROPERTY + docId);
}
