// What a picture costs in input tokens by model and media resolution (ai.google.dev/gemini-api/docs/media-resolution,
// "Token counts"), and Google's 400 for a resolution a request may not ask for.
import { geminiVersion } from './file-uri';
import { imageTokens } from './images';

/** The resolutions a picture can be read at (the enum without its MEDIA_RESOLUTION_ prefix). */
export type Level = 'LOW' | 'MEDIUM' | 'HIGH' | 'ULTRA_HIGH';

/** Gemini 3 and later: a fixed allowance a picture, HIGH when the request says nothing. The page gives these as the
 * most a picture takes; the stand-in charges them whole, the strict side (a small picture is not known to cost less). */
const GEMINI_3: Record<Level, number> = { LOW: 280, MEDIUM: 560, HIGH: 1120, ULTRA_HIGH: 2240 };

/** Gemini 2.x: LOW 64, MEDIUM 256, HIGH 256 with zoomed reframing (Vertex AI's GenerationConfig.mediaResolution);
 * unset, the tile rule of ai.google.dev/gemini-api/docs/tokens (`imageTokens`). */
const GEMINI_2: Record<Exclude<Level, 'ULTRA_HIGH'>, number> = { LOW: 64, MEDIUM: 256, HIGH: 256 };

/** A picture part as a request sends it (unchecked). */
export interface PicturePart {
  inlineData?: { data?: string };
  fileData?: unknown;
  mediaResolution?: { level?: unknown };
}

/** Whether a part carries a picture (its bytes inline, or a URL Google fetches). */
export const isPicture = (p: PicturePart): boolean => Boolean(p.inlineData?.data) || Boolean(p.fileData);

const ENUM = 'type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.MediaResolution';

/** A wire value as a level; null for unset or UNSPECIFIED; undefined for a value the enum lacks. */
function levelOf(v: unknown): Level | null | undefined {
  if (v === undefined || v === null || v === 'MEDIA_RESOLUTION_UNSPECIFIED') return null;
  const m = /^MEDIA_RESOLUTION_(LOW|MEDIUM|HIGH|ULTRA_HIGH)$/.exec(String(v));
  return m ? (m[1] as Level) : undefined;
}

/**
 * The level of each picture part, in order (null: the model's default), or Google's 400. A value the enum lacks is
 * refused as proto JSON refuses one; ULTRA_HIGH only per part, and per part only on Gemini 3 and later (the page:
 * "Per part (Gemini 3 only)"). The wording of those two refusals is assumed: no report of it was found.
 */
export function pictureLevels(
  model: string,
  global: unknown,
  parts: readonly PicturePart[],
): { refused: string } | { levels: Array<Level | null> } {
  const whole = levelOf(global);
  if (whole === undefined)
    return { refused: `Invalid value at 'generation_config.media_resolution' (${ENUM}), "${String(global)}"` };
  if (whole === 'ULTRA_HIGH') return { refused: 'MEDIA_RESOLUTION_ULTRA_HIGH is only supported per part.' };
  const perPart = geminiVersion(model)[0] >= 3;
  const levels: Array<Level | null> = [];
  for (const p of parts.filter(isPicture)) {
    if (p.mediaResolution === undefined) {
      levels.push(whole);
      continue;
    }
    const own = levelOf(p.mediaResolution?.level);
    if (own === undefined)
      return { refused: `Invalid value at 'media_resolution.level' (${ENUM}), "${String(p.mediaResolution?.level)}"` };
    if (!perPart) return { refused: 'Per-part media resolution is not supported for this model.' };
    levels.push(own ?? whole);
  }
  return { levels };
}

/** Input tokens of one picture read by `model` at `level`; `bytes` null before a URL is fetched (its size unknown:
 * one tile where the size decides). */
export function pictureTokens(model: string, level: Level | null, bytes: Uint8Array | null): number {
  if (geminiVersion(model)[0] >= 3) return GEMINI_3[level ?? 'HIGH'];
  if (level && level !== 'ULTRA_HIGH') return GEMINI_2[level];
  return bytes ? imageTokens(bytes) : 258;
}
