// CacheService: script, user and document caches with Apps Script's limits, expiring by the emulated clock.
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv, Store } from '../../runtime/env';

/** reference/cache/cache: keys ≤ 250 characters, values ≤ 100 KB, expiry 1 s – 6 h (default 600 s), about 1,000
 * items per cache before the oldest are evicted. */
export const MAX_KEY_CHARS = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_ITEMS = 1000;
export const DEFAULT_EXPIRY_S = 600;
export const MAX_EXPIRY_S = 21600;
/** Texts as Apps Script users report them; the expiry text is unconfirmed. */
export const KEY_TOO_LARGE = 'Argument too large: key';
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const BAD_EXPIRY = 'Invalid argument: expirationInSeconds (1 to 21600)';

interface Entry {
  v: string;
  exp: number;
  seq: number;
}
type Scope = Record<string, Entry>;

/** Host side: every cache scope ('script', 'user:<email>', 'doc:<id>'), saved to <state>/cache.json when changed.
 * Host API: `cacheStore(env).peek(scope, key, now)` reads an entry without touching it. */
export class CacheStore implements Store {
  private scopes: Record<string, Scope>;
  private seq = 0;
  private dirty = false;
  constructor(private file: string) {
    this.scopes = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Scope>) : {};
    for (const s of Object.values(this.scopes)) for (const e of Object.values(s)) this.seq = Math.max(this.seq, e.seq);
  }
  scope(name: string): Scope {
    return (this.scopes[name] ??= Object.create(null) as Scope);
  }
  peek(scope: string, key: string, now: number): string | null {
    const e = this.scope(scope)[key];
    return e && e.exp > now ? e.v : null;
  }
  put(scope: string, key: string, v: string, exp: number, now: number): void {
    const s = this.scope(scope);
    s[key] = { v, exp, seq: ++this.seq };
    const keys = Object.keys(s);
    if (keys.length > MAX_ITEMS) {
      for (const k of keys) if (s[k].exp <= now) delete s[k];
      const left = Object.keys(s).sort((a, b) => s[a].seq - s[b].seq);
      for (const k of left.slice(0, Math.max(0, left.length - MAX_ITEMS))) delete s[k];
    }
    this.dirty = true;
  }
  remove(scope: string, key: string): void {
    if (key in this.scope(scope)) {
      delete this.scope(scope)[key];
      this.dirty = true;
    }
  }
  save(): void {
    if (!this.dirty) return;
    writeFileSync(this.file + '.tmp', JSON.stringify(this.scopes));
    renameSync(this.file + '.tmp', this.file);
    this.dirty = false;
  }
}

export function cacheStore(env: RuntimeEnv): CacheStore {
  return env.store('cache', () => new CacheStore(env.path('cache.json')));
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (key === null || key === undefined) throw new GasError('Invalid argument: key');
  if (k.length > MAX_KEY_CHARS) throw new GasError(KEY_TOO_LARGE);
  return k;
}

export class Cache implements Pick<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  static readonly gasName = 'Cache';
  constructor(
    private ctx: ExecContext,
    private store: CacheStore,
    private scope: string,
  ) {}
  private now(): number {
    return this.ctx.now().getTime();
  }
  private expiry(seconds: unknown): number {
    const s = seconds === undefined || seconds === null ? DEFAULT_EXPIRY_S : Number(seconds);
    if (!Number.isFinite(s) || s < 1 || s > MAX_EXPIRY_S) throw new GasError(BAD_EXPIRY);
    return this.now() + Math.floor(s) * 1000;
  }
  private checked(value: unknown): string {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw new GasError(VALUE_TOO_LARGE);
    return v;
  }
  get(key: string): string | null {
    return this.store.peek(this.scope, checkKey(key), this.now());
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys ?? []) {
      const v = this.get(k);
      if (v !== null) out[String(k)] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = checkKey(key);
    const v = this.checked(value);
    this.store.put(this.scope, k, v, this.expiry(expirationInSeconds), this.now());
  }
  /** All values are checked before any is stored. */
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const exp = this.expiry(expirationInSeconds);
    const entries = Object.entries(values ?? {}).map(([k, v]) => [checkKey(k), this.checked(v)] as const);
    for (const [k, v] of entries) this.store.put(this.scope, k, v, exp, this.now());
  }
  remove(key: string): void {
    this.store.remove(this.scope, checkKey(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys ?? []) this.remove(k);
  }
}

export class CacheService
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'>
{
  static readonly gasName = 'CacheService';
  constructor(
    private ctx: ExecContext,
    private store: CacheStore,
  ) {}
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new Cache(this.ctx, this.store, 'script') as unknown as GoogleAppsScript.Cache.Cache;
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return new Cache(this.ctx, this.store, `user:${this.ctx.user}`) as unknown as GoogleAppsScript.Cache.Cache;
  }
  /** null outside a container document (reference/cache/cache-service#getDocumentCache). */
  getDocumentCache(): GoogleAppsScript.Cache.Cache {
    if (!this.ctx.documentId) return null as unknown as GoogleAppsScript.Cache.Cache;
    return new Cache(this.ctx, this.store, `doc:${this.ctx.documentId}`) as unknown as GoogleAppsScript.Cache.Cache;
  }
}

export function createCacheService(ctx: ExecContext, env: RuntimeEnv): object {
  return new CacheService(ctx, cacheStore(env));
}
