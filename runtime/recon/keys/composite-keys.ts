/**
 * A composite key as one number. Each key part numbers the atoms it actually holds 0..n−1, and
 * a row's key is the mixed-radix number of its parts' numbers. Accounts × products × months ×
 * strikes stay far below 2^53, so the number is exact, and grouping a million rows hashes one
 * number per row, one cache line per probe, instead of a tuple of atoms kept in a second array.
 * When the parts are too many or too varied for 2^53, `compositeKeys` says so and the caller
 * interns tuples instead (tuple-interner.ts).
 */

import type { AtomColumn } from './atom-columns';

/** Largest composite key that is still an exact double (2^53). */
const EXACT = 2 ** 53;

export interface CompositeKeys {
  /** [source]: each row's key, −1 when some part is blank. */
  readonly codes: readonly Float64Array[];
  /** Every key is below 2^31: a table of 32-bit keys holds them (half the memory, fewer cache misses). */
  readonly small: boolean;
  /** The key of a tuple of atoms, −1 when no row holds some atom in that part. */
  encode(atoms: ArrayLike<number>): number;
  /** The atoms of a key. */
  decode(key: number): Int32Array;
}

/**
 * columns[source][part]: the key columns' atoms, numbered below `atomCount`. Undefined when the
 * product of the parts' sizes passes 2^53.
 */
export function compositeKeys(columns: readonly (readonly AtomColumn[])[], atomCount: number): CompositeKeys | undefined {
  const width = columns[0]?.length ?? 0;
  const local: Int32Array[] = [];
  const atomsOf: Int32Array[] = [];
  let product = 1;
  for (let k = 0; k < width; k++) {
    const map = new Int32Array(atomCount).fill(-1);
    let n = 0;
    for (const parts of columns) {
      const atoms = parts[k].atoms;
      for (let j = 0; j < atoms.length; j++) {
        const a = atoms[j];
        if (a >= 0 && map[a] < 0) map[a] = n++;
      }
    }
    const back = new Int32Array(n);
    for (let a = 0; a < atomCount; a++) if (map[a] >= 0) back[map[a]] = a;
    local.push(map);
    atomsOf.push(back);
    product *= Math.max(1, n);
    if (product > EXACT) return undefined;
  }
  // A part at a time: key = key × n_k + local id, each pass reading one column in row order.
  const codes = columns.map((parts) => {
    const out = new Float64Array(parts[0]?.rows ?? 0);
    for (let k = 0; k < width; k++) parts[k].accumulate(out, local[k], atomsOf[k].length);
    return out;
  });
  return {
    codes,
    small: product <= 2 ** 31,
    encode(atoms) {
      let key = 0;
      for (let k = 0; k < width; k++) {
        const a = atoms[k];
        const id = a >= 0 && a < atomCount ? local[k][a] : -1;
        if (id < 0) return -1;
        key = key * atomsOf[k].length + id;
      }
      return key;
    },
    decode(key) {
      const out = new Int32Array(width);
      for (let k = width - 1; k >= 0; k--) {
        const n = atomsOf[k].length;
        const id = key % n;
        out[k] = atomsOf[k][id];
        key = (key - id) / n;
      }
      return out;
    },
  };
}

/** Dense ids for keys in first-seen order. */
export interface KeyInterner {
  readonly count: number;
  intern(key: number): number;
  find(key: number): number;
}

/** NumberInterner or SmallNumberInterner, whichever holds the keys in less memory. */
export function keyInterner(small: boolean, expected: number): KeyInterner {
  return small ? new SmallNumberInterner(expected) : new NumberInterner(expected);
}

/** MurmurHash3's finaliser: every bit of the key moves every bit of the hash. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Interns non-negative whole numbers below 2^53 to dense ids in first-seen order: open
 * addressing over one Float64Array of [key, id + 1] pairs, so a probe touches one cache line.
 */
export class NumberInterner implements KeyInterner {
  private slots: Float64Array;
  private mask: number;
  count = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Mixed-radix keys vary in their low digits first: mix every bit of both halves. */
  private static hash(key: number): number {
    return mix((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1));
  }

  /** The id of `key`, new if never seen. */
  intern(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = NumberInterner.hash(key) & mask;
    for (;;) {
      const v = slots[2 * i + 1];
      if (v === 0) break;
      if (slots[2 * i] === key) return v - 1;
      i = (i + 1) & mask;
    }
    const id = this.count++;
    slots[2 * i] = key;
    slots[2 * i + 1] = id + 1;
    if (this.count * 2 > mask + 1) this.grow();
    return id;
  }

  /** The id of `key`, or −1 when it was never interned. */
  find(key: number): number {
    if (key < 0) return -1;
    const slots = this.slots;
    let i = NumberInterner.hash(key) & this.mask;
    for (;;) {
      const v = slots[2 * i + 1];
      if (v === 0) return -1;
      if (slots[2 * i] === key) return v - 1;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Float64Array(cap * 2);
    const mask = cap - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let i = NumberInterner.hash(old[k]) & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[k];
      slots[2 * i + 1] = old[k + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** NumberInterner for keys below 2^31: [key, id + 1] pairs of 32-bit integers, half the memory. */
export class SmallNumberInterner implements KeyInterner {
  private slots: Int32Array;
  private mask: number;
  count = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  intern(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const k = key | 0;
    let i = mix(k) & mask;
    for (;;) {
      const v = slots[2 * i + 1];
      if (v === 0) break;
      if (slots[2 * i] === k) return v - 1;
      i = (i + 1) & mask;
    }
    const id = this.count++;
    slots[2 * i] = k;
    slots[2 * i + 1] = id + 1;
    if (this.count * 2 > mask + 1) this.grow();
    return id;
  }

  find(key: number): number {
    if (key < 0 || key > 0x7fffffff) return -1;
    const slots = this.slots;
    const k = key | 0;
    let i = mix(k) & this.mask;
    for (;;) {
      const v = slots[2 * i + 1];
      if (v === 0) return -1;
      if (slots[2 * i] === k) return v - 1;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let i = mix(old[k]) & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[k];
      slots[2 * i + 1] = old[k + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
