/**
 * New rules and kind changes, driven by the tolerance registry's ParamSpecs (their defaults),
 * so a kind added to the registry appears in the editor with no change here.
 */
import { TOLERANCE_KINDS, toleranceKind } from '../../runtime/recon/index';
import type { ParamSpec } from '../../runtime/recon/index';
import { ToleranceRuleSchema } from '../../runtime/template/schema';
import type { RulePatch } from './match-edits';
import type { ToleranceRule } from './rules-types';

export const KIND_OPTIONS = TOLERANCE_KINDS.map((k) => ({ kind: k.kind, label: k.label, doc: k.doc }));

/** A rule of `kind` on `field`, required params at their registry defaults, schema defaults filled in. */
export function newRule({ kind, field }: { kind: ToleranceRule['kind']; field: string }): ToleranceRule {
  const spec = toleranceKind(kind);
  const draft: Record<string, unknown> = { field, kind };
  for (const p of spec?.params ?? []) if (!p.optional && p.default !== undefined) draft[p.name] = p.default;
  // The schema fills its own defaults (rel's mode, text's ignoreCase); a blank field is the user's to pick.
  const parsed = ToleranceRuleSchema.safeParse({ ...draft, field: field || 'field' });
  return (parsed.success ? { ...parsed.data, field } : draft) as ToleranceRule;
}

/** Switching kind keeps the field and severity; the old kind's params go, the new kind's defaults come. */
export function kindChangePatch({ rule, kind }: { rule: ToleranceRule; kind: ToleranceRule['kind'] }): RulePatch {
  const fresh = newRule({ kind, field: rule.field }) as Record<string, unknown>;
  const patch: Record<string, unknown> = { ...fresh };
  for (const key of Object.keys(rule)) if (!(key in fresh) && key !== 'severity') patch[key] = undefined;
  return patch as RulePatch;
}

/** "tickTable" → "Tick table"; the ParamSpec's doc says the rest. */
export function paramLabel(spec: ParamSpec): string {
  const words = spec.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function paramValue(rule: ToleranceRule, name: string): unknown {
  return (rule as Record<string, unknown>)[name];
}
