// Type helpers: check the emulated classes' methods against @types/google-apps-script.
//
// `Pick<GoogleAppsScript.X, 'm'>` checks a method fully (every overload) when its result is plain data.
// Methods that return Apps Script classes are checked with `Returning<T, K>`: the parameters of the last
// overload are checked and Apps Script objects in parameters and results may be the emulator's own classes.
// biome-ignore lint/suspicious/noConfusingVoidType: Apps Script methods declared as returning void
type Plain = string | number | boolean | void | null | undefined | Date;
/** Results: Apps Script objects may be the emulator's classes, or null (getActiveSpreadsheet outside a document). */
type Own<R> = R extends Plain ? R : R extends Array<infer E> ? Array<Own<E>> : object | null;
/** Parameters: Apps Script objects arrive as the emulator's own classes. */
// biome-ignore lint/suspicious/noExplicitAny: an emulator class stands where Apps Script declares its own interface
type OwnIn<X> = X extends Plain ? X : X extends Array<infer E> ? Array<OwnIn<E>> : X extends object ? any : X;

export type Returning<T, K extends keyof T> = {
  [P in K]: T[P] extends (...a: infer A) => infer R ? (...a: { [I in keyof A]: OwnIn<A[I]> }) => Own<R> : never;
};

/** Apps Script enums are objects whose members print as their names; the emulator uses those names. */
export function asEnum<T>(name: string): T {
  return name as unknown as T;
}
