/**
 * Column references in a draft's formulas, read with the formula lexer's token spans, never a
 * regex over raw text: `"[Price]"` inside a string literal is text, and `Rates[Tenor]` is a
 * reference-table column. Names resolve as the checker resolves them (exact, then a unique
 * case-insensitive match), so `[price]` is a reference to `Price` here exactly when a run
 * would read it so.
 */
import { resolveName } from '../../runtime/formula/check/resolve';
import { closest } from '../../runtime/formula/check/suggest';
import { formatColumnRef, splitSource } from '../../runtime/formula/syntax/column-ref';
import { tokenize, type Token } from '../../runtime/formula/syntax/lexer';
import { formulaPlaces, type FormulaPlace } from './formula-places';
import { mappingsOf, type TemplateDraft } from './template-draft';

export interface ColumnRef {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** As written in `[source!Column]`. */
  readonly source?: string;
}

/**
 * The `[...]` column references of a formula. A formula that stops lexing part-way (an
 * unterminated string while typing) yields the references before the problem.
 */
export function columnRefs(text: string): ColumnRef[] {
  let lexed = tokenize(text);
  if (!lexed.ok) lexed = tokenize(text.slice(0, lexed.diagnostic.start));
  if (!lexed.ok) return [];
  const refs: ColumnRef[] = [];
  lexed.tokens.forEach((t: Token, i) => {
    // An identifier right before `[...]` makes it a reference-table column, `Rates[Tenor]`.
    if (t.type !== 'column' || lexed.tokens[i - 1]?.type === 'ident') return;
    refs.push({ start: t.start, end: t.end, ...splitSource(t.text) });
  });
  return refs;
}

export interface SourceColumn {
  readonly source: string;
  readonly column: string;
}

export const declaredColumns = (doc: TemplateDraft, source: string): string[] =>
  (doc.sources.find((s) => s.name === source)?.columns ?? []).map((c) => c.name);

const targetsOf = (doc: TemplateDraft, source: string): string[] => mappingsOf(doc, source).map((m) => m.target);

export type RefResolution =
  | { readonly kind: 'column' | 'target'; readonly source: string; readonly column: string }
  | { readonly kind: 'unknown-column'; readonly suggestion?: string }
  | { readonly kind: 'ambiguous-column' }
  | { readonly kind: 'unknown-source'; readonly suggestion?: string }
  /** Nothing to judge against: the source lists no columns, or the formula has no source. */
  | { readonly kind: 'unjudged' };

/**
 * What `ref`, written in `place`, reads: a column of a source (`columnsOf` gives each source's
 * columns) or one of the place's mapped targets.
 */
export function resolveRef(doc: TemplateDraft, place: FormulaPlace, ref: ColumnRef, columnsOf: (source: string) => readonly string[]): RefResolution {
  let source: string | undefined = place.source;
  let targets: readonly string[] = [];
  if (ref.source !== undefined) {
    source = doc.sources.find((s) => s.name.toLowerCase() === ref.source!.toLowerCase())?.name;
    if (source === undefined) return { kind: 'unknown-source', suggestion: closest(ref.source, doc.sources.map((s) => s.name)) };
  } else if (source !== undefined && place.seesTargets) {
    targets = targetsOf(doc, source);
  }
  if (source === undefined) return { kind: 'unjudged' };
  const columns = columnsOf(source).filter((c) => !targets.includes(c));
  if (columns.length === 0 && targets.length === 0) return { kind: 'unjudged' };
  const r = resolveName(ref.name, [...columns, ...targets]);
  if ('ambiguous' in r) return { kind: 'ambiguous-column' };
  if ('missing' in r) return { kind: 'unknown-column', suggestion: closest(ref.name, [...columns, ...targets]) };
  return { kind: targets.includes(r.found) ? 'target' : 'column', source, column: r.found };
}

/** Every reference in the draft that reads the source column or target `column` (kind says which). */
export function referencesOf(doc: TemplateDraft, { source, column }: SourceColumn, kind: 'column' | 'target'): PlaceReferences[] {
  // The column may be one the source does not declare yet (it is in the sample only).
  const columnsOf = (s: string) => (s === source && kind === 'column' ? [...new Set([...declaredColumns(doc, s), column])] : declaredColumns(doc, s));
  return formulaPlaces(doc).flatMap((place) => {
    const refs = columnRefs(place.formula).filter((ref) => {
      const r = resolveRef(doc, place, ref, columnsOf);
      return r.kind === kind && r.source === source && r.column === column;
    });
    return refs.length ? [{ place, refs }] : [];
  });
}

export interface PlaceReferences {
  readonly place: FormulaPlace;
  /** Spans of the references in `place.formula`. */
  readonly refs: readonly ColumnRef[];
}

/** Every formula that reads the source column, so the UI can offer to update them on a rename. */
export function referencesTo(doc: TemplateDraft, target: SourceColumn): PlaceReferences[] {
  return referencesOf(doc, target, 'column');
}

/** `text` with each reference replaced by one to `to`, keeping a `source!` prefix as written. */
export function rewriteRefs(text: string, refs: readonly ColumnRef[], to: string): string {
  let out = text;
  for (const r of [...refs].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, r.start) + formatColumnRef({ source: r.source, name: to }) + out.slice(r.end);
  }
  return out;
}

export interface BrokenReference {
  readonly place: FormulaPlace;
  readonly ref: ColumnRef;
  readonly reason: 'unknown-column' | 'ambiguous-column' | 'unknown-source';
  /** The closest visible name, when one is close enough to be a typo. */
  readonly suggestion?: string;
}

/**
 * References to columns the source does not have. A source's columns are `columns[source]`
 * (e.g. the loaded sample's header) or else the ones it declares; a source with neither is
 * not judged, as parseTemplate does not judge it.
 */
export function brokenReferences(doc: TemplateDraft, { columns = {} }: { columns?: Readonly<Record<string, readonly string[]>> } = {}): BrokenReference[] {
  const columnsOf = (source: string): readonly string[] => columns[source] ?? declaredColumns(doc, source);
  const out: BrokenReference[] = [];
  for (const place of formulaPlaces(doc)) {
    for (const ref of columnRefs(place.formula)) {
      const r = resolveRef(doc, place, ref, columnsOf);
      if (r.kind === 'unknown-column' || r.kind === 'unknown-source') out.push({ place, ref, reason: r.kind, suggestion: r.suggestion });
      else if (r.kind === 'ambiguous-column') out.push({ place, ref, reason: r.kind });
    }
  }
  return out;
}
