// How values cross between an execution's worker and the host: plain data is copied, service objects become handles.
import { Blob, BlobWire } from '../services/blob';

/** A host object as the worker sees it: a handle id, its class name and its enum-like constants. */
export interface HandleRef { __h: number; c: string; p?: Record<string, unknown> }

/** A value type created in the worker that the host reads (HtmlService output shown in the UI). */
export interface HtmlWire { __html: true; content: string; title: string; width: number; height: number; sandbox?: string }

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Host side: the objects handed to one execution, by id. */
export class HandleTable {
  private byId = new Map<number, object>();
  private ids = new WeakMap<object, number>();
  private next = 1;
  register(obj: object): number {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(obj, id);
      this.byId.set(id, obj);
    }
    return id;
  }
  get(id: number): object {
    const o = this.byId.get(id);
    if (!o) throw new Error(`runtime: unknown handle ${id}`);
    return o;
  }
  clear(): void {
    this.byId.clear();
  }
}

export function gasClassName(obj: object): string {
  const ctor = (obj as { constructor?: { gasName?: string; name?: string } }).constructor;
  return ctor?.gasName ?? ctor?.name ?? 'Object';
}

/** Host → worker. */
/** True when an array holds only primitives and Dates: structured clone carries it as it is. */
function flatArray(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== null && typeof x === 'object' && !isDate(x)) return false;
  }
  return true;
}

export function encodeForWorker(v: unknown, table: HandleTable): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (isDate(v) || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    if (flatArray(v)) return v;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' ? x : encodeForWorker(x, table);
    }
    return out;
  }
  if (v instanceof Blob) return v.toWire();
  const local = (v as { toLocalWire?: () => { name: string; data: unknown } }).toLocalWire;
  if (typeof local === 'function') {
    const w = local.call(v);
    return { __local: w.name, data: encodeForWorker(w.data, table), h: table.register(v) };
  }
  if (isPlainObject(v)) {
    if ((v as { __html?: boolean }).__html) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = encodeForWorker(v[k], table);
    return out;
  }
  const id = table.register(v);
  const ref: HandleRef = { __h: id, c: gasClassName(v) };
  const props = (v.constructor as { gasProps?: string[] }).gasProps;
  if (props) {
    ref.p = {};
    for (const k of props) ref.p[k] = encodeForWorker((v as Record<string, unknown>)[k], table);
  }
  return ref;
}

/** Worker → host. */
export function decodeFromWorker(v: unknown, table: HandleTable): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (isDate(v) || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    if (flatArray(v)) return v;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' ? x : decodeFromWorker(x, table);
    }
    return out;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.__h === 'number') return table.get(o.__h);
  if (o.__blob === true) return Blob.fromWire(o as unknown as BlobWire);
  if (o.__html === true) return o;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = decodeFromWorker(o[k], table);
  return out;
}

/** Builds a worker-side object for a host object that prefers to live in the worker (a JDBC result set reading
 * its rows in pages); `callHost` reaches the host twin. */
export type LocalValueFactory = (data: unknown, callHost: (method: string, args: unknown[]) => unknown) => object;

/** Worker side codec: host handles become proxies; local value types travel by value. */
export class WorkerCodec {
  private proxies = new Map<number, object>();
  private proxyIds = new WeakMap<object, number>();
  constructor(
    private makeProxy: (ref: HandleRef) => object,
    private localFactories: Record<string, LocalValueFactory> = {},
    private callHost: (h: number, m: string, a: unknown[]) => unknown = () => {
      throw new Error('runtime: no host');
    },
  ) {}

  decode(v: unknown): unknown {
    if (v === null || v === undefined || typeof v !== 'object') return v;
    // The worker runs scripts in its main realm, so cloned Dates and arrays are already the script's own.
    if (isDate(v) || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) {
      if (flatArray(v)) return v;
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        out[i] = x === null || typeof x !== 'object' ? x : this.decode(x);
      }
      return out;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.__h === 'number') {
      let p = this.proxies.get(o.__h);
      if (!p) {
        const ref = o as unknown as HandleRef;
        if (ref.p) for (const k of Object.keys(ref.p)) ref.p[k] = this.decode(ref.p[k]);
        p = this.makeProxy(ref);
        this.proxies.set(o.__h, p);
        this.proxyIds.set(p, o.__h);
      }
      return p;
    }
    if (o.__blob === true) return Blob.fromWire(o as unknown as BlobWire);
    if (typeof o.__local === 'string') {
      const make = this.localFactories[o.__local];
      if (!make) throw new Error(`runtime: no worker-side factory for ${o.__local}`);
      const h = o.h as number;
      const obj = make(this.decode(o.data), (m, a) => this.callHost(h, m, a));
      this.proxyIds.set(obj, h);
      return obj;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = this.decode(o[k]);
    return out;
  }

  encode(v: unknown): unknown {
    if (v === null || v === undefined || typeof v !== 'object') {
      if (typeof v === 'function') throw new Error('Functions cannot be passed to Apps Script services.');
      return v;
    }
    if (isDate(v) || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) {
      if (flatArray(v)) return v;
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        out[i] = x === null || typeof x !== 'object' ? x : this.encode(x);
      }
      return out;
    }
    const id = this.proxyIds.get(v);
    if (id !== undefined) return { __h: id };
    const wire = (v as { toWire?: () => unknown }).toWire;
    if (typeof wire === 'function') return wire.call(v);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = this.encode((v as Record<string, unknown>)[k]);
    return out;
  }
}
