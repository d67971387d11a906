// The CLI's commands, one function each; `run` prints a result and the service calls behind it.
import type { Runtime } from '../runtime/runtime';
import { tick, nextRuns } from '../runtime/scheduler';
import { triggerStore } from '../services/script/store';
import { seedCommand } from './seed';
import { driveStore, type MemberRole } from '../services/drive/store';
import { printResult } from './format';
import { execCommand } from './exec';
import { calibrateCommand, costsCommand } from './calibrate';
import { linkedForms, submitFormResponse } from '../services/forms/index';

export type Command = (rt: Runtime, args: string[], flags: Record<string, string | true>) => Promise<number>;

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

/** `datadesk triggers`: every installed trigger with its owner, document, schedule and next run. */
const triggers: Command = async (rt) => {
  const store = triggerStore(rt.env);
  const list = store.list();
  if (!list.length) {
    console.log('no triggers installed');
    return 0;
  }
  const now = rt.env.clock.now();
  console.log(`clock: ${now.toISOString()}`);
  for (const t of list) {
    const next = nextRuns(t, now, new Date(now.getTime() + 400 * 24 * 3600_000))[0];
    console.log(
      `${t.uid}  ${t.handler}  ${t.eventType}  owner ${t.owner}  document ${t.documentId ?? '-'}\n` +
        `    ${store.describe(t)}${next ? `; next run ${next.toISOString()}` : ''}`,
    );
  }
  return 0;
};

/** `datadesk tick [--to ISO_TIME]`: advances the clock (default one hour) and fires what falls due. */
const tickCmd: Command = async (rt, _args, flags) => {
  let to: Date | undefined;
  if (typeof flags.to === 'string') {
    to = new Date(flags.to);
    if (Number.isNaN(to.getTime())) throw new Error(`tick: --to '${flags.to}' is not an ISO time`);
    if (to.getTime() <= rt.env.clock.now().getTime())
      throw new Error(`tick: --to must be after the clock (${rt.env.clock.now().toISOString()})`);
  }
  const r = await tick(rt, to);
  console.log(`clock ${r.from} → ${r.to}: ${r.fired.length} trigger run(s)`);
  let failed = 0;
  for (const f of r.fired) {
    console.log(`\n${f.at}  ${f.fn} (trigger ${f.uid}) as ${f.user}, document ${f.documentId ?? '-'}`);
    printResult(f.result);
    if (!f.result.ok) failed++;
  }
  return failed ? 1 : 0;
};

/** `shared-drive NAME EMAIL:ROLE…`: makes a Shared Drive (as an organisation's Workspace admin would; Apps Script
 * itself needs the advanced Drive service for that) and prints its id, to paste into the budget's folder set-up. */
const sharedDrive: Command = async (rt, args) => {
  const [name, ...members] = args;
  if (!name || !members.length)
    throw new Error('shared-drive needs a name and members as email:role (organizer, fileOrganizer, writer, commenter, reader)');
  const roles: Record<string, MemberRole> = {};
  for (const m of members) {
    const [email, role] = m.split(':');
    if (!email || !role) throw new Error(`member "${m}" is not email:role`);
    roles[email] = role as MemberRole;
  }
  const d = driveStore(rt.env).createSharedDrive(name, roles);
  console.log(`${d.id}\thttps://drive.google.com/drive/folders/${d.id}`);
  return 0;
};

/** `datadesk forms`: the forms linked to spreadsheets; `datadesk form-submit <formId> '<answers json>' [--respondent e]`
 * submits a response (the row is appended, the form-submit triggers run as their owners). */
const forms: Command = async (rt) => {
  const list = linkedForms(rt.env);
  if (!list.length) console.log('no forms linked');
  for (const f of list)
    console.log(`${f.formId}  "${f.title}" → ${f.spreadsheetId} / ${f.sheetName}: ${f.questions.join(' | ')}`);
  return 0;
};

const formSubmit: Command = async (rt, args, flags) => {
  const [formId, json] = args;
  if (!formId || !json) throw new Error(`form-submit needs a form id and the answers as JSON`);
  const answers = JSON.parse(json) as Record<string, string | string[]>;
  const r = await submitFormResponse(rt, {
    formId,
    answers,
    respondent: typeof flags.respondent === 'string' ? flags.respondent : undefined,
  });
  console.log(`row ${r.row}: ${JSON.stringify(r.values)}; ${r.fired.length} trigger run(s)`);
  let failed = 0;
  for (const f of r.fired) {
    console.log(`\n${f.fn} (trigger ${f.uid}) as ${f.user}`);
    printResult(f.result);
    if (!f.result.ok) failed++;
  }
  return failed ? 1 : 0;
};

export const commands: Record<string, Command> = {
  run,
  exec: execCommand,
  triggers,
  tick: tickCmd,
  seed: seedCommand,
  forms,
  'form-submit': formSubmit,
  'shared-drive': sharedDrive,
  calibrate: calibrateCommand,
  costs: costsCommand,
};
