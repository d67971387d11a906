// Jdbc (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class JdbcPlaceholder {
  static readonly gasName = 'Jdbc';
}

export function createJdbc(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new JdbcPlaceholder();
}
