/**
 * The function reference page, rendered from the registry. Pure, so a test can compare the
 * committed FUNCTIONS.md with what the registry says now.
 */
import { signature } from '../check/arity';
import type { FunctionCategory, FunctionSpec, ParamSpec } from '../library/registry';

const CATEGORIES: readonly [FunctionCategory, string][] = [
  ['logic', 'Logic'],
  ['math', 'Math'],
  ['text', 'Text'],
  ['date', 'Date and time'],
  ['information', 'Information'],
  ['lookup', 'Lookup'],
  ['regex', 'Regular expressions'],
  ['domain', 'Derivatives and regulatory'],
];

export const REFERENCE_COMMAND = 'npm run docs:functions';

/** What a function gives, as the reference page and the editor's hover say it. */
export function returns(spec: FunctionSpec): string {
  if (typeof spec.returns === 'string') return spec.returns;
  const names = spec.returns.sameAs.map((k) => `\`${spec.params[k]?.name ?? `#${k}`}\``);
  return `the type of ${names.join(' / ')}`;
}

const showDefault = (v: NonNullable<ParamSpec['default']>): string =>
  typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : typeof v === 'string' ? JSON.stringify(v) : String(v);

export function paramLine(p: ParamSpec): string {
  const notes = [p.type, p.optional ? 'optional' : '', p.repeating ? 'repeats' : '', p.acceptsArray ? 'or an array' : '', p.default !== undefined ? `default ${showDefault(p.default)}` : '']
    .filter(Boolean)
    .join(', ');
  return `- \`${p.name}\` (${notes})${p.doc ? `: ${p.doc}` : ''}`;
}

/** One function's section of the reference page; the editor shows it as hover and completion docs. */
export function renderFunction(spec: FunctionSpec): string {
  const lines = [`### ${spec.name}`, '', `\`${signature(spec)}\` → ${returns(spec)}${spec.volatile ? ' (volatile: reads the run context)' : ''}`, '', spec.doc, ''];
  if (spec.params.length) lines.push(...spec.params.map(paramLine), '');
  lines.push(`Example: \`=${spec.example.formula}\` → \`${spec.example.result}\``, '');
  return lines.join('\n');
}

export function renderReference(functions: readonly FunctionSpec[]): string {
  const out = [
    '# Formula function reference',
    '',
    `Generated from the function registry by \`${REFERENCE_COMMAND}\`: do not edit by hand.`,
    'Functions behave like Excel\'s unless their description says otherwise. Optional',
    'parameters are in [brackets]; `[a, b, ...]` repeats.',
    '',
  ];
  for (const [category, title] of CATEGORIES) {
    const specs = functions.filter((f) => f.category === category).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
    if (!specs.length) continue;
    out.push(`## ${title}`, '', specs.map((s) => `[${s.name}](#${s.name.toLowerCase().replace(/[^a-z0-9_-]/g, '')})`).join(' · '), '');
    out.push(...specs.map(renderFunction));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
