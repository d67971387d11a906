// Shared set-up for the SpreadsheetApp emulator tests: a runtime on a fresh state folder and a spreadsheet in it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../../../../src/local/services/spreadsheet/index';
import type { ExecOptions, ExecResult } from '../../../../src/local/runtime/types';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dd-sheets-'));
}

export function setup(stateDir = tempDir()) {
  const rt = new Runtime({ stateDir });
  const store = getSpreadsheetStore(rt.env);
  const book = store.create('Test book');
  /** Runs `fn` of `script` inside `book`; fails the test with the script's error. */
  const run = async <T = unknown>(
    script: string,
    fn = 'main',
    opts: Partial<ExecOptions> = {},
  ): Promise<{ value: T; r: ExecResult }> => {
    const r = await rt.execute({ fn, script, documentId: book.id, ...opts });
    if (!r.ok) throw new Error(`${r.error!.name}: ${r.error!.message}`);
    return { value: r.value as T, r };
  };
  /** Runs and returns the failed result's error. */
  const fail = async (script: string, fn = 'main', opts: Partial<ExecOptions> = {}) => {
    const r = await rt.execute({ fn, script, documentId: book.id, ...opts });
    if (r.ok) throw new Error(`expected ${fn} to fail, it returned ${JSON.stringify(r.value)}`);
    return r.error!;
  };
  return { rt, store, book, run, fail, stateDir };
}
