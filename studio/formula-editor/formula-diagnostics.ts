/**
 * The editor's inline diagnostics: the same parse and check the server runs, plus the one
 * rule only the editor knows (a validation must give TRUE or FALSE), turned into marker
 * ranges. The marker objects are Monaco's IMarkerData shape, built without Monaco.
 */
import { checkFormula, parseFormula, type Diagnostic, type ValueType } from '../../runtime/formula/index';
import { columnSpecs, type FormulaContext } from './formula-context';
import { rangeOf, type TextRange } from './text-positions';

/** A checker diagnostic, or the editor's own `not-boolean` for a validation that gives no TRUE/FALSE. */
export type EditorDiagnostic = Omit<Diagnostic, 'code'> & { readonly code: Diagnostic['code'] | 'not-boolean' };

export interface FormulaCheck {
  readonly diagnostics: readonly EditorDiagnostic[];
  /** The static result type when the formula parsed, else undefined. */
  readonly type?: ValueType;
}

/** Monaco's MarkerSeverity values (Error = 8, Warning = 4), so markers need no Monaco import. */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

export interface FormulaMarker extends TextRange {
  readonly severity: (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY];
  readonly message: string;
  readonly code: string;
  readonly source: 'formula';
}

const TYPE_WORDS: Partial<Record<ValueType, string>> = { number: 'a number', text: 'text', date: 'a date', datetime: 'a date and time', blank: 'a blank' };

export function checkFormulaText({ text, context }: { text: string; context: FormulaContext }): FormulaCheck {
  const parsed = parseFormula(text);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const checked = checkFormula({ ast: parsed.ast, columns: columnSpecs(context.columns), tables: context.referenceTables });
  const diagnostics: EditorDiagnostic[] = [...checked.diagnostics];
  const gives = TYPE_WORDS[checked.type];
  if (context.expected === 'boolean' && gives) {
    diagnostics.push(
      Object.freeze({
        code: 'not-boolean',
        severity: 'warning',
        message: `A validation gives TRUE or FALSE, but this formula gives ${gives}: compare it, e.g. \`[Price] > 0\`, or test it with a function such as ISBLANK`,
        start: parsed.ast.start,
        end: parsed.ast.end,
      } satisfies EditorDiagnostic),
    );
  }
  return { diagnostics, type: checked.type };
}

/**
 * A span that covers nothing (the formula ends too early, a missing `)`) still needs a
 * visible squiggle: it takes the character before it, as Excel's cursor would sit there.
 */
export function markerFor(text: string, d: EditorDiagnostic): FormulaMarker {
  let { start, end } = d;
  if (end <= start) {
    end = start;
    if (start > 0 && !/[\r\n]/.test(text[start - 1])) start -= 1;
    else if (start < text.length && !/[\r\n]/.test(text[start])) end += 1;
  }
  return { ...rangeOf(text, start, end), severity: MARKER_SEVERITY[d.severity], message: d.message, code: d.code, source: 'formula' };
}

export function formulaMarkers(text: string, diagnostics: readonly EditorDiagnostic[]): FormulaMarker[] {
  return diagnostics.map((d) => markerFor(text, d));
}
