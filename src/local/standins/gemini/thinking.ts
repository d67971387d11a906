// What Gemini does with generationConfig.thinkingConfig, by model (ai.google.dev/gemini-api/docs/thinking): whether
// the request is refused, and how many tokens the model thinks before it writes the answer.
import { geminiVersion } from './file-uri';

/** Thinking tokens a model decides on its own reach at most ("Auto, up to 8,192 tokens", Vertex AI's thinking guide). */
const DYNAMIC_MOST = 8192;

/** How much a model thinks about a request of `items` products when left to decide: Google does not say. A short
 * vision prompt was seen to take 44 to over 800 thinking tokens (valentinfrlch/ha-llmvision#609); the strict side for
 * a batch, 300 tokens and 60 more a product. */
export function dynamicThoughts(items: number): number {
  return Math.min(DYNAMIC_MOST, 300 + 60 * items);
}

/** generationConfig.thinkingConfig as a request sends it (unchecked). */
export interface ThinkingConfig {
  thinkingBudget?: unknown;
  thinkingLevel?: unknown;
}

/** The most thinking tokens a request may take (a function of its product count), or Google's 400 message. */
export type Thinking = { refused: string } | { thoughts: (items: number) => number };

const LEVEL_SHARE: Record<string, number> = { MINIMAL: 0, LOW: 0.25, MEDIUM: 0.5, HIGH: 1 };

/** Family rules. Gemini 2.0 and older refuse any thinkingConfig with "thinking_config is not supported."
 * (immersive-translate#2976). Gemini 2.5 takes budgets: Flash 0–24,576 and Flash-Lite 0 or 512–24,576 (0 is off),
 * Pro 128–32,768 ("Budget 0 is invalid. This model only works in thinking mode.", snailyp/gemini-balance#206);
 * -1 is dynamic; a level is refused ("Thinking level is not supported for this model.", RooCodeInc/Roo-Code#10700).
 * Flash and Pro think dynamically unless told otherwise, Flash-Lite does not. Gemini 3 and later take levels (MINIMAL
 * for Flash models, not Pro) and think dynamically by default; a budget of 0 is refused (docker/docker-agent#2051 for
 * 3.1 Pro, googleapis/python-genai#2936 for 3.5 Flash-Lite: the strict side, all of them); both at once is refused.
 * The wording of those last two refusals (and of a level a model lacks) is assumed: no report of it was found. */
export function thinkingOf(model: string, cfg: ThinkingConfig | undefined): Thinking {
  const m = model.toLowerCase();
  const [major, minor] = geminiVersion(m);
  const dynamic = { thoughts: dynamicThoughts };
  if (major < 2 || (major === 2 && minor < 5))
    return cfg ? { refused: 'thinking_config is not supported.' } : { thoughts: () => 0 };
  const budget = cfg?.thinkingBudget;
  const level = cfg?.thinkingLevel;
  const pro = /-pro/.test(m);
  const lite = /-lite/.test(m);
  if (major < 3) {
    if (level !== undefined) return { refused: 'Thinking level is not supported for this model.' };
    if (budget === undefined) return lite ? { thoughts: () => 0 } : dynamic;
    return budgetOf(Number(budget), pro ? [128, 32768] : lite ? [512, 24576] : [1, 24576], !pro);
  }
  if (budget !== undefined && level !== undefined) {
    return { refused: 'thinking_budget and thinking_level are not supported together.' };
  }
  if (budget !== undefined) return budgetOf(Number(budget), [128, 32768], false);
  if (level === undefined) return dynamic;
  const share = LEVEL_SHARE[String(level).toUpperCase()];
  if (share === undefined || (pro && share === 0))
    return { refused: `Thinking level ${String(level)} is not supported for this model.` };
  return { thoughts: (items) => Math.floor(share * dynamicThoughts(items)) };
}

/** A budget: -1 dynamic, 0 off where the model allows it, else within the model's range (its thoughts capped by it). */
function budgetOf(b: number, [least, most]: [number, number], mayStop: boolean): Thinking {
  if (b === -1) return { thoughts: dynamicThoughts };
  if (b === 0)
    return mayStop ? { thoughts: () => 0 } : { refused: 'Budget 0 is invalid. This model only works in thinking mode.' };
  if (!Number.isInteger(b) || b < least || b > most) return { refused: `The thinking budget (${b}) is invalid.` };
  return { thoughts: (items) => Math.min(b, dynamicThoughts(items)) };
}
