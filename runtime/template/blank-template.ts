/**
 * The smallest valid document of each kind, so "New template" opens the editor on something that
 * already validates: a mapping reads one source; a recon matches `left` and `right` on a key; an
 * N-way matches three sources on a key. Sources read CSV with no options (detected); the analyst
 * picks the files and formats in the Sources panel. Browser-safe.
 */
import { CURRENT_SCHEMA_VERSION, type TemplateInput } from './schema';

export const TEMPLATE_KINDS = ['mapping', 'recon', 'nway'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const KIND_LABELS: Readonly<Record<TemplateKind, string>> = {
  mapping: 'Mapping: one file to clean columns',
  recon: 'Reconciliation: two sources matched with tolerances',
  nway: 'N-way match: three or more sources',
};

const SOURCE_NAMES: Readonly<Record<TemplateKind, readonly string[]>> = {
  mapping: ['source'],
  recon: ['left', 'right'],
  nway: ['first', 'second', 'third'],
};

export function blankTemplate({ kind, name, description = '' }: { kind: TemplateKind; name: string; description?: string }): TemplateInput {
  const sources = SOURCE_NAMES[kind];
  const doc: TemplateInput = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    description,
    kind,
    sources: sources.map((s) => ({ name: s, format: 'csv', options: {}, columns: [] })),
    mappings: {},
    validations: [],
    outputs: [],
  };
  if (kind === 'mapping') return doc;
  return {
    ...doc,
    match: {
      sources: [...sources],
      // A key every source must give; [Key] is a placeholder the analyst points at real columns.
      keys: [{ name: 'Key', formulas: Object.fromEntries(sources.map((s) => [s, '[Key]'])) }],
      rules: [],
    },
  };
}
