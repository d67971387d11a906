// Splits a chunk's SKUs into model requests bounded by item count and request bytes.
import { BASE_REQUEST_BYTES, TagItem, itemBytes } from './prompt';

export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

/** Greedy in input order; an item bigger than maxBytes on its own still goes alone (its image is dropped later). */
export function batchItems<T extends TagItem>(items: readonly T[], limits: BatchLimits): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = BASE_REQUEST_BYTES;
  for (const it of items) {
    const b = itemBytes(it);
    if (cur.length && (cur.length >= limits.maxItems || bytes + b > limits.maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = BASE_REQUEST_BYTES;
    }
    cur.push(it);
    bytes += b;
  }
  if (cur.length) out.push(cur);
  return out;
}
