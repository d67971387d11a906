// The first start's seeding as the page sees it (GET /api/seeding): running or not, each step, how long so far.
import type { SeedStep } from '../demo/index';

export interface SeedingInfo {
  running: boolean;
  steps: SeedStep[];
  /** Milliseconds since seeding began (0 when nothing was seeded in this run). */
  elapsedMs: number;
  /** Why seeding stopped the workbench, if it did. */
  error: string | null;
}

export interface SeedingProgress {
  info(): SeedingInfo;
  update(steps: SeedStep[]): void;
  done(): void;
  fail(error: string): void;
}

/** The progress of a seeding that runs now (`running`) or of none. */
export function seedingProgress(running: boolean): SeedingProgress {
  const t0 = Date.now();
  let steps: SeedStep[] = [];
  let error: string | null = null;
  let end: number | null = running ? null : t0;
  /** When each step began (epoch ms), so a running step's time moves on between updates. */
  const began = new Map<string, number>();
  return {
    info: () => ({
      running: end === null,
      steps: steps.map((s) =>
        s.state === 'running' && end === null ? { ...s, ms: Date.now() - (began.get(s.name) ?? Date.now()) } : s,
      ),
      elapsedMs: (end ?? Date.now()) - t0,
      error,
    }),
    update(next) {
      for (const s of next) if (s.state === 'running' && !began.has(s.name)) began.set(s.name, Date.now() - s.ms);
      steps = next.map((s) => ({ ...s }));
    },
    done() {
      end = Date.now();
    },
    fail(e) {
      error = e;
      end = Date.now();
    },
  };
}
