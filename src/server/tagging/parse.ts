// Reads a generateContent answer for a batch: validated JSON, only the SKUs asked about, safety blocks, token use.
import { t } from '../core/text';
import type { GeminiResponse } from './gemini-types';

export interface Usage {
  promptTokens: number;
  outputTokens: number;
}

export type ParsedAnswer =
  | { kind: 'ok'; keywords: Record<string, string[]>; missing: string[]; usage: Usage }
  | { kind: 'blocked'; reason: string; usage: Usage }
  | { kind: 'invalid'; reason: string; usage: Usage };

/** Tokens in and out; thinking tokens are output (billed as output tokens). */
function usageOf(r: GeminiResponse): Usage {
  const u = r.usageMetadata ?? {};
  return { promptTokens: u.promptTokenCount ?? 0, outputTokens: (u.candidatesTokenCount ?? 0) + (u.thoughtsTokenCount ?? 0) };
}

/** Parses the HTTP body of a 200 answer for the SKUs in `asked`. Never throws. */
export function parseAnswer(body: string, asked: readonly string[]): ParsedAnswer {
  let r: GeminiResponse;
  try {
    r = JSON.parse(body) as GeminiResponse;
  } catch {
    return { kind: 'invalid', reason: t('tagging.reason.httpNotJson'), usage: { promptTokens: 0, outputTokens: 0 } };
  }
  const usage = usageOf(r);
  if (r.promptFeedback?.blockReason) return { kind: 'blocked', reason: r.promptFeedback.blockReason, usage };
  const cand = r.candidates?.[0];
  if (!cand) return { kind: 'invalid', reason: t('tagging.reason.noCandidate'), usage };
  const fr = cand.finishReason ?? 'STOP';
  if (['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'RECITATION', 'IMAGE_SAFETY'].includes(fr)) {
    return { kind: 'blocked', reason: fr, usage };
  }
  const text = (cand.content?.parts ?? []).map((p) => p.text ?? '').join('');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      kind: 'invalid',
      reason: fr === 'MAX_TOKENS' ? t('tagging.reason.truncated') : t('tagging.reason.notJson'),
      usage,
    };
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { items?: unknown }).items)) {
    data = (data as { items: unknown[] }).items;
  }
  if (!Array.isArray(data)) return { kind: 'invalid', reason: t('tagging.reason.notList'), usage };
  const askedSet = new Set(asked);
  const keywords: Record<string, string[]> = {};
  for (const row of data) {
    if (!row || typeof row !== 'object') return { kind: 'invalid', reason: t('tagging.reason.rowNotObject'), usage };
    const sku = String((row as { sku?: unknown }).sku ?? '').trim();
    const kws = (row as { keywords?: unknown }).keywords;
    if (!askedSet.has(sku)) return { kind: 'invalid', reason: t('tagging.reason.unaskedSku', { sku: sku.slice(0, 40) }), usage };
    if (!Array.isArray(kws) || kws.some((k) => typeof k !== 'string')) {
      return { kind: 'invalid', reason: t('tagging.reason.keywordsNotList', { sku }), usage };
    }
    keywords[sku] = (keywords[sku] ?? []).concat(kws as string[]);
  }
  const missing = asked.filter((s) => !(s in keywords));
  return { kind: 'ok', keywords, missing, usage };
}
