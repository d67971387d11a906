// What a run of the order flow did, as one line in the reader's language.
import { pick, t } from '../core/text';
import type { FlowSummary } from './flow';

export function summaryText(s: FlowSummary): string {
  if (s.problem) return pick(s.problem);
  return t('mentoring.summary', {
    invoiced: s.invoiced,
    invalid: s.invalid,
    paid: s.paid,
    expired: s.expired,
    scheduled: s.scheduled,
    confirmed: s.confirmed,
    done: s.done,
    waiting: s.waiting,
  });
}
