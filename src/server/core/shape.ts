// Shapes of RPC arguments as data: each checks an untrusted value and names what it wanted; the RPC table
// (src/server/rpc-args.ts) is type-checked against api.ts, so a shape cannot drift from its declared parameter.
import { invalid } from './errors';
import { msg, type Msg } from './text';

/** What a value failed: the path inside the argument ("files[1].name") and what was wanted. */
export interface Miss {
  path: string;
  want: Msg;
}

/** A checker of untrusted values whose type parameter is exactly `T` (invariant, so the table cannot weaken it). */
export interface Shape<T> {
  readonly _in?: (t: T) => void;
  readonly _out?: T;
  test(v: unknown, path: string): Miss | null;
}

const shape = <T>(test: (v: unknown, path: string) => Miss | null): Shape<T> => ({ test });
const miss = (path: string, want: Msg): Miss => ({ path, want });
// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL character in an argument is refused on purpose
const NUL = /\u0000/;

/** Text up to `max` characters, without NUL. */
export const str = (max = 100_000): Shape<string> =>
  shape((v, p) =>
    typeof v !== 'string'
      ? miss(p, msg('common.shape.text'))
      : NUL.test(v)
        ? miss(p, msg('common.shape.textNoNul'))
        : v.length > max
          ? miss(p, msg('common.shape.textMax', { max }))
          : null,
  );

/** A finite number. */
export const num = (): Shape<number> =>
  shape((v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : miss(p, msg('common.shape.number'))));

/** A whole number, at least `min` when given (an id is 1 or more). */
export const int = (min?: number): Shape<number> =>
  shape((v, p) =>
    typeof v === 'number' && Number.isSafeInteger(v) && (min === undefined || v >= min)
      ? null
      : min === undefined
        ? miss(p, msg('common.shape.int'))
        : miss(p, msg('common.shape.intMin', { min })),
  );

/** One of the listed texts. */
export const lit = <L extends string>(...values: L[]): Shape<L> =>
  shape((v, p) =>
    typeof v === 'string' && (values as string[]).includes(v)
      ? null
      : miss(p, msg('common.shape.oneOf', { values: values.join(', ') })),
  );

/** Either shape (the first that fits). */
export const or = <A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> =>
  shape((v, p) => {
    const m = a.test(v, p);
    return m && b.test(v, p) ? m : null;
  });

/** The shape or null. */
export const nullable = <T>(s: Shape<T>): Shape<T | null> =>
  shape((v, p) => {
    if (v === null) return null;
    const m = s.test(v, p);
    return m && { path: m.path, want: msg('common.shape.orNull', { want: m.want }) };
  });

/** A list of at most `max` items of one shape. */
export const arr = <T>(item: Shape<T>, max = 10_000): Shape<T[]> =>
  shape((v, p) => {
    if (!Array.isArray(v)) return miss(p, msg('common.shape.list'));
    if (v.length > max) return miss(p, msg('common.shape.listMax', { max }));
    for (let i = 0; i < v.length; i++) {
      const m = item.test(v[i], `${p}[${i}]`);
      if (m) return m;
    }
    return null;
  });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object with these fields (each required, in its shape); other fields are not read by the server. */
export const obj = <T extends object>(fields: { [K in keyof T]-?: Shape<T[K]> }): Shape<T> =>
  shape((v, p) => {
    if (!isPlainObject(v)) return miss(p, msg('common.shape.object'));
    for (const k of Object.keys(fields)) {
      const m = (fields[k as keyof T] as Shape<unknown>).test(v[k], `${p}.${k}`);
      if (m) return m;
    }
    return null;
  });

/** An object of string keys to values of one shape (at most `max` keys). */
export const rec = <T>(value: Shape<T>, max = 1000): Shape<Record<string, T>> =>
  shape((v, p) => {
    if (!isPlainObject(v)) return miss(p, msg('common.shape.object'));
    const keys = Object.keys(v);
    if (keys.length > max) return miss(p, msg('common.shape.objectMax', { max }));
    for (const k of keys) {
      if (NUL.test(k)) return miss(p, msg('common.shape.keysNoNul'));
      const m = value.test(v[k], `${p}.${k}`);
      if (m) return m;
    }
    return null;
  });

/** Any JSON value without NUL characters, at most `depth` levels deep (for `doc`). */
function plainJson(v: unknown, p: string, depth: number): Miss | null {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : miss(p, msg('common.shape.number'));
  if (typeof v === 'string') return str().test(v, p);
  if (depth <= 0) return miss(p, msg('common.shape.nested'));
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const m = plainJson(v[i], `${p}[${i}]`, depth - 1);
      if (m) return m;
    }
    return null;
  }
  if (typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const m = NUL.test(k) ? miss(p, msg('common.shape.keysNoNul')) : plainJson(x, `${p}.${k}`, depth - 1);
      if (m) return m;
    }
    return null;
  }
  return miss(p, msg('common.shape.json'));
}

/**
 * A document the capability's own validator checks field by field (a segment request, the budget configuration,
 * report or tagging settings): at the boundary it must be an object of plain JSON without NUL characters.
 */
export const doc = <T>(): Shape<T> =>
  shape((v, p) => (isPlainObject(v) ? plainJson(v, p, 8) : miss(p, msg('common.shape.object'))));

/** One named parameter of an RPC function. */
export const arg = <T>(name: string, s: Shape<T>): readonly [string, Shape<T>] => [name, s] as const;

/** Checks `args` against the named parameter shapes; refuses the first misfit with a bilingual message naming it. */
export function checkArgs(fn: string, params: ReadonlyArray<readonly [string, Shape<unknown>]>, args: ArrayLike<unknown>): void {
  if (args.length > params.length)
    throw invalid(msg('common.rpc.argCount', { fn, max: params.length, got: args.length }), { field: null });
  params.forEach(([name, s], i) => {
    const m = s.test(i < args.length ? args[i] : undefined, name);
    if (!m) return;
    const got = describe(fieldAt(args[i], m.path, name));
    throw invalid(msg('common.rpc.argInvalid', { path: m.path, want: m.want, got }), { field: m.path });
  });
}

/** The value at a miss's path (for the message), or undefined. */
function fieldAt(root: unknown, path: string, name: string): unknown {
  let v: unknown = root;
  for (const part of path.slice(name.length).match(/\.[^.[]+|\[\d+\]/g) ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.startsWith('.') ? part.slice(1) : part.slice(1, -1)];
  }
  return v;
}

/** What a value is, in words (never its content: it may be long or hostile). */
function describe(v: unknown): Msg {
  if (v === undefined) return msg('common.shape.missing');
  if (v === null) return msg('common.shape.null');
  if (Array.isArray(v)) return msg('common.shape.list');
  if (typeof v === 'string') return NUL.test(v) ? msg('common.shape.textNul') : msg('common.shape.text');
  if (typeof v === 'number') return msg('common.shape.theNumber', { value: v });
  if (typeof v === 'boolean') return msg('common.shape.bool');
  return msg('common.shape.object');
}
