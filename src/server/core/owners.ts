// Unattended jobs and their owners: a job runs only from its owner's hourly trigger; an owner whose trigger has
// stopped firing (left the company, removed the add-on) leaves the job orphaned until an admin takes it over.
import { msg, Msg } from './text';

/** Whose trigger serves the document, and when it last fired (platform/triggers.ts keeps it). */
export type TriggerRegister = Record<string, { uid: string; installedAt: number; lastBeatAt: number | null }>;

/** An hourly trigger that has not fired for this long is taken as gone (three missed hours, with margin). */
export const TRIGGER_SILENT_MS = 3.5 * 3600_000;

export interface OwnerStatus {
  /** The job's owner ('' when nobody owns it yet). */
  owner: string;
  /** The owner has an hourly trigger for this document that fired recently (or was just installed). */
  hasTrigger: boolean;
  /** When the owner's trigger last fired (epoch ms), or null. */
  lastBeatAt: number | null;
  /** Why the job is stuck, in both languages; null when it is not. */
  problem: Msg | null;
}

/** The owner's trigger status; `selfCheck` is the caller's own live check when the caller is the owner. */
export function ownerStatus(owner: string, register: TriggerRegister, now: number, selfCheck?: boolean): OwnerStatus {
  const who = owner.trim().toLowerCase();
  if (!who) {
    return {
      owner: '',
      hasTrigger: false,
      lastBeatAt: null,
      problem: msg('common.owner.none'),
    };
  }
  const e = register[who];
  const last = e ? (e.lastBeatAt ?? e.installedAt) : null;
  const alive = selfCheck ?? (last !== null && now - last < TRIGGER_SILENT_MS);
  return {
    owner: who,
    hasTrigger: alive,
    lastBeatAt: e?.lastBeatAt ?? null,
    problem: alive ? null : msg('common.owner.noTrigger', { owner: who }),
  };
}
