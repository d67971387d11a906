// Script and document properties: settings and secrets, never in a sheet.

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
  const raw = scriptProp(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function setScriptJson(key: string, value: unknown): void {
  setScriptProp(key, JSON.stringify(value));
}

/** Reads a JSON document property, or `fallback`. */
export function docJson<T>(key: string, fallback: T): T {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function setDocJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}
