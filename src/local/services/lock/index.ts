// LockService (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class LockServicePlaceholder {
  static readonly gasName = 'LockService';
}

export function createLockService(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new LockServicePlaceholder();
}
