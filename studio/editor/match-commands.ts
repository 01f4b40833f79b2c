/**
 * Edits to validations and the match section (keys, tolerance rules, rule sets), as pure
 * functions draft → draft that throw EditError when they cannot apply.
 */
import {
  checkIndex, EditError, insertAt, matchOf, mergePatch, removeAt, replaceAt, withMatch,
  type KeyDraft, type MatchDraft, type RuleDraft, type RuleSetDraft, type TemplateDraft, type ValidationDraft,
} from './template-draft';

const validationsOf = (doc: TemplateDraft): readonly ValidationDraft[] => doc.validations ?? [];

function requireUnique(names: readonly string[], name: string, what: string): void {
  if (!name.trim()) throw new EditError(`A ${what} needs a name.`);
  if (names.some((n) => n.toLowerCase() === name.trim().toLowerCase())) throw new EditError(`There is already a ${what} named \`${name.trim()}\`: pick another name.`);
}

export function addValidation(doc: TemplateDraft, { validation, index }: { validation: ValidationDraft; index?: number }): TemplateDraft {
  requireUnique(validationsOf(doc).map((v) => v.name), validation.name, 'validation');
  return { ...doc, validations: insertAt(validationsOf(doc), index, validation) };
}

export function updateValidation(doc: TemplateDraft, { index, patch }: { index: number; patch: Partial<ValidationDraft> }): TemplateDraft {
  const list = validationsOf(doc);
  checkIndex(list, index, 'validation');
  if (patch.name !== undefined) requireUnique(list.filter((_, i) => i !== index).map((v) => v.name), patch.name, 'validation');
  return { ...doc, validations: replaceAt(list, index, mergePatch(list[index], patch)) };
}

export function removeValidation(doc: TemplateDraft, { index }: { index: number }): TemplateDraft {
  checkIndex(validationsOf(doc), index, 'validation');
  return { ...doc, validations: removeAt(validationsOf(doc), index) };
}

/** Creates the match section (or replaces it whole); undefined removes it. */
export function setMatch(doc: TemplateDraft, { match }: { match: MatchDraft | undefined }): TemplateDraft {
  if (match) return withMatch(doc, match);
  const { match: _, ...rest } = doc;
  return rest;
}

export type MatchOption = 'sources' | 'duplicates' | 'aggregate' | 'clusterBy' | 'severityRules';

/** One of the match's options as a whole value; undefined removes an optional one. */
export function setMatchOption<K extends MatchOption>(doc: TemplateDraft, { option, value }: { option: K; value: MatchDraft[K] }): TemplateDraft {
  return withMatch(doc, mergePatch(matchOf(doc), { [option]: value }));
}

export function setKeys(doc: TemplateDraft, { keys }: { keys: readonly KeyDraft[] }): TemplateDraft {
  const names: string[] = [];
  for (const k of keys) {
    requireUnique(names, k.name, 'key');
    names.push(k.name);
  }
  return withMatch(doc, { ...matchOf(doc), keys: [...keys] });
}

export function addKey(doc: TemplateDraft, { key, index }: { key: KeyDraft; index?: number }): TemplateDraft {
  const match = matchOf(doc);
  requireUnique(match.keys.map((k) => k.name), key.name, 'key');
  return withMatch(doc, { ...match, keys: insertAt(match.keys, index, key) });
}

export function updateKey(doc: TemplateDraft, { index, patch }: { index: number; patch: Partial<KeyDraft> }): TemplateDraft {
  const match = matchOf(doc);
  checkIndex(match.keys, index, 'key');
  if (patch.name !== undefined) requireUnique(match.keys.filter((_, i) => i !== index).map((k) => k.name), patch.name, 'key');
  return withMatch(doc, { ...match, keys: replaceAt(match.keys, index, mergePatch(match.keys[index], patch)) });
}

export function removeKey(doc: TemplateDraft, { index }: { index: number }): TemplateDraft {
  const match = matchOf(doc);
  checkIndex(match.keys, index, 'key');
  return withMatch(doc, { ...match, keys: removeAt(match.keys, index) });
}

/** The rules list a rule command edits: the match's own, or rule set `ruleSet`'s. */
function rulesAt(doc: TemplateDraft, ruleSet: number | undefined): { rules: readonly RuleDraft[]; put: (rules: RuleDraft[]) => TemplateDraft } {
  const match = matchOf(doc);
  if (ruleSet === undefined) return { rules: match.rules ?? [], put: (rules) => withMatch(doc, { ...match, rules }) };
  const sets = match.ruleSets ?? [];
  checkIndex(sets, ruleSet, 'rule set');
  return { rules: sets[ruleSet].rules, put: (rules) => withMatch(doc, { ...match, ruleSets: replaceAt(sets, ruleSet, { ...sets[ruleSet], rules }) }) };
}

export function addRule(doc: TemplateDraft, { rule, ruleSet, index }: { rule: RuleDraft; ruleSet?: number; index?: number }): TemplateDraft {
  const at = rulesAt(doc, ruleSet);
  return at.put(insertAt(at.rules, index, rule));
}

export function updateRule(doc: TemplateDraft, { index, rule, ruleSet }: { index: number; rule: RuleDraft; ruleSet?: number }): TemplateDraft {
  const at = rulesAt(doc, ruleSet);
  checkIndex(at.rules, index, 'rule');
  return at.put(replaceAt(at.rules, index, rule));
}

export function removeRule(doc: TemplateDraft, { index, ruleSet }: { index: number; ruleSet?: number }): TemplateDraft {
  const at = rulesAt(doc, ruleSet);
  checkIndex(at.rules, index, 'rule');
  return at.put(removeAt(at.rules, index));
}

const ruleSetsOf = (doc: TemplateDraft): readonly RuleSetDraft[] => matchOf(doc).ruleSets ?? [];

export function addRuleSet(doc: TemplateDraft, { ruleSet, index }: { ruleSet: RuleSetDraft; index?: number }): TemplateDraft {
  requireUnique(ruleSetsOf(doc).map((r) => r.name), ruleSet.name, 'rule set');
  return withMatch(doc, { ...matchOf(doc), ruleSets: insertAt(ruleSetsOf(doc), index, ruleSet) });
}

export function updateRuleSet(doc: TemplateDraft, { index, patch }: { index: number; patch: Partial<RuleSetDraft> }): TemplateDraft {
  const sets = ruleSetsOf(doc);
  checkIndex(sets, index, 'rule set');
  if (patch.name !== undefined) requireUnique(sets.filter((_, i) => i !== index).map((r) => r.name), patch.name, 'rule set');
  return withMatch(doc, { ...matchOf(doc), ruleSets: replaceAt(sets, index, mergePatch(sets[index], patch)) });
}

export function moveRuleSet(doc: TemplateDraft, { index, to }: { index: number; to: number }): TemplateDraft {
  const sets = ruleSetsOf(doc);
  checkIndex(sets, index, 'rule set');
  return withMatch(doc, { ...matchOf(doc), ruleSets: insertAt(removeAt(sets, index), to, sets[index]) });
}

export function removeRuleSet(doc: TemplateDraft, { index }: { index: number }): TemplateDraft {
  checkIndex(ruleSetsOf(doc), index, 'rule set');
  return withMatch(doc, { ...matchOf(doc), ruleSets: removeAt(ruleSetsOf(doc), index) });
}
