/**
 * Rows by group, as compressed sparse rows: the rows of group g on one side are
 * `rows[start[g] .. start[g + 1])`, in table order. Two passes of counting sort, typed arrays only.
 */
export interface Groups {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

export function groupRows(groupOf: Int32Array, groupCount: number): Groups {
  const start = new Int32Array(groupCount + 1);
  for (let r = 0; r < groupOf.length; r++) {
    const g = groupOf[r];
    if (g >= 0) start[g + 1]++;
  }
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const rows = new Int32Array(start[groupCount]);
  const fill = start.slice(0, groupCount);
  for (let r = 0; r < groupOf.length; r++) {
    const g = groupOf[r];
    if (g >= 0) rows[fill[g]++] = r;
  }
  return { start, rows };
}

export const groupSize = (groups: Groups, g: number): number => groups.start[g + 1] - groups.start[g];

export const groupMembers = (groups: Groups, g: number): Int32Array => groups.rows.subarray(groups.start[g], groups.start[g + 1]);
