// Shapes of RPC arguments as data: each checks an untrusted value and names what it wanted; the RPC table
// (src/server/rpc-args.ts) is type-checked against api.ts, so a shape cannot drift from its declared parameter.
import { invalid, type UserMessage } from './errors';

/** What a value failed: the path inside the argument ("files[1].name") and what was wanted. */
export interface Miss {
  path: string;
  want: UserMessage;
}

/** A checker of untrusted values whose type parameter is exactly `T` (invariant, so the table cannot weaken it). */
export interface Shape<T> {
  readonly _in?: (t: T) => void;
  readonly _out?: T;
  test(v: unknown, path: string): Miss | null;
}

const shape = <T>(test: (v: unknown, path: string) => Miss | null): Shape<T> => ({ test });
const miss = (path: string, id: string, en: string): Miss => ({ path, want: { id, en } });
// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL character in an argument is refused on purpose
const NUL = /\u0000/;

/** Text up to `max` characters, without NUL. */
export const str = (max = 100_000): Shape<string> =>
  shape((v, p) =>
    typeof v !== 'string'
      ? miss(p, 'teks', 'text')
      : NUL.test(v)
        ? miss(p, 'teks tanpa karakter NUL', 'text without a NUL character')
        : v.length > max
          ? miss(p, `teks paling panjang ${max} karakter`, `text of at most ${max} characters`)
          : null,
  );

/** A finite number. */
export const num = (): Shape<number> =>
  shape((v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : miss(p, 'angka', 'a number')));

/** A whole number, at least `min` when given (an id is 1 or more). */
export const int = (min?: number): Shape<number> =>
  shape((v, p) =>
    typeof v === 'number' && Number.isSafeInteger(v) && (min === undefined || v >= min)
      ? null
      : min === undefined
        ? miss(p, 'bilangan bulat', 'a whole number')
        : miss(p, `bilangan bulat ≥ ${min}`, `a whole number ≥ ${min}`),
  );

/** One of the listed texts. */
export const lit = <L extends string>(...values: L[]): Shape<L> =>
  shape((v, p) =>
    typeof v === 'string' && (values as string[]).includes(v)
      ? null
      : miss(p, `salah satu dari: ${values.join(', ')}`, `one of: ${values.join(', ')}`),
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
    return m && { path: m.path, want: { id: `${m.want.id} atau kosong (null)`, en: `${m.want.en} or null` } };
  });

/** A list of at most `max` items of one shape. */
export const arr = <T>(item: Shape<T>, max = 10_000): Shape<T[]> =>
  shape((v, p) => {
    if (!Array.isArray(v)) return miss(p, 'daftar', 'a list');
    if (v.length > max) return miss(p, `daftar paling banyak ${max} isi`, `a list of at most ${max} items`);
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
    if (!isPlainObject(v)) return miss(p, 'objek', 'an object');
    for (const k of Object.keys(fields)) {
      const m = (fields[k as keyof T] as Shape<unknown>).test(v[k], `${p}.${k}`);
      if (m) return m;
    }
    return null;
  });

/** An object of string keys to values of one shape (at most `max` keys). */
export const rec = <T>(value: Shape<T>, max = 1000): Shape<Record<string, T>> =>
  shape((v, p) => {
    if (!isPlainObject(v)) return miss(p, 'objek', 'an object');
    const keys = Object.keys(v);
    if (keys.length > max) return miss(p, `objek paling banyak ${max} kolom`, `an object of at most ${max} fields`);
    for (const k of keys) {
      if (NUL.test(k)) return miss(p, 'nama kolom tanpa karakter NUL', 'field names without a NUL character');
      const m = value.test(v[k], `${p}.${k}`);
      if (m) return m;
    }
    return null;
  });

/** Any JSON value without NUL characters, at most `depth` levels deep (for `doc`). */
function plainJson(v: unknown, p: string, depth: number): Miss | null {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : miss(p, 'angka', 'a number');
  if (typeof v === 'string') return str().test(v, p);
  if (depth <= 0) return miss(p, 'data yang tidak terlalu bertingkat', 'data that is not nested so deeply');
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const m = plainJson(v[i], `${p}[${i}]`, depth - 1);
      if (m) return m;
    }
    return null;
  }
  if (typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const m = NUL.test(k)
        ? miss(p, 'nama kolom tanpa karakter NUL', 'field names without a NUL character')
        : plainJson(x, `${p}.${k}`, depth - 1);
      if (m) return m;
    }
    return null;
  }
  return miss(p, 'data JSON', 'JSON data');
}

/**
 * A document the capability's own validator checks field by field (a segment request, the budget configuration,
 * report or tagging settings): at the boundary it must be an object of plain JSON without NUL characters.
 */
export const doc = <T>(): Shape<T> => shape((v, p) => (isPlainObject(v) ? plainJson(v, p, 8) : miss(p, 'objek', 'an object')));

/** One named parameter of an RPC function. */
export const arg = <T>(name: string, s: Shape<T>): readonly [string, Shape<T>] => [name, s] as const;

/** Checks `args` against the named parameter shapes; refuses the first misfit with a bilingual message naming it. */
export function checkArgs(fn: string, params: ReadonlyArray<readonly [string, Shape<unknown>]>, args: ArrayLike<unknown>): void {
  if (args.length > params.length)
    throw invalid(
      {
        id: `${fn} menerima ${params.length} argumen, bukan ${args.length}.`,
        en: `${fn} takes ${params.length} argument(s), not ${args.length}.`,
      },
      { field: null },
    );
  params.forEach(([name, s], i) => {
    const m = s.test(i < args.length ? args[i] : undefined, name);
    if (!m) return;
    const got = describe(fieldAt(args[i], m.path, name));
    throw invalid(
      {
        id: `Argumen "${m.path}" tidak valid: harus ${m.want.id}, bukan ${got.id}. Tidak ada yang diubah.`,
        en: `Argument "${m.path}" is not valid: it must be ${m.want.en}, not ${got.en}. Nothing was changed.`,
      },
      { field: m.path },
    );
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
function describe(v: unknown): UserMessage {
  if (v === undefined) return { id: 'tidak ada', en: 'missing' };
  if (v === null) return { id: 'kosong (null)', en: 'null' };
  if (Array.isArray(v)) return { id: 'daftar', en: 'a list' };
  if (typeof v === 'string')
    return NUL.test(v) ? { id: 'teks dengan karakter NUL', en: 'text with a NUL character' } : { id: 'teks', en: 'text' };
  if (typeof v === 'number') return { id: `angka ${v}`, en: `the number ${v}` };
  if (typeof v === 'boolean') return { id: 'ya/tidak', en: 'true/false' };
  return { id: 'objek', en: 'an object' };
}
