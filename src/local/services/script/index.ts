// ScriptApp (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class ScriptAppPlaceholder {
  static readonly gasName = 'ScriptApp';
}

export function createScriptApp(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new ScriptAppPlaceholder();
}
