// PropertiesService: script properties (settings, secrets), document properties (per-document state, the heartbeat
// claim) and user properties (small per-user state), as text or JSON. Secrets are read and written only through
// scriptSecret/setScriptSecret, which register them so no text this execution makes can quote them.
import { registerSecret } from '../core/secrets';

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
