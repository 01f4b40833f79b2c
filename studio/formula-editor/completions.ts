/**
 * Autocomplete, as plain data: where the cursor is (inside `[...]`, typing a name, inside
 * text) and what fits there: every column of every source, every registry function with its
 * signature and doc, reference tables and their columns, TRUE and FALSE.
 */
import { FUNCTIONS, formatColumnKey } from '../../runtime/formula/index';
import { columnReference, sourcesOf, type FormulaContext } from './formula-context';
import { functionMarkdown, functionSummary } from './function-docs';
import { tolerantTokens } from './tolerant-tokens';

export type CompletionSite =
  | { readonly kind: 'none' }
  /** Inside `[...]` opened at `start`; `table` when it is `Table[...]`. Replaces up to `end`. */
  | { readonly kind: 'column'; readonly start: number; readonly end: number; readonly table?: string }
  /** Typing a name (possibly empty) spanning [start, end). */
  | { readonly kind: 'word'; readonly start: number; readonly end: number };

export type CompletionKind = 'column' | 'source' | 'function' | 'table-column' | 'keyword';

export interface FormulaCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** insertText is a snippet (`ROUND($0)` puts the cursor inside the parentheses). */
  readonly snippet?: boolean;
  readonly filterText: string;
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  /** What to open after inserting: the list again (a source prefix) or the call's signature. */
  readonly then?: 'suggest' | 'parameter-hints';
}

export interface CompletionResult {
  /** Text from `start` to the cursor is what the user typed; to `end` is what a pick replaces. */
  readonly start: number;
  readonly end: number;
  readonly items: readonly FormulaCompletion[];
}

/** A bracket's end when the cursor is inside it: the `]` ahead, unless another reference or text starts first. */
function bracketEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const ch = text[i];
    if (ch === ']') return i + 1;
    if (ch === '[' || ch === '"' || ch === '\n' || ch === '\r') break;
  }
  return offset;
}

export function completionSite(text: string, offset: number): CompletionSite {
  const { tokens, open } = tolerantTokens(text);
  const tableBefore = (start: number) => {
    const prev = tokens.filter((t) => t.end <= start).at(-1);
    return prev?.type === 'ident' && prev.end === start ? prev.text : undefined;
  };
  if (open && open.start < offset) {
    if (open.kind === 'text') return { kind: 'none' };
    return { kind: 'column', start: open.start, end: bracketEnd(text, offset), table: tableBefore(open.start) };
  }
  const here = tokens.find((t) => t.start < offset && offset <= t.end);
  // The lexer may have read `[Tra + [Qty]` as one reference; a pick replaces only up to the next `[`.
  if (here?.type === 'column' && offset < here.end) return { kind: 'column', start: here.start, end: bracketEnd(text, offset), table: tableBefore(here.start) };
  if ((here?.type === 'text' && offset < here.end) || here?.type === 'number') return { kind: 'none' };
  if (here?.type === 'ident') return { kind: 'word', start: here.start, end: here.end };
  return { kind: 'word', start: offset, end: offset };
}

export function completionsAt({ text, offset, context }: { text: string; offset: number; context: FormulaContext }): CompletionResult {
  const site = completionSite(text, offset);
  if (site.kind === 'none') return { start: offset, end: offset, items: [] };
  if (site.kind === 'column') {
    const items = site.table === undefined ? columnItems(context, 'bracket') : tableColumnItems(context, site.table);
    return { start: site.start, end: site.end, items };
  }
  const callFollows = text[site.end] === '(';
  const items = [...columnItems(context, 'word'), ...functionItems(callFollows), ...tableItems(context), ...keywordItems()];
  return { start: site.start, end: site.end, items };
}

const typeWord = (t: string) => (t === 'datetime' ? 'date and time' : t);

function columnItems(context: FormulaContext, site: 'bracket' | 'word'): FormulaCompletion[] {
  const items: FormulaCompletion[] = context.columns.map((c, i) => {
    const ref = columnReference(c);
    return {
      label: ref,
      kind: 'column',
      insertText: ref,
      filterText: site === 'bracket' ? ref : c.name,
      detail: `${typeWord(c.type)} column${c.source === undefined ? '' : ` of ${c.source}`}`,
      sortText: `0-${String(i).padStart(5, '0')}`,
    };
  });
  if (site === 'bracket') {
    for (const source of sourcesOf(context)) {
      const prefix = `[${source}!`;
      items.push({ label: prefix, kind: 'source', insertText: prefix, filterText: prefix, detail: `columns of ${source}`, sortText: `1-${source}`, then: 'suggest' });
    }
  }
  return items;
}

function tableColumnItems(context: FormulaContext, table: string): FormulaCompletion[] {
  const tables = context.referenceTables ?? {};
  const name = Object.keys(tables).find((t) => t.toLowerCase() === table.toLowerCase());
  if (name === undefined) return [];
  return tables[name].map((column, i) => {
    const ref = formatColumnKey(column);
    return { label: ref, kind: 'table-column', insertText: ref, filterText: ref, detail: `column of reference table ${name}`, sortText: `0-${String(i).padStart(5, '0')}` };
  });
}

function functionItems(callFollows: boolean): FormulaCompletion[] {
  return FUNCTIONS.map((spec) => ({
    label: spec.name,
    kind: 'function',
    insertText: callFollows ? spec.name : `${spec.name}($0)`,
    snippet: !callFollows,
    filterText: spec.name,
    detail: functionSummary(spec),
    documentation: functionMarkdown(spec),
    sortText: `2-${spec.name}`,
    then: 'parameter-hints',
  }));
}

function tableItems(context: FormulaContext): FormulaCompletion[] {
  return Object.entries(context.referenceTables ?? {}).flatMap(([table, columns]) =>
    columns.map((column) => {
      const ref = `${table}${formatColumnKey(column)}`;
      return {
        label: ref,
        kind: 'table-column' as const,
        insertText: ref,
        filterText: ref,
        detail: `reference table ${table}, column ${column}`,
        documentation: `The whole column \`${column}\` of the reference table \`${table}\`: pass it to a function such as XLOOKUP.`,
        sortText: `3-${ref}`,
      };
    }),
  );
}

function keywordItems(): FormulaCompletion[] {
  return ['TRUE', 'FALSE'].map((k) => ({ label: k, kind: 'keyword', insertText: k, filterText: k, detail: 'boolean', sortText: `4-${k}` }));
}
