/**
 * Blocking for suggestions: unmatched keys are filed into buckets, and a missing row is compared
 * only with the keys in its buckets, never with every key of the other side.
 *   - Text buckets per key part: the other parts exactly, plus one variant of this part — the
 *     text itself, each single deletion (any one-edit typo or adjacent swap shares one), or its
 *     first or last half (two edits in the same half).
 *   - A bucket holding more than CAP keys says too little to be worth reading and is skipped.
 * So each probe reads at most parts × (length + 3) × CAP keys: linear in the rows, never n².
 * Exact look-ups (one tick off, swapped parts, day and month swapped) need no bucket at all.
 */
import { deletionVariants } from './edit-distance';

export const BUCKET_CAP = 32;

/** Counts the work, so a test can prove the search sub-quadratic without timing it. */
export interface BlockingStats {
  /** Candidate keys read and verified. */
  comparisons: number;
  /** Buckets skipped for holding more than BUCKET_CAP keys. */
  skippedBuckets: number;
}

export function blockVariants(text: string): string[] {
  const out = deletionVariants(text).map((v) => `d${v}`);
  if (text.length >= 6) {
    // floor: texts one character apart in length still share a half.
    const h = Math.floor(text.length / 2);
    out.push(`p${text.slice(0, h)}`, `s${text.slice(text.length - h)}`);
  }
  return out;
}

const SEP = '\u0001';

export class KeyBlocks {
  private readonly buckets = new Map<string, number[]>();

  /** `others`: the key's other parts as atom ids, joined. */
  add(part: number, others: string, text: string, group: number): void {
    for (const v of blockVariants(text)) {
      const k = `${part}${SEP}${others}${SEP}${v}`;
      const b = this.buckets.get(k);
      if (b) { if (b[b.length - 1] !== group) b.push(group); }
      else this.buckets.set(k, [group]);
    }
  }

  /** Calls `visit` for each group sharing a bucket with the probe (a group may come more than once). */
  probe(part: number, others: string, text: string, stats: BlockingStats, visit: (group: number) => void): void {
    for (const v of blockVariants(text)) {
      const b = this.buckets.get(`${part}${SEP}${others}${SEP}${v}`);
      if (!b) continue;
      if (b.length > BUCKET_CAP) { stats.skippedBuckets++; continue; }
      for (const g of b) {
        stats.comparisons++;
        visit(g);
      }
    }
  }
}
