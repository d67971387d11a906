// Host objects that live in the worker as local objects (see LocalValueFactory): name → factory.
import type { LocalValueFactory } from '../runtime/wire';
import { LocalResultSet, ResultSetWire } from './jdbc/resultset-local';
import { JdbcTimeValue, JdbcTimeKind } from './jdbc/time';

/** Counts calls on worker-local values into the execution's counts (set once per worker by bindLocalValues). */
let countLocal: (key: string) => void = () => undefined;
/** Charges the data a call on a worker-local value moved (a result set's getRows). */
let dataLocal: (key: string, moved: unknown[]) => void = () => undefined;

/** Gives worker-local values the execution's counter and meter; the worker calls it when it creates its local services. */
export function bindLocalValues(env: {
  count(key: string, n?: number): void;
  meter?: { data(key: string, moved: unknown[]): void };
}): void {
  countLocal = (key) => env.count(key);
  dataLocal = (key, moved) => env.meter?.data(key, moved);
}

export const localValueFactories: Record<string, LocalValueFactory> = {
  /** A JDBC result set: first page by value, further pages from the host twin (services/jdbc/statement.ts). */
  JdbcResultSet: (data, callHost) =>
    new LocalResultSet(
      data as ResultSetWire,
      callHost,
      (k) => countLocal(k),
      (k, moved) => dataLocal(k, moved),
    ),
  /** Jdbc.newTimestamp/newDate/newTime: a value; setTime is mirrored to the host twin that setTimestamp receives. */
  JdbcTime: (data, callHost) => {
    const d = data as { kind: JdbcTimeKind; ms: number };
    const v = new JdbcTimeValue(d.kind, d.ms);
    v.setTime = (ms: number) => {
      v.ms = Number(ms);
      callHost('setTime', [Number(ms)]);
    };
    return v;
  },
};
