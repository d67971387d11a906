// The run's checkpoint (what survives between executions) and its state machine: build → publish → done | failed.
import type { Msg } from '../core/text';
import { FIRST_CURSOR, type PageCursor } from './model';

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
  /** Numbered part of the BU's month (absent: the only file, from before parts). */
  part?: number;
  /** Item id of the part's last row, from runs that paged by line (a next part cannot start from it). */
  lastKey?: number;
  /** The part's last order: the next part starts after it. */
  cursor?: PageCursor;
  /** This part ends the BU's month (absent: true, from before parts). */
  complete?: boolean;
}

/** How a run cuts its work: orders per query page and the size at which a BU's month goes on in a new file. */
export interface RunLimits {
  /** Orders per page (each with all its lines; runs from before counted lines here). */
  pageRows: number;
  partBytes: number;
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
  /** Page and part sizes (absent in runs from before parts: the defaults). */
  limits?: RunLimits;
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

/** A staged file that ends its BU's month (files from before parts always did). */
export const endsBu = (f: StagedFile): boolean => f.complete !== false;

/** BUs still to build (or to finish), in plan order. */
export function pendingBus(s: RunState): BuPlan[] {
  const done = new Set(s.staged.filter(endsBu).map((f) => f.bu));
  return s.plan.filter((p) => !done.has(p.bu));
}

/** The staged parts of one BU, in part order. */
export function partsOf(s: RunState, bu: string): StagedFile[] {
  return s.staged.filter((f) => f.bu === bu).sort((a, b) => (a.part ?? 1) - (b.part ?? 1));
}

/**
 * Where a BU's next part starts: its number, the cursor to read after, and the rows and amount already staged. The
 * cursor is null when the last part came from a run that paged by line id (the BU is then built again from its start).
 */
export function nextPart(s: RunState, bu: string): { part: number; after: PageCursor | null; rows: number; amount: number } {
  const parts = partsOf(s, bu);
  const last = parts[parts.length - 1];
  return {
    part: parts.length + 1,
    after: last ? (last.cursor ?? null) : FIRST_CURSOR,
    rows: parts.reduce((a, f) => a + f.rows, 0),
    amount: parts.reduce((a, f) => a + f.amount, 0),
  };
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
  limits?: RunLimits;
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
    limits: o.limits,
    error: null,
  };
}
