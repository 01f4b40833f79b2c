/**
 * Whether the editor's draft can be matched on its samples right now: a recon or N-way draft
 * whose structure parses (with the schema's defaults, as a run sees it), whose keys give a
 * formula for every match source, and whose match sources all have samples. Otherwise the
 * state the live match shows instead, saying what to do.
 */
import { migrateTemplate } from '../../runtime/template/migrations';
import { TemplateSchema, type Template } from '../../runtime/template/schema';
import { jsonPath } from '../../runtime/template/validate';
import type { LiveMatchError } from '../rules/live-match';
import type { LiveMatchUpdate } from './live-match-runner';

export type MatchReadiness = { readonly template: Template } | { readonly state: LiveMatchError | undefined };

export function templateForMatch({ template: draft, samples }: Pick<LiveMatchUpdate, 'template' | 'samples'>): MatchReadiness {
  if (draft.kind === 'mapping' || !draft.match) return { state: undefined };
  // Validations and outputs play no part in matching: one half-typed check must not hide the rate.
  const migrated = migrateTemplate({ doc: { ...draft, validations: [], outputs: [] } });
  if (!migrated.ok) return { state: { error: migrated.message } };
  const parsed = TemplateSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    return { state: { error: `${message} (at ${jsonPath(issue.path)}): fix it to see the match rate.` } };
  }
  const template = parsed.data;
  const match = template.match!;
  const known = new Set(template.sources.map((s) => s.name));
  const unknown = match.sources.find((s) => !known.has(s));
  if (unknown) return { state: { error: `The match names source \`${unknown}\`, which the template does not read: pick its sources under Sources and options.` } };
  const loaded = match.sources.filter((s) => samples[s]);
  if (loaded.length === 0) return { state: undefined };
  const missing = match.sources.find((s) => !samples[s]);
  if (missing) return { state: { error: `Load a sample for ${missing} to see the match rate.` } };
  for (const key of match.keys) {
    const lacking = match.sources.find((s) => !(s in key.formulas));
    if (lacking) return { state: { error: `The key \`${key.name}\` has no formula for \`${lacking}\`: give it one under Keys.` } };
  }
  return { template };
}
