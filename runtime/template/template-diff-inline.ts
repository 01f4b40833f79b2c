/**
 * Inline diff of two formulas (or any short texts) for the version history: which words stayed,
 * which were added, which were removed. Words first, so `ROUND([Qty]*[Price], 2)` → `…, 4)` marks
 * the `2` and the `4`, not scattered letters; a replaced word that is mostly the same text is then
 * refined letter by letter, so `[Price]` → `[Prices]` shows one added `s`.
 * Joining the `same` and `del` segments gives the old text back; `same` and `add`, the new one.
 */
export type InlineOp = 'same' | 'add' | 'del';
export interface InlineSegment {
  readonly text: string;
  readonly op: InlineOp;
}

/** Above this many token pairs the LCS table gets too big; the middle is shown as one replacement. */
const MAX_CELLS = 250_000;
const TOKEN = /\s+|[\p{L}\p{N}_]+(?:\.\p{N}+)?|[^\p{L}\p{N}_\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function inlineDiff(a: string, b: string): InlineSegment[] {
  const before = String(a ?? '');
  const after = String(b ?? '');
  const out: InlineSegment[] = [];
  for (const seg of diffSequences(tokenize(before), tokenize(after))) {
    const last = out[out.length - 1];
    const next = seg.op === 'add' && last?.op === 'del' && mostlyAlike(last.text, seg.text)
      ? (out.pop(), diffSequences([...last.text], [...seg.text]))
      : [seg];
    for (const s of next) push(out, s);
  }
  return out;
}

/** Two replaced words share enough letters that a letter-level diff reads better. */
function mostlyAlike(a: string, b: string): boolean {
  if (a.length > 80 || b.length > 80) return false;
  const common = lcsLength([...a], [...b]);
  return common * 2 >= Math.max(a.length, b.length);
}

function push(out: InlineSegment[], seg: InlineSegment): void {
  if (!seg.text) return;
  const last = out[out.length - 1];
  if (last && last.op === seg.op) out[out.length - 1] = { op: seg.op, text: last.text + seg.text };
  else out.push(seg);
}

/** LCS over tokens, with the common prefix and suffix taken off first (most edits are local). */
function diffSequences(a: readonly string[], b: readonly string[]): InlineSegment[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const out: InlineSegment[] = [];
  push(out, { op: 'same', text: a.slice(0, start).join('') });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(out, { op: 'del', text: midA.join('') });
    push(out, { op: 'add', text: midB.join('') });
  } else {
    for (const seg of lcsSegments(midA, midB)) push(out, seg);
  }
  push(out, { op: 'same', text: a.slice(endA).join('') });
  return out;
}

function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array[] {
  // Suffix table: t[i][j] = LCS length of a[i..] and b[j..].
  const t = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    }
  }
  return t;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  return a.length && b.length ? lcsTable(a, b)[0][0] : 0;
}

function lcsSegments(a: readonly string[], b: readonly string[]): InlineSegment[] {
  const t = lcsTable(a, b);
  const out: InlineSegment[] = [];
  let i = 0;
  let j = 0;
  // Deletions before additions within a run of changes, so a replacement reads "old → new".
  let dels = '';
  let adds = '';
  const flush = () => {
    push(out, { op: 'del', text: dels });
    push(out, { op: 'add', text: adds });
    dels = '';
    adds = '';
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      push(out, { op: 'same', text: a[i] });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && t[i + 1][j] >= t[i][j + 1])) {
      dels += a[i++];
    } else {
      adds += b[j++];
    }
  }
  flush();
  return out;
}
