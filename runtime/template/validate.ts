/**
 * A template document → a valid Template, or findings that say where (a JSON path) and how to fix
 * it. Structure first (zod), then meaning: names resolve, the kind has what it needs, and every
 * formula checks against the columns its source declares.
 */
import type { z } from 'zod';
import type { Finding } from '../finding';
import { checkTemplateFormulas } from './check-formulas';
import { migrateTemplate } from './migrations';
import { TemplateSchema, type Template } from './schema';

export type ParseTemplateResult =
  | { readonly ok: true; readonly template: Template; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${out}.${String(key)}` : `${out}[${JSON.stringify(String(key))}]`), '$');
}

export function parseTemplate({ doc, source = 'template.json' }: { doc: unknown; source?: string }): ParseTemplateResult {
  const finding = (path: string, message: string, code = 'template-invalid', severity: Finding['severity'] = 'error'): Finding =>
    ({ code, severity, message, location: { source, path } });
  const migrated = migrateTemplate({ doc });
  if (!migrated.ok) return { ok: false, findings: [finding('$.schemaVersion', migrated.message, 'template-version')] };
  const parsed = TemplateSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return { ok: false, findings: parsed.error.issues.map((i) => finding(jsonPath(i.path), describeIssue(i))) };
  }
  const template = parsed.data;
  const findings = [...checkStructure(template, finding), ...checkTemplateFormulas({ template, finding })];
  return findings.some((f) => f.severity === 'error') ? { ok: false, findings } : { ok: true, template, findings };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue) return `${issue.message}: use one of the listed kinds.`;
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

type MakeFinding = (path: string, message: string, code?: string, severity?: Finding['severity']) => Finding;

function checkStructure(t: Template, finding: MakeFinding): Finding[] {
  const out: Finding[] = [];
  const sources = new Map<string, number>();
  t.sources.forEach((s, i) => {
    if (sources.has(s.name.toLowerCase())) out.push(finding(`$.sources[${i}].name`, `Two sources are named \`${s.name}\`: source names must differ.`));
    sources.set(s.name.toLowerCase(), i);
  });
  const known = (n: string) => sources.has(n.toLowerCase());
  const list = t.sources.map((s) => `\`${s.name}\``).join(', ');
  for (const [src, mappings] of Object.entries(t.mappings)) {
    if (!known(src)) out.push(finding(jsonPath(['mappings', src]), `Mappings for unknown source \`${src}\`; the sources are ${list}.`));
    const targets = new Set<string>();
    mappings.forEach((m, i) => {
      if (targets.has(m.target.toLowerCase())) out.push(finding(jsonPath(['mappings', src, i, 'target']), `Target column \`${m.target}\` is defined twice for \`${src}\`.`));
      targets.add(m.target.toLowerCase());
    });
  }
  t.validations.forEach((v, i) => {
    if (v.source && !known(v.source)) out.push(finding(`$.validations[${i}].source`, `Unknown source \`${v.source}\`; the sources are ${list}.`));
  });
  const m = t.match;
  if (t.kind === 'mapping' && m) out.push(finding('$.match', 'A mapping template has no match section: change kind to recon or nway, or remove it.'));
  if (t.kind !== 'mapping' && !m) out.push(finding('$.match', `A ${t.kind} template needs a match section with its sources and keys.`));
  if (m) {
    if (t.kind === 'recon' && m.sources.length !== 2) out.push(finding('$.match.sources', `A recon template matches exactly 2 sources (found ${m.sources.length}); use kind nway for 3 or more.`));
    if (t.kind === 'nway' && m.sources.length < 3) out.push(finding('$.match.sources', `An nway template matches 3 or more sources (found ${m.sources.length}); use kind recon for 2.`));
    m.sources.forEach((s, i) => { if (!known(s)) out.push(finding(`$.match.sources[${i}]`, `Unknown source \`${s}\`; the sources are ${list}.`)); });
    m.keys.forEach((k, i) => {
      for (const s of m.sources) if (!(s in k.formulas)) out.push(finding(jsonPath(['match', 'keys', i, 'formulas']), `Key \`${k.name}\` gives no formula for source \`${s}\`.`));
      if (k.aliases && !(k.aliases in t.referenceTables)) out.push(finding(jsonPath(['match', 'keys', i, 'aliases']), `Alias table \`${k.aliases}\` is not among the template's reference tables.`));
    });
  }
  t.outputs.forEach((o, i) => {
    const targets = new Set(Object.values(t.mappings).flat().map((x) => x.target));
    o.columns?.forEach((c, j) => { if (!targets.has(c)) out.push(finding(`$.outputs[${i}].columns[${j}]`, `Output column \`${c}\` is not a mapped target column.`)); });
  });
  for (const [name, table] of Object.entries(t.referenceTables)) {
    table.rows.forEach((row, i) => {
      if (row.length !== table.columns.length) out.push(finding(jsonPath(['referenceTables', name, 'rows', i]), `Row ${i + 1} of reference table \`${name}\` has ${row.length} values for ${table.columns.length} columns.`));
    });
  }
  return out;
}
