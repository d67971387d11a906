// A batch's mails, sent only once the batch's rows are saved, under a ledger of intents (the mail ledger port):
// a run killed between saving and sending never sends a mail twice; a mail it may not have sent is flagged for an
// admin instead (a missing payment link or confirmation is found and resent by a person; a duplicate cannot be undone).
import type { MentoringEnv } from './ports';

/** The kinds of mail an order gets; the ledger knows a mail by "<order id>|<kind>|<recipient>". */
export type MailKind = 'pay' | 'expired' | 'confirm' | 'declined' | 'proposed' | 'moved' | 'cancelled';

export interface Outgoing {
  orderId: string;
  kind: MailKind;
  to: string;
  subject: string;
  body: string;
  /** What to undo when the mail could not be sent (the confirmation is then due again). */
  onFail?: () => void;
}

const keyOf = (m: Pick<Outgoing, 'orderId' | 'kind' | 'to'>) => `${m.orderId}|${m.kind}|${m.to}`;

/** Sends a mail; a failure (the daily quota, a bad address) is logged and answered false, never sinking the run. */
function trySend(env: Pick<MentoringEnv, 'mail'>, m: Outgoing): boolean {
  try {
    env.mail.send(m.to, m.subject, m.body);
    return true;
  } catch (e) {
    console.warn(`mentoring: mail to ${m.to} not sent: ${String(e)}`);
    return false;
  }
}

/**
 * Writes the intents, saves the rows (`save` flushes the sheet), then sends each mail and crosses it off the ledger
 * at once. A kill before the save leaves rows that still need the step: the next run redoes it, mail and all. A kill
 * after it leaves at most the mail being sent in doubt (sent or not, it is still on the ledger) and the mails after it
 * unsent: the next run flags them all for an admin (settleIntents) rather than risk sending one twice. Answers the
 * mails that failed (their `onFail` has run and been saved).
 */
export function sendAfterSave(env: Pick<MentoringEnv, 'mail' | 'ledger'>, out: Outgoing[], save: () => void): Outgoing[] {
  if (!out.length) {
    save();
    return [];
  }
  const left = new Set(out.map(keyOf));
  env.ledger.set([...left]);
  save();
  const failed: Outgoing[] = [];
  for (const m of out) {
    if (!trySend(env, m)) failed.push(m);
    left.delete(keyOf(m));
    env.ledger.set([...left]);
  }
  for (const m of failed) m.onFail?.();
  if (failed.some((m) => m.onFail)) save();
  return failed;
}

/** Intents a killed run left, per order: the recipients of mails that may or may not have gone out, with their kind. */
export function leftIntents(keys: string[]): Array<{ orderId: string; kind: MailKind; to: string }> {
  return keys.flatMap((k) => {
    const [orderId, kind, to] = k.split('|');
    return orderId && kind && to ? [{ orderId, kind: kind as MailKind, to }] : [];
  });
}
