// CacheService: the document's entries in the script cache (the document cache is not there in a time-driven run,
// and a sidebar and the heartbeat must see the same entries), many keys per call, JSON values.
import { documentKey } from './properties';

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getScriptCache();
}

/** Reads many JSON values in one getAll; missing or unreadable keys are absent. */
export function cacheGetJson<T>(keys: readonly string[]): Record<string, T> {
  if (!keys.length) return {};
  const full = keys.map(documentKey);
  const raw = cache().getAll(full);
  const out: Record<string, T> = {};
  for (const [i, k] of keys.entries()) {
    const v = raw[full[i]];
    if (v === undefined) continue;
    try {
      out[k] = JSON.parse(v) as T;
    } catch {
      /* a damaged entry is a miss */
    }
  }
  return out;
}

/** Writes many JSON values in one putAll; `seconds` at most 6 h (Apps Script's limit). */
export function cachePutJson(values: Record<string, unknown>, seconds = 21_600): void {
  const keys = Object.keys(values);
  if (!keys.length) return;
  const out: Record<string, string> = {};
  for (const k of keys) out[documentKey(k)] = JSON.stringify(values[k]);
  cache().putAll(out, Math.min(21_600, Math.max(1, seconds)));
}

export function cacheRemove(keys: readonly string[]): void {
  if (keys.length) cache().removeAll(keys.map(documentKey));
}
