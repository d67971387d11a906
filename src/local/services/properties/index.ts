// PropertiesService (placeholder until the emulation lands): every method reports that it is not emulated.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';

class PropertiesServicePlaceholder {
  static readonly gasName = 'PropertiesService';
}

export function createPropertiesService(_ctx: ExecContext, _env: RuntimeEnv): object {
  return new PropertiesServicePlaceholder();
}
