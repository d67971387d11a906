// The `datadesk` command: runs server functions in the offline runtime, lists and fires triggers, seeds and resets state.
import { rmSync } from 'node:fs';
import { Runtime } from '../runtime/runtime';
import { commands } from './commands';

const USAGE = `Usage: datadesk <command> [options]

  run FUNCTION [JSON_ARGS] [--as EMAIL]   run one server function; prints its JSON result, service-call counts and
                                          projected Apps Script time
  exec FILE|- [--as EMAIL] [--kind rpc|trigger|menu] [--bundle] [--fn NAME] [--json] [--strict]
                                          run a snippet of Apps Script code as one execution (a function body, or a
                                          script whose function --fn, default main, is called); --bundle loads
                                          build/Code.js first so the snippet can call the add-on's functions
  calibrate FILE [--reset]                load the probe's JSON (tools/probe/probe.js) so the cost model uses
                                          measured constants; --reset goes back to the table
  costs                                   the cost model: each constant, its source, guess or measurement
  triggers                                list installed triggers
  tick [--to ISO_TIME]                    advance the clock (default: one hour) and fire due triggers
  seed                                    load the demo data
  shared-drive NAME EMAIL:ROLE...         make a Shared Drive (roles: organizer, fileOrganizer, writer, reader)
  forms                                   list the forms linked to spreadsheets
  form-submit FORM_ID JSON [--respondent EMAIL]  submit a form response; the form-submit triggers run
  reset                                   wipe local state (.datadesk/ or $DATADESK_HOME)

State lives in $DATADESK_HOME (default .datadesk/).`;

export function parseFlags(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const { positional, flags } = parseFlags(rest);
  if (!cmd || cmd === 'help' || flags.help) {
    console.log(USAGE);
    return cmd ? 0 : 1;
  }
  if (cmd === 'reset') {
    const rt = new Runtime();
    rmSync(rt.env.config.stateDir, { recursive: true, force: true });
    console.log(`reset: removed ${rt.env.config.stateDir}`);
    return 0;
  }
  const handler = commands[cmd];
  if (!handler) {
    console.error(`datadesk: unknown command '${cmd}'\n\n${USAGE}`);
    return 2;
  }
  const rt = new Runtime();
  try {
    return await handler(rt, positional, flags);
  } finally {
    await rt.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`datadesk: ${(e as Error).message}`);
    process.exit(1);
  },
);
