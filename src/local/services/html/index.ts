// HtmlService (placeholder until the full emulation lands).
import type { LocalEnv } from '../local';
export function createHtmlService(_env: LocalEnv): object {
  return {};
}
