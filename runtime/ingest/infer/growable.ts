/**
 * Growing typed arrays for column builders: doubling, so a million pushes copy about two million
 * elements in total, and trimming at the end. Builders start at the row count estimated from the
 * file's size, so the slack is usually a few percent: up to an eighth is kept as a view (no copy,
 * no second array at the peak), more is copied away. Browser-safe.
 */
export function growFloat64(values: Float64Array, needed: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(needed, values.length * 2, 16));
  next.set(values);
  return next;
}

export function growInt32(values: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, values.length * 2, 16));
  next.set(values);
  return next;
}

export function growUint8(values: Uint8Array, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, values.length * 2, 16));
  next.set(values);
  return next;
}

/** The first `length` elements: the array itself, a view when the slack is small, else a copy. */
export function trimFloat64(values: Float64Array, length: number): Float64Array {
  return values.length === length ? values : small(values.length, length) ? values.subarray(0, length) : values.slice(0, length);
}

export function trimInt32(values: Int32Array, length: number): Int32Array {
  return values.length === length ? values : small(values.length, length) ? values.subarray(0, length) : values.slice(0, length);
}

export function trimUint8(values: Uint8Array | undefined, length: number): Uint8Array | undefined {
  if (!values) return undefined;
  return values.length === length ? values : small(values.length, length) ? values.subarray(0, length) : values.slice(0, length);
}

const small = (capacity: number, length: number) => capacity - length <= capacity / 8;

/** An Int32 list that grows as rows arrive: row origins, mostly. */
export class Int32List {
  length = 0;
  private values: Int32Array;

  constructor(capacity = 1024) {
    this.values = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) this.values = growInt32(this.values, this.length + 1);
    this.values[this.length++] = value;
  }

  finish(): Int32Array {
    return trimInt32(this.values, this.length);
  }
}
