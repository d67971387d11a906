// Types of what google.script.run can carry: numbers, strings, booleans, null, and arrays/objects of these.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `T` where it is JSON-safe for google.script.run, `never` where it holds a Date, function, undefined or class. */
export type RpcSafe<T> = T extends string | number | boolean | null
  ? T
  : T extends Date | ((...a: never[]) => unknown) | undefined | symbol | bigint
    ? never
    : T extends readonly (infer U)[]
      ? RpcSafe<U>[]
      : T extends object
        ? { [K in keyof T]-?: undefined extends T[K] ? never : RpcSafe<T[K]> }
        : never;

/** Compiles only when every parameter and result of every function in `Api` is JSON-safe. */
export type AssertRpcApi<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R
    ? A extends RpcSafe<A>
      ? R extends RpcSafe<R>
        ? true
        : ['result of', K, 'is not JSON-safe']
      : ['arguments of', K, 'are not JSON-safe']
    : ['not a function:', K];
};
