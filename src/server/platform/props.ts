// Script properties (settings and secrets, never in a sheet) and the document's state.
import { jsonOr } from '../core/json';
import { docStateJson, setDocStateJson } from './doc-state';

/** Reads a script property ('' when unset). */
export function scriptProp(key: string): string {
  return PropertiesService.getScriptProperties().getProperty(key) ?? '';
}

export function setScriptProp(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

export function deleteScriptProp(key: string): void {
  PropertiesService.getScriptProperties().deleteProperty(key);
}

/** Reads a JSON script property, or `fallback` when unset or unreadable. */
export function scriptJson<T>(key: string, fallback: T): T {
  return jsonOr(scriptProp(key), fallback);
}

export function setScriptJson(key: string, value: unknown): void {
  setScriptProp(key, JSON.stringify(value));
}

/** Reads a JSON value of this document's state (doc-state.ts), or `fallback`. */
export function docJson<T>(key: string, fallback: T): T {
  return docStateJson(key, fallback);
}

export function setDocJson(key: string, value: unknown): void {
  setDocStateJson(key, value);
}
