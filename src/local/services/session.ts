// Session: the active user, the script's time zone and locale, as the runtime was told for this execution.
import type { LocalEnv } from './local';

/** Apps Script's User: an email behind getEmail() (Session, Protection editors). */
export class User {
  static readonly gasName = 'User';
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export function createSession(env: LocalEnv): Pick<GoogleAppsScript.Base.Session, 'getScriptTimeZone' | 'getActiveUserLocale'> & {
  getActiveUser(): User;
  getEffectiveUser(): User;
  getTemporaryActiveUserKey(): string;
} {
  return {
    getActiveUser: () => new User(env.user),
    getEffectiveUser: () => new User(env.user),
    getScriptTimeZone: () => env.timeZone,
    getActiveUserLocale: () => env.locale,
    getTemporaryActiveUserKey: () =>
      'key-' +
      Array.from(env.user)
        .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
        .toString(36),
  };
}
