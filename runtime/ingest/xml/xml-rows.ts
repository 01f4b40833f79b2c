/**
 * Which elements of a parsed XML document are the rows. Browser-safe.
 *
 *   rowPath given   element names from the root, "." or "/" between them ("Document.Rpt.Tx",
 *                   "/Document/Rpt/Tx"), namespace prefixes left off; when it does not start at
 *                   the root it may start anywhere ("Rpt/Tx", or just "Tx")
 *   not given       the record element: of the elements with children that repeat under one
 *                   path, those not inside another such element (a trade's legs are not the
 *                   rows when the trades repeat), the one that occurs most often; a document
 *                   with nothing repeated is one row
 */
export interface XmlRows {
  readonly rows: readonly unknown[];
  readonly path: string;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const isElementKey = (k: string) => !k.startsWith('@') && !k.startsWith('#') && !k.startsWith('?');

/** The element values under `key` of every node in `nodes` (a repeated element is an array). */
function children(nodes: readonly unknown[], key: string): unknown[] {
  const out: unknown[] = [];
  for (const n of nodes) {
    if (!isNode(n) || !(key in n)) continue;
    const v = n[key];
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

export function findRows(root: Node, rowPath: string | undefined): XmlRows | { readonly error: string } {
  if (rowPath !== undefined) {
    const segments = rowPath.split(/[./]/).map((s) => s.replace(/^[^:]*:/, '')).filter(Boolean);
    if (segments.length === 0) return { error: `The row path "${rowPath}" names no element.` };
    const fromRoot = follow([root], segments);
    if (fromRoot.length) return { rows: fromRoot, path: segments.join('/') };
    const anywhere = searchPath(root, segments);
    if (anywhere) return anywhere;
    const top = Object.keys(root).filter(isElementKey);
    return { error: `No element matches the row path "${rowPath}". The document's root is ${top.map((k) => `<${k}>`).join(', ') || 'empty'}; give the path of the repeating record element, e.g. "${top[0] ?? 'Root'}/Record".` };
  }
  const best = mostRepeated(root);
  if (best) return best;
  const top = Object.keys(root).filter(isElementKey);
  return { rows: top.length ? children([root], top[0]) : [root], path: top[0] ?? '' };
}

function follow(nodes: readonly unknown[], segments: readonly string[]): unknown[] {
  let level: unknown[] = [...nodes];
  for (const s of segments) {
    level = children(level, s);
    if (level.length === 0) return [];
  }
  return level;
}

/** The first place (breadth-first) where the segments match as a chain of elements. */
function searchPath(root: Node, segments: readonly string[]): XmlRows | undefined {
  let level: { node: unknown; path: string[] }[] = [{ node: root, path: [] }];
  for (let depth = 0; depth < 64 && level.length; depth++) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      if (!isNode(node)) continue;
      const found = follow([node], segments);
      if (found.length) return { rows: found, path: [...path, ...segments].join('/') };
      for (const key of Object.keys(node).filter(isElementKey)) {
        for (const child of children([node], key)) next.push({ node: child, path: [...path, key] });
      }
    }
    level = next.slice(0, 100_000);
  }
  return undefined;
}

/** The record element path (see the header), or undefined when nothing repeats. */
function mostRepeated(root: Node): XmlRows | undefined {
  const counts = new Map<string, { count: number; repeated: boolean; depth: number }>();
  let level: { node: unknown; path: string }[] = [{ node: root, path: '' }];
  for (let depth = 0; depth < 64 && level.length; depth++) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      if (!isNode(node)) continue;
      for (const key of Object.keys(node).filter(isElementKey)) {
        const value = node[key];
        const here = path ? `${path}/${key}` : key;
        const tally = counts.get(here) ?? { count: 0, repeated: false, depth };
        tally.count += Array.isArray(value) ? value.length : 1;
        if (Array.isArray(value) && value.length > 1 && value.some(isNode)) tally.repeated = true;
        counts.set(here, tally);
        for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) next.push({ node: child, path: here });
      }
    }
    level = next.slice(0, 1_000_000);
  }
  const repeated = [...counts].filter(([, t]) => t.repeated).map(([path]) => path);
  const outermost = new Set(repeated.filter((path) => !repeated.some((other) => path.startsWith(`${other}/`))));
  let best: [string, { count: number; depth: number }] | undefined;
  for (const entry of counts) {
    if (!outermost.has(entry[0])) continue;
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].depth < best[1].depth)) best = entry;
  }
  if (!best) return undefined;
  const segments = best[0].split('/');
  return { rows: follow([root], segments), path: best[0] };
}
