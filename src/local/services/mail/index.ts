// MailApp (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class MailAppPlaceholder {
  static readonly gasName = 'MailApp';
}

export function createMailApp(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new MailAppPlaceholder();
}
