// State that belongs to one document (saved segments, the tagging job, leases), kept where every execution can
// reach it: script properties under a prefix naming the document. Document properties, the document lock and the
// document cache are not there in a time-driven run (platform-facts.md, "Who runs what"), so DataDesk never relies
// on them; what an older version left in document properties moves here when a user first opens a DataDesk sidebar
// in the document (adoptDocumentProperties, called once per user and document from platform/triggers.ts).
import { jsonOr } from '../core/json';
import { currentDocumentId } from './document';

/** Keys of this document's state: "DD@<document id>:<key>". */
function prefix(): string {
  const id = currentDocumentId();
  if (!id) throw new Error('doc-state: no document in this execution');
  return `DD@${id}:`;
}

function scriptProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/** Moves what earlier versions kept in document properties (only reachable with the document open) into the
 * document's state; a no-op in time-driven runs and once done. */
export function adoptDocumentProperties(): void {
  const doc = PropertiesService.getDocumentProperties();
  if (!doc) return;
  const old = doc.getProperties();
  const keys = Object.keys(old);
  if (!keys.length) return;
  const p = prefix();
  const sp = scriptProps();
  const existing = sp.getProperties();
  const moved: Record<string, string> = {};
  for (const k of keys) if (existing[p + k] === undefined) moved[p + k] = old[k];
  if (Object.keys(moved).length) sp.setProperties(moved);
  doc.deleteAllProperties();
}

export function docStateGet(key: string): string | null {
  return scriptProps().getProperty(prefix() + key);
}

export function docStateSet(key: string, value: string): void {
  scriptProps().setProperty(prefix() + key, value);
}

export function docStateDelete(key: string): void {
  scriptProps().deleteProperty(prefix() + key);
}

/** This document's entries whose key starts with `keyPrefix` (one read of the script properties). */
export function docStateValues(keyPrefix: string): Record<string, string> {
  const p = prefix() + keyPrefix;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(scriptProps().getProperties())) if (k.startsWith(p)) out[k.slice(prefix().length)] = v;
  return out;
}

export function docStateJson<T>(key: string, fallback: T): T {
  return jsonOr(docStateGet(key), fallback);
}

export function setDocStateJson(key: string, value: unknown): void {
  docStateSet(key, JSON.stringify(value));
}

/** A cache key of this document (CacheService's script cache is shared by every document). */
export function docCacheKey(key: string): string {
  return `${prefix()}${key}`;
}
