// Logger and console: lines go to the execution's log, which the CLI and workbench show.
import { format } from 'node:util';
import type { LocalEnv } from './local';

function render(args: unknown[]): string {
  return format(...(args as [unknown, ...unknown[]]));
}

export function createLogger(env: LocalEnv) {
  let buffer: string[] = [];
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      const line =
        typeof data === 'string' && values.length ? data.replace(/%s/g, () => String(values.shift())) : render([data, ...values]);
      buffer.push(line);
      env.log(line);
      return logger;
    },
    getLog: () => buffer.join('\n'),
    clear: () => {
      buffer = [];
    },
  };
  return logger;
}

export function createConsole(env: LocalEnv) {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      env.log(level ? `[${level}] ${render(args)}` : render(args));
  return { log: at(''), info: at('info'), warn: at('warn'), error: at('error'), time: () => undefined, timeEnd: () => undefined };
}
