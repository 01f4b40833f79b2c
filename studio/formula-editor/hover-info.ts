/**
 * Hover docs: a function name shows its reference entry, a column its type and source, a
 * reference table its columns. Unknown names show nothing here: their marker explains them.
 */
import { findName } from '../../runtime/formula/check/resolve';
import { findFunction, type Token } from '../../runtime/formula/index';
import { columnReference, columnSpecs, type FormulaContext } from './formula-context';
import { functionMarkdown } from './function-docs';
import { tolerantTokens } from './tolerant-tokens';

export interface HoverInfo {
  readonly start: number;
  readonly end: number;
  /** Markdown paragraphs. */
  readonly contents: readonly string[];
}

const TYPE_WORDS: Record<string, string> = { number: 'number', text: 'text', boolean: 'TRUE/FALSE', date: 'date', datetime: 'date and time' };

export function hoverAt({ text, offset, context }: { text: string; offset: number; context: FormulaContext }): HoverInfo | undefined {
  const { tokens } = tolerantTokens(text);
  const i = tokens.findIndex((t) => t.start <= offset && offset < t.end);
  if (i < 0) return undefined;
  const t = tokens[i];
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const at = (contents: string[]) => ({ start: t.start, end: t.end, contents });
  if (t.type === 'ident') {
    if (next?.type === 'column' && next.start === t.end) return tableHover(t, context);
    const spec = findFunction(t.text);
    return spec ? at([`**${spec.name}**`, functionMarkdown(spec)]) : undefined;
  }
  if (t.type !== 'column') return undefined;
  if (prev?.type === 'ident' && prev.end === t.start) {
    const table = tableName(prev.text, context);
    const columns = table === undefined ? [] : context.referenceTables![table];
    const column = findName(t.text, columns);
    return column === undefined ? undefined : at([`Column \`${column}\` of the reference table \`${table}\``]);
  }
  const specs = columnSpecs(context.columns);
  const found = findName(t.text, specs.map((s) => s.name));
  if (found === undefined) return undefined;
  const column = context.columns[specs.findIndex((s) => s.name === found)];
  const from = column.source === undefined ? '' : ` from the source \`${column.source}\``;
  return at([`**${columnReference(column)}**`, `Column${from}, type ${TYPE_WORDS[column.type] ?? column.type}`]);
}

function tableName(name: string, context: FormulaContext): string | undefined {
  return findName(name, Object.keys(context.referenceTables ?? {}));
}

function tableHover(t: Token, context: FormulaContext): HoverInfo | undefined {
  const table = tableName(t.text, context);
  if (table === undefined) return undefined;
  const columns = context.referenceTables![table].map((c) => `\`${c}\``).join(', ');
  return { start: t.start, end: t.end, contents: [`Reference table \`${table}\``, `Columns: ${columns}`] };
}
