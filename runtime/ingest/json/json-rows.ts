/**
 * Where the rows are in a JSON document: the array at a path ("data.trades", "$.data.trades",
 * "data/trades", numeric segments index arrays), or, when no path is given, the document
 * itself if it is an array, else the largest array of objects found breadth-first. And JSON
 * Lines: one value per line, parsed line by line so a bad line is a finding, not a refusal.
 * Browser-safe.
 */
export type RowLocation =
  | { readonly ok: true; readonly rows: readonly unknown[]; readonly path: string; readonly single?: boolean }
  | { readonly ok: false; readonly message: string };

export function splitPath(path: string): string[] {
  return path.replace(/^\$\.?/, '').split(/[./]/).filter((s) => s !== '');
}

export function locateRows(root: unknown, path: string | undefined): RowLocation {
  if (path !== undefined) {
    let node: unknown = root;
    const walked: string[] = [];
    for (const segment of splitPath(path)) {
      if (node !== null && typeof node === 'object' && segment in (node as object)) {
        node = (node as Record<string, unknown>)[segment];
        walked.push(segment);
        continue;
      }
      const here = walked.length ? `at "${walked.join('.')}"` : 'at the top';
      const keys = node !== null && typeof node === 'object' && !Array.isArray(node) ? Object.keys(node).slice(0, 12) : [];
      return {
        ok: false,
        message: `The path "${path}" does not lead to rows: there is no "${segment}" ${here}.${keys.length ? ` The keys there are: ${keys.join(', ')}.` : ''}`,
      };
    }
    if (Array.isArray(node)) return { ok: true, rows: node, path };
    if (node !== null && typeof node === 'object') return { ok: true, rows: [node], path, single: true };
    return { ok: false, message: `The path "${path}" leads to a single value, not to rows (an array of objects).` };
  }
  if (Array.isArray(root)) return { ok: true, rows: root, path: '$' };
  if (root === null || typeof root !== 'object') return { ok: false, message: 'The document is a single value, not rows: it needs an array of objects, or an object holding one.' };
  const found = largestObjectArray(root as Record<string, unknown>);
  if (found) return { ok: true, rows: found.rows, path: found.path };
  return { ok: true, rows: [root], path: '$', single: true };
}

/** The largest array of objects within six levels, breadth-first (the first one wins ties). */
function largestObjectArray(root: Record<string, unknown>): { rows: unknown[]; path: string } | undefined {
  let best: { rows: unknown[]; path: string } | undefined;
  let level: { node: Record<string, unknown>; path: string }[] = [{ node: root, path: '' }];
  for (let depth = 0; depth < 6 && level.length; depth++) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      for (const [key, value] of Object.entries(node)) {
        const here = path ? `${path}.${key}` : key;
        if (Array.isArray(value)) {
          const objects = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)).length;
          if (objects > 0 && objects >= value.length / 2 && (!best || value.length > best.rows.length)) best = { rows: value, path: here };
        } else if (value !== null && typeof value === 'object') next.push({ node: value as Record<string, unknown>, path: here });
      }
    }
    level = next.slice(0, 10_000);
  }
  return best;
}

export interface JsonLine {
  readonly line: number;
  readonly value: unknown;
}

/** JSON Lines: each non-blank line a value; unparseable lines reported through `bad`. */
export function parseJsonLines(text: string, bad: (line: number, message: string) => void): JsonLine[] {
  const out: JsonLine[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    if (raw !== '') {
      try {
        out.push({ line, value: JSON.parse(raw) });
      } catch (e) {
        bad(line, (e as Error).message);
      }
    }
    start = end + 1;
  }
  return out;
}

/** Whether the text looks like JSON Lines rather than one document: the first line is a whole value. */
export function looksLikeJsonLines(text: string): boolean {
  const first = text.indexOf('\n');
  if (first < 0) return false;
  const line = text.slice(0, first).trim();
  if (!line.startsWith('{') && !line.startsWith('[')) return false;
  try {
    JSON.parse(line);
    return text.slice(first + 1).trim() !== '';
  } catch {
    return false;
  }
}

/** "… at position 123" in a JSON.parse message, as a 1-based line number. */
export function lineOfJsonError(text: string, message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const at = Math.min(Number(m[1]), text.length);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
