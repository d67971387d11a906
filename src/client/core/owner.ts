// A job's owner as the sidebars show it: whose hourly trigger runs it, and — when that trigger is gone — why the job is
// stuck, with a take-over button (the server lets only admins take over).
import type { OwnerStatus } from '../../server/core/owners';
import { t } from '../../server/core/text';
import { actionButton } from './actions';
import { el, notice } from './dom';

export interface OwnerNoticeOptions {
  /** The line naming whose trigger runs the job (#id), from the owner's status (by default "Run by …'s hourly
   * trigger", saying when it is not active); no line when absent. */
  line?: { id: string; says?: (o: OwnerStatus) => string; none?: string };
  /** Offered when the owner's trigger is gone; null or absent for callers who may not take over. */
  takeOver?: (() => Promise<unknown>) | null;
  /** The take-over button's label (default "Ambil alih" / "Take over"). */
  label?: string;
  /** Where a page shows several jobs: appended to the problem's and button's ids (#ownerProblem-<key>, #takeOver-<key>). */
  key?: string;
}

const runBy = (o: OwnerStatus) => t(o.hasTrigger ? 'common.owner.runBy' : 'common.owner.runByNoTrigger', { owner: o.owner });

/** The owner line, then (when the job is stuck) #ownerProblem in the page's language and the #takeOver button. */
export function ownerNotice(o: OwnerStatus, opts: OwnerNoticeOptions): HTMLElement[] {
  const out: HTMLElement[] = [];
  const says = opts.line?.says ?? runBy;
  if (opts.line) out.push(el('p', { class: 'muted', id: opts.line.id }, o.owner ? says(o) : (opts.line.none ?? '')));
  if (!o.problem) return out;
  const id = (base: string) => (opts.key ? `${base}-${opts.key}` : base);
  out.push(notice(o.problem, 'error', id('ownerProblem')));
  if (opts.takeOver) {
    const b = actionButton(opts.label ?? t('common.owner.takeOver'), opts.takeOver);
    b.id = id('takeOver');
    out.push(b);
  }
  return out;
}
