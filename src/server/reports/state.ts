// The run's checkpoint (what survives between executions) and its state machine: build → publish → done | failed.
import type { Msg } from '../core/text';

export type RunPhase = 'build' | 'publish' | 'done' | 'failed';

export interface BuPlan {
  bu: string;
  folderId: string;
  name: string;
  rows: number;
  amount: number;
}

export interface StagedFile {
  bu: string;
  fileId: string;
  name: string;
  rows: number;
  amount: number;
  bytes: number;
  sha256: string;
  attempts: number;
  start: number;
  end: number;
  /** Time spent reading pages, building the .xlsx, and uploading with checksum checks (benchmarks print them). */
  queryMs?: number;
  buildMs?: number;
  uploadMs?: number;
}

/** One publish step, recorded before the next so a failure (or a killed execution) can be undone exactly. */
export type JournalEntry = { op: 'move'; fileId: string; from: string; to: string } | { op: 'trash'; fileId: string };

export interface RunState {
  runId: string;
  month: string;
  trigger: 'schedule' | 'manual';
  user: string;
  /** Whose hourly trigger carries the run on (absent in runs from before owners: the reports owner). */
  owner?: string;
  phase: RunPhase;
  startedAt: number;
  endedAt: number | null;
  /** An execution working on the run holds it until this time; others leave it alone. */
  leaseUntil: number;
  leaseOwner: string;
  executions: number;
  stagingFolderId: string;
  plan: BuPlan[];
  staged: StagedFile[];
  /** How often building a BU had to be abandoned because the execution ran out of time. */
  restarts: Record<string, number>;
  journal: JournalEntry[];
  /** Why the run failed (or what went wrong after publishing), in both languages. */
  error: Msg | null;
}

const NEXT: Record<RunPhase, RunPhase[]> = { build: ['publish', 'failed'], publish: ['done', 'failed'], done: [], failed: [] };

/** Moves the run to `to`; throws on a transition the state machine does not allow. */
export function transition(s: RunState, to: RunPhase, now: number): RunState {
  if (!NEXT[s.phase].includes(to)) throw new Error(`report run ${s.runId}: cannot go from ${s.phase} to ${to}`);
  return { ...s, phase: to, endedAt: to === 'done' || to === 'failed' ? now : s.endedAt };
}

export const isActive = (s: RunState | null): s is RunState => !!s && (s.phase === 'build' || s.phase === 'publish');

/** A lease outlives the longest execution (6 min) with a margin, so a killed execution's run is picked up later. */
export const LEASE_MS = 7 * 60_000;

/** Claims the run for one execution; null when another execution holds a live lease. */
export function claim(s: RunState, owner: string, now: number): RunState | null {
  if (!isActive(s)) return null;
  if (s.leaseOwner && s.leaseOwner !== owner && s.leaseUntil > now) return null;
  return { ...s, leaseOwner: owner, leaseUntil: now + LEASE_MS, executions: s.executions + (s.leaseOwner === owner ? 0 : 1) };
}

export function release(s: RunState): RunState {
  return { ...s, leaseOwner: '', leaseUntil: 0 };
}

/** BUs still to build, in plan order. */
export function pendingBus(s: RunState): BuPlan[] {
  const done = new Set(s.staged.map((f) => f.bu));
  return s.plan.filter((p) => !done.has(p.bu));
}

/** A new run's checkpoint. */
export function newRun(o: {
  runId: string;
  month: string;
  trigger: RunState['trigger'];
  user: string;
  now: number;
  stagingFolderId: string;
  plan: BuPlan[];
}): RunState {
  return {
    runId: o.runId,
    month: o.month,
    trigger: o.trigger,
    user: o.user,
    owner: o.user,
    phase: 'build',
    startedAt: o.now,
    endedAt: null,
    leaseUntil: 0,
    leaseOwner: '',
    executions: 0,
    stagingFolderId: o.stagingFolderId,
    plan: o.plan,
    staged: [],
    restarts: {},
    journal: [],
    error: null,
  };
}
