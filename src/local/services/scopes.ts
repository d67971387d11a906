// OAuth scopes from the manifest: a service method fails as in Apps Script when no scope it accepts was granted.
import type { RuntimeEnv } from '../runtime/env';
import { GasError } from '../runtime/types';

/** Calendar scopes, widest first (reference/calendar/calendar-app: "Authorization" of each method). */
export const CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.google.com/calendar/feeds',
];
/** Scopes that allow writing calendars (CalendarApp writes; the Calendar API's events.insert also takes calendar.events). */
export const CALENDAR_WRITE_SCOPES = ['https://www.googleapis.com/auth/calendar', 'https://www.google.com/calendar/feeds'];
export const CALENDAR_EVENTS_SCOPES = [
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.events',
];

/**
 * Apps Script's refusal when the manifest lists its scopes explicitly and none of `anyOf` is among them. Its text
 * names the method and, for several accepted scopes, lists them as "(a || b || c)" (as reported from real
 * executions, e.g. "You do not have permission to call CalendarApp.getCalendarById. Required permissions: (...)").
 * A manifest without `oauthScopes` lets Apps Script detect scopes from the code: nothing is refused then.
 */
export function requireScope(env: RuntimeEnv, method: string, anyOf: string[]): void {
  const granted = env.manifest().oauthScopes;
  if (!granted || anyOf.some((s) => granted.includes(s))) return;
  const list = anyOf.length === 1 ? anyOf[0] : `(${anyOf.join(' || ')})`;
  throw new GasError(`You do not have permission to call ${method}. Required permissions: ${list}`);
}

/** The advanced services the manifest enables: user symbol (the global's name) → service id, e.g. Calendar → calendar. */
export function enabledAdvancedServices(env: RuntimeEnv): Array<{ userSymbol: string; serviceId: string; version: string }> {
  return env.manifest().dependencies?.enabledAdvancedServices ?? [];
}
