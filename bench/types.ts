// The shape every benchmark returns: its figures and the service calls behind them.

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  /** Service calls behind the figures ('Range.getValues' → n), from the runtime's execution counts. */
  counts: Record<string, number>;
  /** Whether the target is met, with the target in words. */
  target?: { text: string; met: boolean };
}
