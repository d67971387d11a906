// SpreadsheetApp (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class SpreadsheetAppPlaceholder {
  static readonly gasName = 'SpreadsheetApp';
}

export function createSpreadsheetApp(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new SpreadsheetAppPlaceholder();
}
