// User properties: small per-user state (e.g. the result of a job started by an earlier execution).

export function userJson<T>(key: string, fallback: T): T {
  const raw = PropertiesService.getUserProperties().getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
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
