// How much the model may think before it answers, per model: as little as each allows (tagging needs no reasoning).
import type { GeminiThinking } from './gemini-types';

/** The thinking setting a tagging request sends, and the output tokens thinking may still take beside the answer
 * (they count against maxOutputTokens and are billed as output: ai.google.dev/gemini-api/docs/thinking). */
export interface ThinkingPlan {
  config: GeminiThinking | null;
  headroom: number;
}

/** Thinking tokens a model decides on its own may reach ("Auto, up to 8,192 tokens", Vertex AI's thinking guide). */
const DYNAMIC_MOST = 8192;

/** Gemini 2.5 Flash and Flash-Lite: off (Flash thinks unless told not to; Flash-Lite only when asked). 2.5 Pro cannot
 * stop thinking: its least, 128 (it refuses 0). Gemini 3 and later take levels instead (a budget of 0 is refused):
 * MINIMAL for Flash models, LOW for Pro. Older models refuse any thinkingConfig ("thinking_config is not supported."),
 * and an alias such as gemini-flash-latest may point at either kind: nothing is sent, and room is left for thinking
 * the model decides on. */
export function thinkingFor(model: string): ThinkingPlan {
  const m = model.trim().toLowerCase();
  if (/^gemini-2\.5-pro/.test(m)) return { config: { thinkingBudget: 128 }, headroom: 128 };
  if (/^gemini-2\.5-flash/.test(m)) return { config: { thinkingBudget: 0 }, headroom: 0 };
  if (/^gemini-([3-9]|\d\d)/.test(m)) {
    return /-pro/.test(m)
      ? { config: { thinkingLevel: 'LOW' }, headroom: DYNAMIC_MOST }
      : { config: { thinkingLevel: 'MINIMAL' }, headroom: 1024 };
  }
  return { config: null, headroom: /^gemini-(1\.|2\.0)/.test(m) ? 0 : DYNAMIC_MOST };
}
