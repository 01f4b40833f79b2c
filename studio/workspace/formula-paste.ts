/**
 * Target columns pasted as a block: two columns copied from Excel (target name, formula), or
 * lines typed as `Target = formula`. Formulas hold commas and semicolons of their own, so only a
 * tab or the first `=` separates the name. A leading `=` (as Excel shows a formula) is dropped.
 * Problems come back with the line to fix; nothing is applied unless every line reads.
 */
export interface PastedFormula {
  readonly target: string;
  readonly formula: string;
}

const HEADER = /^\s*(target( column)?|column|name)\s*\t\s*formula\s*$/i;

/** Excel quotes a copied cell that holds a tab, a quote or a line break. */
function unquote(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

export function parseFormulaPaste(text: string): { ok: true; formulas: PastedFormula[] } | { ok: false; error: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const formulas: PastedFormula[] = [];
  const lineOf = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || (formulas.length === 0 && HEADER.test(line))) continue;
    const at = line.includes('\t') ? line.indexOf('\t') : line.indexOf('=');
    if (at < 0) return { ok: false, error: `Line ${i + 1} has no formula: put each target and its formula in two columns (copied from Excel), or write "Target = formula".` };
    const target = unquote(line.slice(0, at));
    const formula = unquote(line.slice(at + 1)).replace(/^=\s*/, '');
    if (!target) return { ok: false, error: `Line ${i + 1} has a formula but no target name: name the column it fills.` };
    if (!formula) return { ok: false, error: `Line ${i + 1} names ${target} but gives no formula: add it after the name.` };
    const seen = lineOf.get(target.toLowerCase());
    if (seen !== undefined) return { ok: false, error: `Lines ${seen} and ${i + 1} both set ${target}: keep one of them.` };
    lineOf.set(target.toLowerCase(), i + 1);
    formulas.push({ target, formula });
  }
  if (formulas.length === 0) return { ok: false, error: 'Paste the targets: one per line, the name and its formula in two columns copied from Excel, or "Target = formula".' };
  return { ok: true, formulas };
}
