// How values cross between an execution's worker and the host: plain data is copied, service objects become handles.
import { Blob, BlobWire } from '../services/blob';

/** A host object as the worker sees it: a handle id, its class name and its enum-like constants. */
export interface HandleRef {
  __h: number;
  c: string;
  p?: Record<string, unknown>;
}

/** A value type created in the worker that the host reads (HtmlService output shown in the UI). */
export interface HtmlWire {
  __html: true;
  content: string;
  title: string;
  width: number;
  height: number;
  sandbox?: string;
}

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

/** True when an array holds only primitives and Dates: structured clone carries it as it is. */
function flatArray(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== null && typeof x === 'object' && !isDate(x)) return false;
  }
  return true;
}

/** Returned by a `special` callback to have mapValue copy a plain object field by field. */
const RECURSE = Symbol('recurse');

/**
 * Copies a value for the other side: primitives, Dates and typed arrays pass as they are, arrays and plain objects
 * are walked (arrays of primitives untouched), and every other object goes to `special`, which returns its
 * replacement, or RECURSE for a plain object it does not recognise.
 */
function mapValue(v: unknown, special: (o: object) => unknown): unknown {
  if (typeof v === 'function') throw new Error('Functions cannot be passed to Apps Script services.');
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v) || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    if (flatArray(v)) return v;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = mapValue(v[i], special);
    return out;
  }
  const r = special(v);
  if (r !== RECURSE) return r;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = mapValue((v as Record<string, unknown>)[k], special);
  return out;
}

/** Host → worker: service objects become handles; Blobs and worker-local objects travel by value. */
export function encodeForWorker(v: unknown, table: HandleTable): unknown {
  return mapValue(v, (o) => {
    if (o instanceof Blob) return o.toWire();
    const local = (o as { toLocalWire?: () => { name: string; data: unknown } }).toLocalWire;
    if (typeof local === 'function') {
      const w = local.call(o);
      return { __local: w.name, data: encodeForWorker(w.data, table), h: table.register(o) };
    }
    if (isPlainObject(o)) return o.__html ? o : RECURSE;
    const ref: HandleRef = { __h: table.register(o), c: gasClassName(o) };
    const props = (o.constructor as { gasProps?: string[] }).gasProps;
    if (props) {
      ref.p = {};
      for (const k of props) ref.p[k] = encodeForWorker((o as Record<string, unknown>)[k], table);
    }
    return ref;
  });
}

/** Worker → host: handles back to the host's objects, Blobs rebuilt, HtmlOutput kept as its wire form. */
export function decodeFromWorker(v: unknown, table: HandleTable): unknown {
  return mapValue(v, (o) => {
    const w = o as Record<string, unknown>;
    if (typeof w.__h === 'number') return table.get(w.__h);
    if (w.__blob === true) return Blob.fromWire(w as unknown as BlobWire);
    if (w.__html === true) return w;
    return RECURSE;
  });
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
    /** Reaches the host; `internal` marks the emulator's own traffic (a result set's next page), never counted. */
    private callHost: (h: number, m: string, a: unknown[], internal?: boolean) => unknown = () => {
      throw new Error('runtime: no host');
    },
  ) {}

  decode(v: unknown): unknown {
    // The worker runs scripts in its main realm, so cloned Dates and arrays are already the script's own.
    return mapValue(v, (o) => {
      const w = o as Record<string, unknown>;
      if (typeof w.__h === 'number') {
        let p = this.proxies.get(w.__h);
        if (!p) {
          const ref = w as unknown as HandleRef;
          if (ref.p) for (const k of Object.keys(ref.p)) ref.p[k] = this.decode(ref.p[k]);
          p = this.makeProxy(ref);
          this.proxies.set(w.__h, p);
          this.proxyIds.set(p, w.__h);
        }
        return p;
      }
      if (w.__blob === true) return Blob.fromWire(w as unknown as BlobWire);
      if (typeof w.__local === 'string') {
        const make = this.localFactories[w.__local];
        if (!make) throw new Error(`runtime: no worker-side factory for ${w.__local}`);
        const h = w.h as number;
        const obj = make(this.decode(w.data), (m, a) => this.callHost(h, m, a, true));
        this.proxyIds.set(obj, h);
        return obj;
      }
      return RECURSE;
    });
  }

  encode(v: unknown): unknown {
    return mapValue(v, (o) => {
      const id = this.proxyIds.get(o);
      if (id !== undefined) return { __h: id };
      const wire = (o as { toWire?: () => unknown }).toWire;
      if (typeof wire === 'function') return wire.call(o);
      return RECURSE;
    });
  }
}
