/**
 * Minimum-cost assignment (the Hungarian algorithm with potentials, O(n²·m)) for an n×m cost
 * matrix with n ≤ m: every row gets a distinct column and the total cost is least.
 */

/** `cost[i * m + j]`; returns each row's column. Requires n ≤ m. */
export function solveAssignment(cost: Float64Array, n: number, m: number): Int32Array {
  if (n > m) throw new RangeError(`solveAssignment needs rows ≤ columns, got ${n}×${m}`);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) assigned to column j; 0 = none
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) out[p[j] - 1] = j - 1;
  return out;
}

export function assignmentCost(cost: Float64Array, m: number, assignment: Int32Array): number {
  let total = 0;
  for (let i = 0; i < assignment.length; i++) total += cost[i * m + assignment[i]];
  return total;
}
