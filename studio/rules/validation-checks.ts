/**
 * The Validations panel's checks before it emits an edit: names are unique (failure counts and
 * findings are keyed by them), and a rule has a formula and a message that says how to fix it.
 */
import type { Validation } from './rules-types';

const norm = (s: string) => s.trim().toLowerCase();

/** The first "Check N" no validation uses yet. */
export function nextValidationName(validations: readonly Validation[]): string {
  const taken = new Set(validations.map((v) => norm(v.name)));
  let n = validations.length + 1;
  while (taken.has(norm(`Check ${n}`))) n++;
  return `Check ${n}`;
}

/** `except`: the index of the validation being renamed, which may keep its own name. */
export function nameProblem({ name, validations, except }: { name: string; validations: readonly Validation[]; except?: number }): string | undefined {
  if (!name.trim()) return 'Give the rule a name: it labels the failure count and the findings.';
  if (name.trim().length > 120) return 'Keep the name to 120 characters or fewer.';
  const clash = validations.findIndex((v, i) => i !== except && norm(v.name) === norm(name));
  return clash >= 0 ? `A validation named \`${validations[clash].name}\` already exists: choose another name.` : undefined;
}

export interface ValidationDraft {
  name: string;
  formula: string;
  severity: Validation['severity'];
  message: string;
  source?: string;
}

export function draftProblems({ draft, validations }: { draft: ValidationDraft; validations: readonly Validation[] }): Partial<Record<'name' | 'formula' | 'message', string>> {
  const out: Partial<Record<'name' | 'formula' | 'message', string>> = {};
  const name = nameProblem({ name: draft.name, validations });
  if (name) out.name = name;
  if (!draft.formula.trim()) out.formula = 'Write a formula that is TRUE for a good row, e.g. [Quantity] > 0.';
  if (!draft.message.trim()) out.message = 'Say what is wrong and how to fix it, e.g. "Quantity must be positive: check the sign on the broker file."';
  return out;
}

export function validationFrom(draft: ValidationDraft): Validation {
  return {
    name: draft.name.trim(),
    formula: draft.formula.trim(),
    severity: draft.severity,
    message: draft.message.trim(),
    ...(draft.source ? { source: draft.source } : {}),
  };
}
