// Worker-local service objects: count and meter each method call as `Class.method`, check its arguments as Apps Script
// does, and fail clearly on what is not emulated.
import type { LocalMeter } from '../local';
import { checkArgs, type SignatureTable } from '../../runtime/signatures';

/** Runs one worker-local call metered: counted, its time kept out of the script's CPU time, its data charged. Calls
 * made while another service call runs are the service's own work and are not counted. */
export function metered<R>(
  key: string,
  args: unknown[],
  count: (key: string) => void,
  meter: LocalMeter | undefined,
  run: () => R,
): R {
  if (!meter) {
    count(key);
    return run();
  }
  if (meter.inService) return run();
  count(key);
  meter.enter();
  let r: R | undefined;
  try {
    r = run();
    return r;
  } finally {
    meter.leave(key, [...args, r]);
  }
}

/** Meters the methods of a class whose objects live in the worker (Blob), in place on its prototype. */
export function meterMethods(proto: object, cls: string, names: string[], count: (key: string) => void, meter: LocalMeter): void {
  for (const name of names) {
    const f = (proto as Record<string, unknown>)[name];
    if (typeof f !== 'function') continue;
    const key = `${cls}.${name}`;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...a: unknown[]) {
        return metered(key, a, count, meter, () => (f as (...x: unknown[]) => unknown).apply(this, a));
      },
    });
  }
}

/** Wraps a worker-local service so calls are counted and metered, their arguments checked against `signatures`
 * (Apps Script's "The parameters (…) don't match" text), and an unknown method throws "not emulated: Class.method". */
export function strictService<T extends object>(
  target: T,
  cls: string,
  count: (key: string) => void,
  meter?: LocalMeter,
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
        const overloads = Object.hasOwn(signatures, prop) ? signatures[prop as string] : null;
        w = function (this: unknown, ...a: unknown[]) {
          if (overloads) checkArgs(key, overloads, a);
          const r = metered(key, a, count, meter, () => (v as (...x: unknown[]) => unknown).apply(t, a));
          return r === t ? proxy : r;
        };
        wrapped.set(prop, w);
      }
      return w;
    },
  });
  return proxy;
}
