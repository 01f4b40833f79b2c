/**
 * Shared by the rules panels' tests: the shipped ETD position recon template and its sources'
 * columns as the editor page would pass them (read columns plus mapped targets).
 */
import etd from '../../../templates/etd-position-recon/template.json';
import { TemplateSchema } from '../../../runtime/template/schema';
import type { Match, SourceColumns } from '../rules-types';

export const etdTemplate = TemplateSchema.parse(etd);

export const etdSources: SourceColumns[] = etdTemplate.sources.map((s) => ({
  name: s.name,
  columns: [
    ...s.columns.filter((c) => !(etdTemplate.mappings[s.name] ?? []).some((m) => m.target === c.name)).map((c) => ({ ...c, mapped: false })),
    ...(etdTemplate.mappings[s.name] ?? []).map((m) => ({ name: m.target, mapped: true, type: s.columns.find((c) => c.name === m.target)?.type ?? (['Quantity', 'Price', 'Cash'].includes(m.target) ? 'number' as const : 'text' as const) })),
  ],
}));

export const etdMatch: Match = etdTemplate.match!;
