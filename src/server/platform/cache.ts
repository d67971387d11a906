// CacheService: the document's cache (script cache outside a document), many keys per call, JSON values.

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getDocumentCache() ?? CacheService.getScriptCache();
}

/** Reads many JSON values in one getAll; missing or unreadable keys are absent. */
export function cacheGetJson<T>(keys: readonly string[]): Record<string, T> {
  if (!keys.length) return {};
  const raw = cache().getAll(keys as string[]);
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(raw)) {
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
  for (const k of keys) out[k] = JSON.stringify(values[k]);
  cache().putAll(out, Math.min(21_600, Math.max(1, seconds)));
}

export function cacheRemove(keys: readonly string[]): void {
  if (keys.length) cache().removeAll(keys as string[]);
}
