// User properties: small per-user state (e.g. the result of a job started by an earlier execution).
import { jsonOr } from '../core/json';

export function userJson<T>(key: string, fallback: T): T {
  return jsonOr(PropertiesService.getUserProperties().getProperty(key), fallback);
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
