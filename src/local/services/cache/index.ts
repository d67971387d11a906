// CacheService (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class CacheServicePlaceholder {
  static readonly gasName = 'CacheService';
}

export function createCacheService(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new CacheServicePlaceholder();
}
