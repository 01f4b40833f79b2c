/**
 * "Did you mean" as one-click fixes: a diagnostic that carries a suggestion becomes an edit
 * replacing exactly its span (the misspelled column, function name or operator) with it.
 */
import type { EditorDiagnostic } from './formula-diagnostics';
import { rangeOf, type TextRange } from './text-positions';

export interface QuickFix {
  readonly title: string;
  /** The span replaced, as offsets and as a Monaco range. */
  readonly start: number;
  readonly end: number;
  readonly range: TextRange;
  readonly text: string;
  readonly diagnostic: EditorDiagnostic;
}

export function quickFixes({ text, diagnostics }: { text: string; diagnostics: readonly EditorDiagnostic[] }): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const d of diagnostics) {
    if (d.suggestion === undefined) continue;
    const written = text.slice(d.start, d.end);
    if (written === d.suggestion) continue;
    const title = d.start === d.end ? `Add \`${d.suggestion}\`` : `Replace \`${written}\` with \`${d.suggestion}\``;
    fixes.push({ title, start: d.start, end: d.end, range: rangeOf(text, d.start, d.end), text: d.suggestion, diagnostic: d });
  }
  return fixes;
}

/** The fixes whose span touches [start, end] (the cursor or selection the user asked at). */
export function quickFixesIn(fixes: readonly QuickFix[], start: number, end: number): QuickFix[] {
  return fixes.filter((f) => f.start <= end && f.end >= start);
}

/** The text after applying one fix, for tests and for callers without an editor. */
export function applyQuickFix(text: string, fix: QuickFix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}
