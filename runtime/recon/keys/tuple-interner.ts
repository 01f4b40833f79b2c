/**
 * Interns fixed-width tuples of int32 (a composite key as atom ids) to dense ids, in a typed-array
 * open-addressing hash table: no strings, no per-row objects. Linear probing at ≤ 50% load; each
 * slot keeps the hash beside the id, so a probe reads the tuple store only on a likely match.
 */
export class TupleInterner {
  /** Per slot: [id + 1, hash]; id + 1 = 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private store: Int32Array;
  count = 0;

  constructor(readonly width: number, expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.store = new Int32Array(Math.max(16, expected) * width);
  }

  private static hash(t: ArrayLike<number>, offset: number, width: number): number {
    let h = 0x811c9dc5 ^ width;
    for (let i = 0; i < width; i++) {
      h = Math.imul(h ^ t[offset + i], 0x9e3779b1);
      h ^= h >>> 16;
    }
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  private equals(id: number, t: ArrayLike<number>, offset: number): boolean {
    const w = this.width;
    const base = id * w;
    for (let k = 0; k < w; k++) if (this.store[base + k] !== t[offset + k]) return false;
    return true;
  }

  /** The id of `tuple[offset .. offset + width)`, new if never seen. */
  intern(tuple: ArrayLike<number>, offset = 0): number {
    const h = TupleInterner.hash(tuple, offset, this.width);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const v = slots[i * 2];
      if (v === 0) break;
      if (slots[i * 2 + 1] === h && this.equals(v - 1, tuple, offset)) return v - 1;
      i = (i + 1) & this.mask;
    }
    const id = this.count++;
    const w = this.width;
    if ((id + 1) * w > this.store.length) {
      const store = new Int32Array(this.store.length * 2);
      store.set(this.store);
      this.store = store;
    }
    const base = id * w;
    for (let k = 0; k < w; k++) this.store[base + k] = tuple[offset + k];
    slots[i * 2] = id + 1;
    slots[i * 2 + 1] = h;
    if (this.count * 2 > this.mask + 1) this.grow();
    return id;
  }

  /** The id of a tuple, or −1 when it was never interned. */
  find(tuple: ArrayLike<number>, offset = 0): number {
    const h = TupleInterner.hash(tuple, offset, this.width);
    let i = h & this.mask;
    for (;;) {
      const v = this.slots[i * 2];
      if (v === 0) return -1;
      if (this.slots[i * 2 + 1] === h && this.equals(v - 1, tuple, offset)) return v - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** The tuple of an id (a view: do not keep it across interns). */
  tuple(id: number): Int32Array {
    return this.store.subarray(id * this.width, (id + 1) * this.width);
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let k = 0; k < this.slots.length; k += 2) {
      const v = this.slots[k];
      if (v === 0) continue;
      let i = this.slots[k + 1] & mask;
      while (slots[i * 2] !== 0) i = (i + 1) & mask;
      slots[i * 2] = v;
      slots[i * 2 + 1] = this.slots[k + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
