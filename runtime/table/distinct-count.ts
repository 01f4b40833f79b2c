/**
 * Counting distinct numeric values without a Set of boxed numbers: an open-addressing hash set in
 * typed arrays (exact, stops at a limit) and HyperLogLog (an estimate, ±1%). Shared by the
 * ingest profile and the studio's column profile (profile.ts). Browser-safe.
 */
const EXACT_LIMIT = 65_536;

/** Distinct non-blank values: exact up to EXACT_LIMIT, else estimated. */
export function countDistinct(values: Float64Array, nulls: Uint8Array | undefined, rowCount: number): { count: number; estimated: boolean } {
  const exact = exactDistinct(values, nulls, rowCount, EXACT_LIMIT);
  return exact >= 0 ? { count: exact, estimated: false } : { count: estimateDistinct(values, nulls, rowCount), estimated: true };
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of a double's bits (+0 and -0 alike), well mixed in all 32 bits. */
function hashAt(bits: Int32Array, values: Float64Array, i: number): number {
  if (values[i] === 0) return 0;
  return fmix32(bits[2 * i] ^ fmix32(bits[2 * i + 1] + 0x9e3779b9));
}

/** Exact count with an open-addressing set in typed arrays; -1 once it passes `limit`. */
export function exactDistinct(values: Float64Array, nulls: Uint8Array | undefined, rowCount: number, limit: number): number {
  let size = 16;
  while (size < Math.min(rowCount, limit) * 2) size *= 2;
  const mask = size - 1;
  const keys = new Float64Array(size);
  const used = new Uint8Array(size);
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  let distinct = 0;
  for (let i = 0; i < rowCount; i++) {
    if (nulls?.[i]) continue;
    const v = values[i];
    let slot = hashAt(bits, values, i) & mask;
    for (;;) {
      if (!used[slot]) {
        if (++distinct > limit) return -1;
        used[slot] = 1;
        keys[slot] = v;
        break;
      }
      if (keys[slot] === v || (v !== v && keys[slot] !== keys[slot])) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

/** HyperLogLog with 2^14 registers (standard error about 0.8%). */
export function estimateDistinct(values: Float64Array, nulls: Uint8Array | undefined, rowCount: number): number {
  const p = 14;
  const m = 1 << p;
  const registers = new Uint8Array(m);
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < rowCount; i++) {
    if (nulls?.[i]) continue;
    const h = hashAt(bits, values, i);
    const index = h >>> (32 - p);
    const rank = Math.clz32((h << p) | (1 << (p - 1))) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
  let sum = 0;
  let zeros = 0;
  for (let j = 0; j < m; j++) {
    sum += 2 ** -registers[j];
    if (registers[j] === 0) zeros++;
  }
  const alpha = 0.7213 / (1 + 1.079 / m);
  const estimate = (alpha * m * m) / sum;
  return Math.round(estimate <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : estimate);
}
