// PropertiesService: script, user and document key-value stores with Apps Script's size limits, kept in properties.json.
import type { SignatureTable } from '../../runtime/signatures';
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv, Store } from '../../runtime/env';
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { quotaLedger } from '../../runtime/quotas';

/** 9 KB per value, 500 KB per store (guides/services/quotas). */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
/** Apps Script reports both the per-value and the per-store limit with this text (seen in public scripts that hit
 * either limit; the quotas page names no error text). */
export const QUOTA_ERROR = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type Bag = Record<string, string>;
interface PropsData {
  script: Bag;
  user: Record<string, Bag>;
  document: Record<string, Bag>;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Host side: every properties scope, persisted to `<state>/properties.json` when changed.
 * Host API: `propertiesStore(env).bag('script' | 'user' | 'document', owner)` reads or seeds a scope directly. */
export class PropertiesStore implements Store {
  private data: PropsData;
  private dirty = false;
  constructor(private file: string) {
    this.data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PropsData) : { script: {}, user: {}, document: {} };
  }
  bag(scope: 'script' | 'user' | 'document', owner = ''): Bag {
    if (scope === 'script') return this.data.script;
    const m = this.data[scope];
    return (m[owner] ??= {});
  }
  touch(): void {
    this.dirty = true;
  }
  /** Rewrites every value of every scope through `fn` (the workbench moves stand-in URLs); the number changed. */
  rewriteValues(fn: (value: string) => string): number {
    let n = 0;
    const bags = [this.data.script, ...Object.values(this.data.user), ...Object.values(this.data.document)];
    for (const bag of bags)
      for (const [k, v] of Object.entries(bag)) {
        const next = fn(v);
        if (next !== v) (bag[k] = next), n++;
      }
    if (n) this.dirty = true;
    return n;
  }
  save(): void {
    if (!this.dirty) return;
    writeFileSync(this.file + '.tmp', JSON.stringify(this.data));
    renameSync(this.file + '.tmp', this.file);
    this.dirty = false;
  }
}

export function propertiesStore(env: RuntimeEnv): PropertiesStore {
  return env.store('properties', () => new PropertiesStore(env.path('properties.json')));
}

/** A store's size: UTF-8 bytes of its keys and values (how Apps Script counts is unconfirmed; this is the safe side). */
function size(bag: Bag): number {
  let n = 0;
  for (const [k, v] of Object.entries(bag)) n += bytes(k) + bytes(v);
  return n;
}

export class Properties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'
    >
{
  static readonly gasName = 'Properties';
  static readonly gasQualified = 'PropertiesService.Properties';
  static readonly gasSignatures: SignatureTable = {
    getProperty: [['String']],
    setProperty: [['String', 'String']],
    deleteProperty: [['String']],
    setProperties: [['Object'], ['Object', 'Boolean']],
  };
  constructor(
    private store: PropertiesStore,
    private bag: Bag,
    /** Counts one read or write against the daily quota (runtime/quotas.ts: 50,000 / 500,000 a day). */
    private tally: () => void,
  ) {}

  /** Applies `next` only if it respects the limits; nothing changes otherwise. */
  private commit(next: Bag): this {
    for (const v of Object.values(next)) if (bytes(v) > MAX_VALUE_BYTES) throw new GasError(QUOTA_ERROR);
    if (size(next) > MAX_STORE_BYTES) throw new GasError(QUOTA_ERROR);
    for (const k of Object.keys(this.bag)) delete this.bag[k];
    Object.assign(this.bag, next);
    this.store.touch();
    return this;
  }

  getProperty(key: string): string | null {
    this.tally();
    const v = this.bag[String(key)];
    return v === undefined ? null : v;
  }
  setProperty(key: string, value: string): this {
    this.tally();
    if (key === null || key === undefined || key === '') throw new GasError('Invalid argument: key');
    return this.commit({ ...this.bag, [String(key)]: String(value) });
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): this {
    this.tally();
    if (properties === null || typeof properties !== 'object') throw new GasError('Invalid argument: properties');
    const next: Bag = deleteAllOthers ? {} : { ...this.bag };
    for (const [k, v] of Object.entries(properties)) next[k] = String(v);
    return this.commit(next);
  }
  getProperties(): { [key: string]: string } {
    this.tally();
    return { ...this.bag };
  }
  getKeys(): string[] {
    this.tally();
    return Object.keys(this.bag);
  }
  deleteProperty(key: string): this {
    this.tally();
    if (String(key) in this.bag) {
      delete this.bag[String(key)];
      this.store.touch();
    }
    return this;
  }
  deleteAllProperties(): this {
    this.tally();
    return this.commit({});
  }
}

export class PropertiesService
  implements
    Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'>
{
  static readonly gasName = 'PropertiesService';
  constructor(
    private ctx: ExecContext,
    private store: PropertiesStore,
    private env: RuntimeEnv,
  ) {}
  private tally = (): void => quotaLedger(this.env).take('properties', this.ctx.user, this.ctx.now());
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.store, this.store.bag('script'), this.tally);
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return new Properties(this.store, this.store.bag('user', this.ctx.user), this.tally);
  }
  /** null outside a container document (reference/properties/properties-service#getDocumentProperties). */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    if (!this.ctx.documentId) return null as unknown as GoogleAppsScript.Properties.Properties;
    return new Properties(this.store, this.store.bag('document', this.ctx.documentId), this.tally);
  }
}

export function createPropertiesService(ctx: ExecContext, env: RuntimeEnv): object {
  return new PropertiesService(ctx, propertiesStore(env), env);
}
