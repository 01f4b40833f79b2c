/**
 * Every formula in a template draft, with where it sits (a path the UI can select, a JSON path
 * like parseTemplate's findings) and which columns its unqualified `[Column]` references can
 * see: mappings see their source's columns; validations, match keys and rule-set filters see
 * the source's columns plus its mapped targets, a target shadowing a source column of the same
 * name (runtime/runner/map-source.ts and match-sources.ts build them that way).
 */
import { jsonPath } from '../../runtime/template/validate';
import { validationSource, type TemplateDraft } from './template-draft';

export type PlaceKind = 'mapping' | 'validation' | 'key' | 'rule-set';
export type DocPath = readonly (string | number)[];

export interface FormulaPlace {
  readonly kind: PlaceKind;
  /** Property path into the document, e.g. ['mappings', 'broker', 2, 'formula']. */
  readonly path: DocPath;
  /** The same path as parseTemplate's findings write it: `$.mappings.broker[2].formula`. */
  readonly jsonPath: string;
  /** For people: "target Notional", "validation Qty is set", "key Account (broker)", "rule set Options". */
  readonly label: string;
  /** The source whose columns unqualified references name; undefined when the template has none. */
  readonly source: string | undefined;
  /** Validations, keys and rule-set filters also see the source's mapped targets. */
  readonly seesTargets: boolean;
  readonly formula: string;
}

export function formulaPlaces(doc: TemplateDraft): FormulaPlace[] {
  const out: FormulaPlace[] = [];
  const add = (p: Omit<FormulaPlace, 'jsonPath'>) => out.push({ ...p, jsonPath: jsonPath(p.path) });
  for (const [source, mappings] of Object.entries(doc.mappings ?? {})) {
    mappings.forEach((m, i) => add({ kind: 'mapping', path: ['mappings', source, i, 'formula'], label: `target ${m.target}`, source, seesTargets: false, formula: m.formula }));
  }
  (doc.validations ?? []).forEach((v, i) =>
    add({ kind: 'validation', path: ['validations', i, 'formula'], label: `validation ${v.name}`, source: validationSource(doc, v), seesTargets: true, formula: v.formula }));
  const match = doc.match;
  match?.keys.forEach((k, i) => {
    for (const [source, formula] of Object.entries(k.formulas)) {
      add({ kind: 'key', path: ['match', 'keys', i, 'formulas', source], label: `key ${k.name} (${source})`, source, seesTargets: true, formula });
    }
  });
  // Rule-set filters run over the book of record: the first matched source.
  match?.ruleSets?.forEach((r, i) =>
    add({ kind: 'rule-set', path: ['match', 'ruleSets', i, 'when'], label: `rule set ${r.name}`, source: match.sources[0], seesTargets: true, formula: r.when }));
  return out;
}

/** A copy of `doc` with the value at `path` replaced; only the objects along the path are copied. */
export function setIn<T>(doc: T, path: DocPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const container = doc as unknown as Record<string | number, unknown>;
  const next = setIn(container[head], rest, value);
  if (Array.isArray(doc)) {
    const copy = doc.slice();
    copy[head as number] = next;
    return copy as T;
  }
  return { ...(doc as object), [head]: next } as T;
}

export function getIn(doc: unknown, path: DocPath): unknown {
  return path.reduce<unknown>((at, key) => (at === null || at === undefined ? undefined : (at as Record<string | number, unknown>)[key]), doc);
}
