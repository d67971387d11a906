// Google Forms linked to a spreadsheet, as far as Sheets sees them: a responses sheet (Timestamp + one column per
// question) that each submission appends to, and the spreadsheet's installable form-submit triggers fired as their
// owners with the event object of guides/triggers/events#form-submit (authMode, namedValues, range, triggerUid,
// values). Links are kept in <state>/forms.json.
//
// Host API for the workbench, the CLI and tests:
//   linkForm(rt, {spreadsheetId, title, questions, sheetName?, collectEmail?})   → LinkedForm (creates the sheet)
//   linkedForms(env, spreadsheetId?)                                            → LinkedForm[]
//   submitFormResponse(rt, {formId, answers, respondent?, script?, timeLimitMs?})
//       appends the response row and runs every ON_FORM_SUBMIT trigger of the spreadsheet → FormSubmission
import { randomBytes } from 'node:crypto';
import type { Runtime } from '../../runtime/runtime';
import type { RuntimeEnv, Store } from '../../runtime/env';
import type { ExecResult } from '../../runtime/types';
import { getSpreadsheetStore } from '../spreadsheet/store';
import { SheetModel } from '../spreadsheet/model';
import { writeCell, readDisplay } from '../spreadsheet/cells';
import { createSpreadsheetApp } from '../spreadsheet/index';
import { triggerStore } from '../script/store';

export interface LinkedForm {
  formId: string;
  title: string;
  spreadsheetId: string;
  sheetName: string;
  questions: string[];
  /** The form collects the respondent's e-mail: an "Email Address" column after Timestamp. */
  collectEmail: boolean;
}

export interface FormSubmission {
  formId: string;
  /** 1-based row of the response. */
  row: number;
  values: string[];
  namedValues: Record<string, string[]>;
  fired: Array<{ uid: string; fn: string; user: string; result: ExecResult }>;
}

class FormStore implements Store {
  private links: LinkedForm[];
  private dirty = false;
  constructor(private env: RuntimeEnv) {
    this.links = env.readJson<LinkedForm[]>('forms.json', []);
  }
  list(): LinkedForm[] {
    return [...this.links];
  }
  add(f: LinkedForm): void {
    this.links.push(f);
    this.dirty = true;
    this.env.emitEvent({ type: 'change', scope: 'forms', id: f.formId });
  }
  save(): void {
    if (!this.dirty) return;
    this.env.writeJson('forms.json', this.links);
    this.dirty = false;
  }
}

const formStore = (env: RuntimeEnv) => env.store('forms', () => new FormStore(env));

export function linkedForms(env: RuntimeEnv, spreadsheetId?: string): LinkedForm[] {
  return formStore(env)
    .list()
    .filter((f) => !spreadsheetId || f.spreadsheetId === spreadsheetId);
}

/** Links a new form to a spreadsheet: Sheets adds a sheet "Form Responses N" (or the name given) with the header. */
export function linkForm(
  rt: Runtime,
  opts: { spreadsheetId: string; title: string; questions: string[]; sheetName?: string; collectEmail?: boolean },
): LinkedForm {
  const store = getSpreadsheetStore(rt.env);
  const book = store.mustBook(opts.spreadsheetId);
  if (!opts.questions.length || opts.questions.some((q) => !q.trim())) throw new Error('linkForm: every question needs a title');
  let name = opts.sheetName;
  if (!name) {
    let n = 1;
    while (book.sheets.some((s) => s.name === `Form Responses ${n}`)) n++;
    name = `Form Responses ${n}`;
  }
  const header = ['Timestamp', ...(opts.collectEmail ? ['Email Address'] : []), ...opts.questions];
  let sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) {
    sheet = new SheetModel(name, store.newSheetId(book), 1000, Math.max(26, header.length));
    book.sheets.push(sheet);
  }
  if (sheet.maxCols < header.length) sheet.maxCols = header.length;
  header.forEach((h, c) => sheet!.setCell(0, c, h));
  sheet.frozenRows = Math.max(sheet.frozenRows, 1);
  store.touch(book);
  const form: LinkedForm = {
    formId: `1FAIpQL${randomBytes(24).toString('base64url')}`,
    title: opts.title,
    spreadsheetId: opts.spreadsheetId,
    sheetName: name,
    questions: [...opts.questions],
    collectEmail: !!opts.collectEmail,
  };
  formStore(rt.env).add(form);
  return form;
}

