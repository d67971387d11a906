// Utilities (placeholder until the full emulation lands).
import type { LocalEnv } from '../local';
export function createUtilities(env: LocalEnv): object {
  return { sleep: (ms: number) => env.sleepMs(ms) };
}
