/**
 * Every formula in a template, checked against the columns it can see: a source's declared
 * columns for its mappings, plus the mapped targets for validations and match keys. A source
 * that declares no columns is checked once real rows arrive (the runner), not here.
 */
import type { Finding } from '../finding';
import { checkFormulas, type ColumnSpec } from '../formula/index';
import type { Template } from './schema';

type MakeFinding = (path: string, message: string, code?: string, severity?: Finding['severity']) => Finding;

export function checkTemplateFormulas({ template: t, finding }: { template: Template; finding: MakeFinding }): Finding[] {
  const out: Finding[] = [];
  const tables = Object.fromEntries(Object.entries(t.referenceTables).map(([n, r]) => [n, r.columns]));
  const declared = new Map(t.sources.map((s) => [s.name, s.columns.map((c): ColumnSpec => ({ name: c.name, type: c.type ?? 'text' }))]));
  const check = (columns: readonly ColumnSpec[], items: { path: string; text: string }[]) => {
    const { diagnostics } = checkFormulas({ formulas: items.map((x, i) => ({ name: String(i), text: x.text })), columns, tables });
    for (const d of diagnostics) {
      const item = items[Number(d.formula)];
      out.push(finding(item.path, `${d.message} (at character ${d.start + 1} of \`${item.text}\`)`, `formula-${d.code}`, d.severity));
    }
  };
  const mappedColumns = (source: string): ColumnSpec[] | undefined => {
    const cols = declared.get(source);
    if (!cols?.length) return undefined;
    return [...cols, ...(t.mappings[source] ?? []).map((m): ColumnSpec => ({ name: m.target, type: 'text' }))];
  };
  for (const [source, mappings] of Object.entries(t.mappings)) {
    const cols = declared.get(source);
    if (cols?.length) check(cols, mappings.map((m, i) => ({ path: `$.mappings${key(source)}[${i}].formula`, text: m.formula })));
  }
  t.validations.forEach((v, i) => {
    const cols = mappedColumns(v.source ?? t.sources[0].name);
    if (cols) check(cols, [{ path: `$.validations[${i}].formula`, text: v.formula }]);
  });
  t.match?.keys.forEach((k, i) => {
    for (const [source, text] of Object.entries(k.formulas)) {
      const cols = mappedColumns(source);
      if (cols) check(cols, [{ path: `$.match.keys[${i}].formulas${key(source)}`, text }]);
    }
  });
  return out;
}

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
