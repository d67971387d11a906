// `datadesk exec FILE|-`: runs a snippet of Apps Script code as one execution and prints its result, calls and cost.
import { readFileSync } from 'node:fs';
import type { Runtime } from '../runtime/runtime';
import type { ExecKind, ExecOptions } from '../runtime/types';
import { formatCost, formatCounts } from './format';

import type { Command } from './commands';

const KINDS: Record<string, ExecKind> = { rpc: 'rpc', trigger: 'installableTrigger', menu: 'menu' };

/** The snippet as a script: kept as it is when it defines the function to call, else wrapped as a function body. */
export function snippetScript(source: string, fn: string): { script: string; fn: string } {
  const defines = new RegExp(`\\bfunction\\s+${fn.replace(/[$]/g, '\\$&')}\\s*\\(`).test(source);
  return defines ? { script: source, fn } : { script: `function __exec() {\n${source}\n}`, fn: '__exec' };
}

function readSource(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

/** Builds the execution `datadesk exec` runs (exported for tests). */
export function execOptions(rt: Runtime, source: string, flags: Record<string, string | true>): ExecOptions {
  const kindName = typeof flags.kind === 'string' ? flags.kind : 'rpc';
  const kind = KINDS[kindName];
  if (!kind) throw new Error(`exec: --kind must be rpc, trigger or menu (not '${kindName}')`);
  const { script, fn } = snippetScript(source, typeof flags.fn === 'string' ? flags.fn : 'main');
  const withBundle = flags.bundle === true ? readFileSync(rt.bundlePath, 'utf8') + '\n' : '';
  const user = typeof flags.as === 'string' ? flags.as : undefined;
  return {
    fn,
    user,
    kind,
    script: withBundle + script,
    // A time-driven trigger runs without an open document (docs/platform.md §11 "Who runs what").
    documentId: kind === 'installableTrigger' ? null : undefined,
    authMode: 'FULL',
    event: kind === 'installableTrigger' ? () => ({ authMode: 'FULL', triggerUid: 'exec' }) : undefined,
    strict: flags.strict === true ? true : undefined,
  };
}

export const execCommand: Command = async (rt, args, flags) => {
  const [file] = args;
  if (!file) throw new Error('exec needs a file name, or - for standard input');
  const r = await rt.execute(execOptions(rt, readSource(file), flags));
  if (flags.json === true) {
    const { execId, fn, user, ok, value, error, counts, logs, durationMs, projectedMs, cost } = r;
    console.log(JSON.stringify({ execId, fn, user, ok, value, error, counts, logs, durationMs, projectedMs, cost }, null, 2));
    return r.ok ? 0 : 1;
  }
  for (const line of r.logs) console.log(`log: ${line}`);
  if (r.ok) console.log(JSON.stringify(r.value ?? null, null, 2));
  else console.error(`${r.error!.name}: ${r.error!.message}`);
  console.log(`\n${r.ok ? 'ok' : 'failed'} as ${r.user} in ${r.durationMs} ms (emulator)\n${formatCost(r)}`);
  console.log(`service calls:\n${formatCounts(r.counts)}`);
  return r.ok ? 0 : 1;
};
