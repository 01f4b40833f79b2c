/**
 * One nested record (a JSON object, or an XML element as fast-xml-parser gives it) flattened to
 * dotted column names: {trade: {price: 1}} → "trade.price". Shared by the JSON and XML readers.
 * Browser-safe.
 *
 *   objects      nest with "."
 *   arrays       of objects (and, for XML, any repeated element) get an index: legs.0.notional
 *                (JSON counts from 0, XML from 1 as XPath does); arrays of plain values in JSON
 *                stay one column holding the array as JSON text (tags: ["a","b"])
 *   XML          attributes ("@currency") become columns named after the attribute, prefixed
 *                with @ only when a child element has the same name; an element's text next to
 *                attributes is the element's own column (Price = 12.5, Price.currency = EUR)
 *   depth        beyond maxDepth levels the rest is kept as JSON text, not exploded
 */
import type { CellValue } from '../infer/value-table';

export interface FlattenOptions {
  readonly arrayBase: 0 | 1;
  readonly scalarArrays: 'json' | 'indexed';
  /** XML: the parser's attribute prefix and text key; absent for JSON. */
  readonly attributePrefix?: string;
  readonly textKeys?: readonly string[];
  readonly maxDepth: number;
}

export function flattenRecord(value: unknown, options: FlattenOptions, into: Map<string, CellValue>, prefix = '', depth = 0): void {
  if (value === null || value === undefined) {
    if (prefix) setCell(into, prefix, null);
    return;
  }
  if (typeof value !== 'object') {
    setCell(into, prefix || 'value', scalar(value));
    return;
  }
  if (depth >= options.maxDepth) {
    setCell(into, prefix || 'value', JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    const plain = value.every((v) => v === null || typeof v !== 'object');
    if (plain && options.scalarArrays === 'json') {
      setCell(into, prefix || 'value', JSON.stringify(value));
      return;
    }
    value.forEach((item, i) => flattenRecord(item, options, into, join(prefix, String(i + options.arrayBase)), depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const attr = options.attributePrefix;
  for (const key of keys) {
    const child = record[key];
    if (options.textKeys?.includes(key)) {
      if (typeof child === 'object' && child !== null) continue;
      const existing = into.get(prefix || 'value');
      const text = scalar(child);
      setCell(into, prefix || 'value', typeof existing === 'string' && typeof text === 'string' ? existing + text : text);
      continue;
    }
    let name = key;
    if (attr && key.startsWith(attr)) {
      const bare = key.slice(attr.length);
      name = bare in record ? `@${bare}` : bare;
    }
    flattenRecord(child, options, into, join(prefix, name), depth + 1);
  }
}

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

function scalar(v: unknown): CellValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  return v === null || v === undefined ? null : String(v);
}

function setCell(into: Map<string, CellValue>, name: string, value: CellValue): void {
  into.set(name, value);
}

/**
 * Rows of flattened records as columns: names in first-seen order, one cell per row each.
 * At most maxColumns columns; the return says how many more names were seen and dropped.
 */
export function columnsOf({ records, maxColumns }: { records: readonly Map<string, CellValue>[]; maxColumns: number }): {
  names: string[]; columns: CellValue[][]; dropped: number;
} {
  const index = new Map<string, number>();
  const columns: CellValue[][] = [];
  const dropped = new Set<string>();
  records.forEach((record, r) => {
    for (const [name, value] of record) {
      let c = index.get(name);
      if (c === undefined) {
        if (index.size >= maxColumns) { dropped.add(name); continue; }
        c = index.size;
        index.set(name, c);
        columns.push(new Array<CellValue>(records.length).fill(null));
      }
      columns[c][r] = value;
    }
  });
  return { names: [...index.keys()], columns, dropped: dropped.size };
}
