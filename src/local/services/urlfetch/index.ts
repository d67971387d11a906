// UrlFetchApp (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class UrlFetchAppPlaceholder {
  static readonly gasName = 'UrlFetchApp';
}

export function createUrlFetchApp(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new UrlFetchAppPlaceholder();
}
