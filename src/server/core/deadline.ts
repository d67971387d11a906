// A time budget for one execution, so chunked work stops well inside Apps Script's 6-minute limit.

export class Deadline {
  private readonly end: number;
  constructor(
    budgetMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.end = clock() + budgetMs;
  }
  remainingMs(): number {
    return Math.max(0, this.end - this.clock());
  }
  /** True when less than `marginMs` is left. */
  nearlyOver(marginMs = 0): boolean {
    return this.remainingMs() <= marginMs;
  }
}

/** What one interactive chunk or heartbeat may spend: 4.5 minutes of the 6 allowed. */
export const EXECUTION_BUDGET_MS = 270_000;