/**
 * One response: the row is appended as Forms writes it (the Timestamp a date-time in the spreadsheet's zone; answers
 * read like typed text — a number-like answer becomes a number, as respondents' phone numbers famously lose their
 * leading zero — but never a formula), then each form-submit trigger of the spreadsheet runs as its owner, in
 * creation order. `values`/`namedValues` carry the submitted text with the Timestamp as the sheet shows it.
 */
export async function submitFormResponse(
  rt: Runtime,
  opts: {
    formId: string;
    answers: Record<string, string | string[] | number>;
    respondent?: string;
    script?: string;
    timeLimitMs?: number;
  },
): Promise<FormSubmission> {
  const form = formStore(rt.env)
    .list()
    .find((f) => f.formId === opts.formId);
  if (!form) throw new Error(`form ${opts.formId} is not linked to a spreadsheet`);
  for (const k of Object.keys(opts.answers))
    if (!form.questions.includes(k)) throw new Error(`form "${form.title}" has no question "${k}"`);
  if (form.collectEmail && !opts.respondent)
    throw new Error(`form "${form.title}" collects e-mail addresses: give the respondent`);
  const store = getSpreadsheetStore(rt.env);
  const book = store.mustBook(form.spreadsheetId);
  const sheet = book.sheets.find((s) => s.name === form.sheetName);
  if (!sheet) throw new Error(`the responses sheet "${form.sheetName}" was deleted`);
  const texts = form.questions.map((q) => {
    const a = opts.answers[q];
    return a === undefined ? '' : Array.isArray(a) ? a.join(', ') : String(a);
  });
  const r0 = sheet.lastRow();
  if (r0 + 1 > sheet.maxRows) sheet.maxRows = r0 + 1;
  writeCell(book, sheet, r0, 0, rt.env.clock.now());
  const cells = [...(form.collectEmail ? [opts.respondent ?? ''] : []), ...texts];
  cells.forEach((t, i) => (t.startsWith('=') ? sheet.setCell(r0, i + 1, t) : writeCell(book, sheet, r0, i + 1, t)));
  store.touch(book);
  const stamp = readDisplay(book, sheet, r0, 0, 1, 1)[0][0];
  const header = ['Timestamp', ...(form.collectEmail ? ['Email Address'] : []), ...form.questions];
  const values = [stamp, ...cells];
  const namedValues = Object.fromEntries(header.map((h, i) => [h, [values[i]]]));
  const row = r0 + 1;
  await rt.env.flush();

  const fired: FormSubmission['fired'] = [];
  const triggers = triggerStore(rt.env)
    .list()
    .filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === form.spreadsheetId)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const t of triggers) {
    const result = await rt.execute({
      fn: t.handler,
      kind: 'installableTrigger',
      user: t.owner,
      documentId: form.spreadsheetId,
      authMode: 'FULL',
      script: opts.script,
      timeLimitMs: opts.timeLimitMs,
      event: (ctx) => {
        const app = createSpreadsheetApp(ctx, rt.env) as {
          openById(id: string): { getSheetByName(n: string): { getRange(r: number, c: number, nr: number, nc: number): object } };
        };
        const range = app.openById(form.spreadsheetId).getSheetByName(form.sheetName).getRange(row, 1, 1, header.length);
        return { authMode: 'FULL', namedValues, range, triggerUid: t.uid, values };
      },
    });
    fired.push({ uid: t.uid, fn: t.handler, user: t.owner, result });
  }
  return { formId: form.formId, row, values, namedValues, fired };
}
