// SpreadsheetApp for one execution: a facade over the runtime's SpreadsheetStore (see store.ts for its API).
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { SheetsSession } from './session';
import { SpreadsheetAppObj } from './spreadsheet';
import { getSpreadsheetStore } from './store';

export { getSpreadsheetStore } from './store';

export function createSpreadsheetApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new SpreadsheetAppObj(new SheetsSession(ctx, env, getSpreadsheetStore(env)));
}
