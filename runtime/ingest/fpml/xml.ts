/**
 * Safe XML → tree for the FpML reader. fast-xml-parser does the parsing; this module adds the
 * guards a file from outside needs and a small set of navigation helpers.
 *
 * Guards, in order: size, binary content, "starts with <", DOCTYPE/ENTITY declarations refused
 * outright (XXE, billion laughs: FpML never needs a DTD), well-formedness (XMLValidator, which
 * gives a line and column), one root element, nesting depth. Entity processing in the parser is
 * off; the five predefined entities and numeric character references are decoded here, in text()
 * and attr(), so no user-defined entity can ever expand.
 *
 * The tree: every element is an array (so repeated FpML elements need no special cases), keyed by
 * its local name (namespace prefixes removed); attributes are `@name` strings; text is `#text`.
 * Object key order is the order in which each child name first appears in the document.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText, looksBinary } from '../text-decoding';

export type XNode = { readonly [key: string]: unknown };

export type XmlParseResult =
  | { readonly ok: true; readonly text: string; readonly rootName: string; readonly root: XNode }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly line?: number };

const MAX_DEPTH = 256;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  jPath: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseXml(bytes: Uint8Array, name: string): XmlParseResult {
  if (bytes.byteLength === 0) return { ok: false, code: 'fpml-empty', message: `${name} is empty: upload an FpML file holding at least one trade.` };
  if (looksBinary(bytes)) {
    return { ok: false, code: 'fpml-not-xml', message: `${name} looks like a binary file, not XML. Upload the FpML confirmation itself (a .xml file), not an archive or a PDF.` };
  }
  const text = decodeText(bytes).text;
  const start = text.search(/\S/);
  if (start < 0) return { ok: false, code: 'fpml-empty', message: `${name} holds only whitespace: upload an FpML file holding at least one trade.` };
  if (text[start] !== '<') {
    return { ok: false, code: 'fpml-not-xml', line: lineAt(text, start), message: `${name} is not XML: it does not start with "<". Check that the file is an FpML document and not a CSV or text export.` };
  }
  const dtd = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (dtd) {
    return {
      ok: false, code: 'fpml-doctype-refused', line: lineAt(text, dtd.index),
      message: `${name} declares a ${dtd[1].toUpperCase()} on line ${lineAt(text, dtd.index)}. FpML needs no DTD, and DTDs can pull in outside files or expand without bound, so the file is refused. Remove the <!DOCTYPE …> block and upload again.`,
    };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const unclosed = unclosedTags(msg);
    const last = lineAt(text, text.trimEnd().length);
    if (unclosed) {
      return { ok: false, code: 'fpml-truncated', line: last, message: `${name} ends (line ${last}) before ${unclosed.map((t) => `<${t}>`).reverse().join(', ')} ${unclosed.length > 1 ? 'are' : 'is'} closed: the file looks truncated. Export or download it again.` };
    }
    if (line >= last && !/<\/[^<>]+>\s*$|\/>\s*$/.test(text.trimEnd())) {
      return { ok: false, code: 'fpml-truncated', line, message: `${name} stops in the middle of an element at line ${line} (${msg}): the file looks truncated. Export or download it again.` };
    }
    return { ok: false, code: 'fpml-malformed', line, message: `${name} is not well-formed XML at line ${line}, column ${col}: ${msg} The file may be truncated or hand-edited; export it again from the source system.` };
  }
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    const msg = (e as Error).message;
    const hint = /nested/i.test(msg) ? ` Elements nested deeper than ${MAX_DEPTH} levels are refused.` : '';
    return { ok: false, code: 'fpml-malformed', message: `${name} could not be parsed: ${msg}.${hint}` };
  }
  const roots = Object.entries(tree).filter(([k]) => !k.startsWith('?') && !k.startsWith('#'));
  const count = roots.reduce((n, [, v]) => n + (Array.isArray(v) ? v.length : 1), 0);
  if (count !== 1) {
    return { ok: false, code: 'fpml-malformed', message: `${name} has ${count === 0 ? 'no root element' : `${count} root elements`}; an XML document has exactly one.` };
  }
  const [rootName, rootValue] = roots[0];
  return { ok: true, text, rootName, root: (rootValue as XNode[])[0] };
}

/** The validator reports elements left open at the end of the file as "Invalid '[\"a\",\"b\"]' found." */
function unclosedTags(msg: string): string[] | undefined {
  const m = /^Invalid '(\[[\s\S]*\])' found/.exec(msg);
  if (!m) return undefined;
  try {
    const tags = JSON.parse(m[1]) as unknown;
    return Array.isArray(tags) && tags.length && tags.every((t) => typeof t === 'string') ? (tags as string[]) : undefined;
  } catch {
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and numeric character references; anything else stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** All children named `name`. */
export function kids(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

/** The first node along a path of child names. */
export function kid(node: XNode | undefined, ...path: string[]): XNode | undefined {
  let n = node;
  for (const p of path) {
    n = kids(n, p)[0];
    if (!n) return undefined;
  }
  return n;
}

/** Every node along a path of child names (all branches). */
export function all(node: XNode | undefined, ...path: string[]): XNode[] {
  let nodes = node ? [node] : [];
  for (const p of path) nodes = nodes.flatMap((n) => kids(n, p));
  return nodes;
}

/** The trimmed, decoded text of the first node along the path; undefined when absent or empty. */
export function text(node: XNode | undefined, ...path: string[]): string | undefined {
  const n = path.length ? kid(node, ...path) : node;
  const t = n?.['#text'];
  if (typeof t !== 'string') return undefined;
  const s = decodeEntities(t).trim();
  return s === '' ? undefined : s;
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return typeof v === 'string' && v !== '' ? decodeEntities(v) : undefined;
}

/** Child element names with their nodes, in first-appearance order. */
export function childElements(node: XNode | undefined): [string, XNode][] {
  if (!node) return [];
  const out: [string, XNode][] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k[0] === '@' || k[0] === '#' || !Array.isArray(v)) continue;
    for (const n of v as XNode[]) out.push([k, n]);
  }
  return out;
}

/** Every descendant element named `name`, depth first; does not descend into matches. */
export function descendants(node: XNode | undefined, name: string, stopAtMatch = true): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const [k, c] of childElements(n)) {
      if (k === name) {
        out.push(c);
        if (stopAtMatch) continue;
      }
      walk(c);
    }
  };
  if (node) walk(node);
  return out;
}

/** The first descendant named `name` (depth first), or undefined. */
export function find(node: XNode | undefined, name: string): XNode | undefined {
  for (const [k, c] of childElements(node)) {
    if (k === name) return c;
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}
