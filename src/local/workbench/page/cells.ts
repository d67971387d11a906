// The grid's cell cache: display values and styles in blocks of 100 rows × 26 columns, fetched on first use,
// kept (least recently used dropped) and refetched after a change while the old values stay on screen.

export const BLOCK_R = 100;
export const BLOCK_C = 26;
const MAX_BLOCKS = 400;

export type Style = Record<string, string | number | boolean | null> | null;
export type FetchBlock = (
  r0: number,
  c0: number,
  nRows: number,
  nCols: number,
) => Promise<{ values: string[][]; styles: Style[][] | null }>;

interface Block {
  values: string[][] | null;
  styles: Style[][] | null;
  loading: boolean;
  gen: number;
}

export class CellCache {
  private blocks = new Map<string, Block>();
  private gen = 0;
  /** Bumped by clear(): answers for another sheet are dropped. */
  private epoch = 0;

  constructor(
    private fetchBlock: FetchBlock,
    private onLoaded: () => void,
    private onError: (message: string) => void,
  ) {}

  /** Forgets everything (another sheet). */
  clear(): void {
    this.blocks.clear();
    this.epoch++;
    this.gen++;
  }

  /** Marks every block stale: each is fetched again when next shown, its old values showing meanwhile. */
  invalidate(): void {
    this.gen++;
  }

  private block(br: number, bc: number): Block {
    const key = `${br}:${bc}`;
    const old = this.blocks.get(key);
    if (old && (old.gen === this.gen || old.loading)) {
      this.blocks.delete(key);
      this.blocks.set(key, old); // most recently used last
      return old;
    }
    const b: Block = { values: old?.values ?? null, styles: old?.styles ?? null, loading: true, gen: this.gen };
    this.blocks.set(key, b);
    const gen = this.gen;
    const epoch = this.epoch;
    this.fetchBlock(br * BLOCK_R, bc * BLOCK_C, BLOCK_R, BLOCK_C)
      .then((r) => {
        if (epoch !== this.epoch) return;
        b.values = r.values;
        b.styles = r.styles;
        b.gen = gen;
        this.onLoaded();
      })
      .catch((e: Error) => this.onError(`Could not load cells: ${e.message}`))
      .finally(() => {
        b.loading = false;
        if (b.gen !== this.gen && epoch === this.epoch) this.onLoaded(); // changed while loading: fetch again
      });
    while (this.blocks.size > MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as string);
    return b;
  }

  /** A cell's display value (null while its block has never loaded) and style. */
  cell(r: number, c: number): { v: string | null; st: Style } {
    const b = this.block(Math.floor(r / BLOCK_R), Math.floor(c / BLOCK_C));
    if (!b.values) return { v: null, st: null };
    const v = b.values[r % BLOCK_R]?.[c % BLOCK_C];
    return { v: v === undefined || v === null ? '' : String(v), st: b.styles?.[r % BLOCK_R]?.[c % BLOCK_C] ?? null };
  }

  /** Shows a value the user typed at once (the change event brings the formatted one). */
  poke(r: number, c: number, value: string): void {
    const b = this.blocks.get(`${Math.floor(r / BLOCK_R)}:${Math.floor(c / BLOCK_C)}`);
    if (b?.values?.[r % BLOCK_R]) b.values[r % BLOCK_R][c % BLOCK_C] = value;
  }
}
