/**
 * The panels take parsed template values (defaults filled in); the editor holds the draft as
 * typed, which may be incomplete mid-edit. Parse what parses, and fill the defaults otherwise,
 * so a half-typed rule never blanks the panel that is editing it.
 */
import { MatchSchema, ValidationSchema, type Match, type Template } from '$runtime/template/schema';
import type { TemplateDraft } from '$studio/editor/template-draft';

type Validation = Template['validations'][number];

export function matchForPanel(match: TemplateDraft['match']): Match | undefined {
  if (!match) return undefined;
  const parsed = MatchSchema.safeParse(match);
  return parsed.success ? parsed.data : ({ rules: [], ruleSets: [], ...match } as Match);
}

export function validationsForPanel(validations: TemplateDraft['validations']): Validation[] {
  return (validations ?? []).map((v) => {
    const parsed = ValidationSchema.safeParse(v);
    return parsed.success ? parsed.data : ({ severity: 'error', ...v } as Validation);
  });
}
