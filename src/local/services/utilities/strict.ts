// Worker-local service objects: count each method call as `Class.method`, check its arguments as Apps Script does,
// and fail clearly on what is not emulated.
import { checkArgs, type SignatureTable } from '../../runtime/signatures';

/** Wraps a worker-local service so calls are counted, their arguments checked against `signatures` (Apps Script's
 * "The parameters (…) don't match" text) and an unknown method throws "not emulated: Class.method". */
export function strictService<T extends object>(
  target: T,
  cls: string,
  count: (key: string) => void,
  signatures: SignatureTable = {},
): T {
  const wrapped = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(t, prop, recv) {
      if (typeof prop === 'symbol' || prop === 'toJSON' || prop === 'then') return Reflect.get(t, prop, recv);
      if (!(prop in t)) {
        return () => {
          const e = new Error(`not emulated: ${cls}.${prop}`);
          e.name = 'Error';
          throw e;
        };
      }
      const v = Reflect.get(t, prop, recv);
      if (typeof v !== 'function' || prop === 'toString' || prop === 'constructor' || prop === 'toWire') return v;
      let w = wrapped.get(prop);
      if (!w) {
        const key = `${cls}.${prop}`;
        const overloads = Object.prototype.hasOwnProperty.call(signatures, prop) ? signatures[prop as string] : null;
        w = function (this: unknown, ...a: unknown[]) {
          count(key);
          if (overloads) checkArgs(key, overloads, a);
          const r = (v as (...x: unknown[]) => unknown).apply(t, a);
          return r === t ? proxy : r;
        };
        wrapped.set(prop, w);
      }
      return w;
    },
  });
  return proxy;
}
