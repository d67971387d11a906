// The CLI's commands, one function each; `run` prints a result and the service calls behind it.
import type { Runtime } from '../runtime/runtime';
import type { ExecResult } from '../runtime/types';

export type Command = (rt: Runtime, args: string[], flags: Record<string, string | true>) => Promise<number>;

export function formatCounts(counts: Record<string, number>): string {
  const keys = Object.keys(counts).sort();
  if (!keys.length) return '  (no service calls)';
  const w = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => `  ${k.padEnd(w)}  ${counts[k]}`).join('\n');
}

export function printResult(r: ExecResult): void {
  for (const line of r.logs) console.log(`log: ${line}`);
  if (r.ok) console.log(JSON.stringify(r.value ?? null, null, 2));
  else console.error(`${r.error!.name}: ${r.error!.message}`);
  console.log(`\n${r.fn} as ${r.user}: ${r.ok ? 'ok' : 'failed'} in ${r.durationMs} ms\nservice calls:\n${formatCounts(r.counts)}`);
}

const run: Command = async (rt, args, flags) => {
  const [fn, json] = args;
  if (!fn) throw new Error('run needs a function name');
  let fnArgs: unknown[] = [];
  if (json) {
    const parsed = JSON.parse(json) as unknown;
    fnArgs = Array.isArray(parsed) ? parsed : [parsed];
  }
  const user = typeof flags.as === 'string' ? flags.as : undefined;
  const simple = fn === 'onOpen' || fn === 'onInstall';
  const r = await rt.execute({
    fn,
    args: simple ? [] : fnArgs,
    user,
    kind: simple ? 'simpleTrigger' : 'cli',
    event: simple ? () => ({ authMode: 'LIMITED', user: user ?? '' }) : undefined,
  });
  printResult(r);
  const ui = rt.env.readJson<unknown>('last-ui.json', null);
  if (simple && ui) console.log(`\nUI:\n${JSON.stringify(ui, null, 2)}`);
  return r.ok ? 0 : 1;
};

export const commands: Record<string, Command> = { run };
