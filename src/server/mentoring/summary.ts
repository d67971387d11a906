// What a run of the order flow did, in both languages: only the counts that are not zero, or that nothing changed.
import { msg, Msg, TextKey } from '../core/text';
import type { FlowSummary } from './flow';

const PARTS = ['invoiced', 'invalid', 'paid', 'expired', 'scheduled', 'confirmed', 'done', 'waiting', 'left'] as const;

export function summaryMsg(s: FlowSummary): Msg {
  if (s.problem) return s.problem;
  const parts = PARTS.filter((k) => s[k] > 0).map((k) =>
    msg(`mentoring.sum.${k}` as TextKey as 'mentoring.sum.paid', { n: s[k] }),
  );
  if (!parts.length) return msg('mentoring.sum.nothing');
  return { id: parts.map((p) => p.id).join(', '), en: parts.map((p) => p.en).join(', ') } as Msg;
}
