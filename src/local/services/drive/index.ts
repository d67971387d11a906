// DriveApp (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class DriveAppPlaceholder {
  static readonly gasName = 'DriveApp';
}

export function createDriveApp(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new DriveAppPlaceholder();
}
