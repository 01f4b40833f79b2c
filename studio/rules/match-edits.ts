/**
 * Edits the Match panel emits: small data objects, one per user action, that the editor state
 * turns into undoable commands. The panel never mutates the template. applyMatchEdit says what
 * each edit means, so the page's command and the panel's tests agree on it.
 *
 * Patches merge into the edited object; a key set to `undefined` is removed (clearing an
 * optional param, or dropping the params of a rule's previous kind).
 */
import { mergePatch } from '../editor/template-draft';
import type { Match, MatchKey, RuleSet, ToleranceRule } from './rules-types';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Any param of any tolerance kind; `kind` and `field` included. */
export type RulePatch = { [K in KeysOfUnion<ToleranceRule>]?: ValueOf<ToleranceRule, K> | undefined };
export type KeyPatch = { [K in keyof MatchKey]?: MatchKey[K] | undefined };
export type RuleSetPatch = Partial<Pick<RuleSet, 'name' | 'when'>>;

/** Match options edited as a whole value; `undefined` removes an optional one. */
export type MatchOptionName = 'sources' | 'duplicates' | 'aggregate' | 'clusterBy' | 'severityRules';
export type SetMatchOption = { [K in MatchOptionName]: { op: 'setMatchOption'; option: K; value: Match[K] } }[MatchOptionName];

/** `ruleSet` absent: the default rules; a number: that rule set's rules. */
export type MatchEdit =
  | { op: 'createMatch'; match: Match }
  | SetMatchOption
  | { op: 'addKey'; key: MatchKey }
  | { op: 'updateKey'; index: number; patch: KeyPatch }
  | { op: 'removeKey'; index: number }
  | { op: 'addRule'; rule: ToleranceRule; ruleSet?: number }
  /** `rule` is the whole rule after the patch, for commands that replace rather than merge. */
  | { op: 'updateRule'; index: number; patch: RulePatch; rule: ToleranceRule; ruleSet?: number }
  | { op: 'removeRule'; index: number; ruleSet?: number }
  | { op: 'addRuleSet'; ruleSet: RuleSet }
  | { op: 'updateRuleSet'; index: number; patch: RuleSetPatch }
  | { op: 'removeRuleSet'; index: number }
  | { op: 'moveRuleSet'; index: number; to: number };

export { mergePatch };

const replaceAt = <T>(list: readonly T[], index: number, f: (x: T) => T): T[] => list.map((x, i) => (i === index ? f(x) : x));
const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

function editRules(match: Match, ruleSet: number | undefined, f: (rules: readonly ToleranceRule[]) => ToleranceRule[]): Match {
  if (ruleSet === undefined) return { ...match, rules: f(match.rules) };
  return { ...match, ruleSets: replaceAt(match.ruleSets, ruleSet, (s) => ({ ...s, rules: f(s.rules) })) };
}

/** The match after one edit. `match` is undefined only before createMatch. */
export function applyMatchEdit({ match, edit }: { match: Match | undefined; edit: MatchEdit }): Match {
  if (edit.op === 'createMatch') return edit.match;
  if (!match) throw new Error(`Cannot apply ${edit.op}: the template has no match section yet`);
  switch (edit.op) {
    case 'setMatchOption': return mergePatch(match, { [edit.option]: edit.value });
    case 'addKey': return { ...match, keys: [...match.keys, edit.key] };
    case 'updateKey': return { ...match, keys: replaceAt(match.keys, edit.index, (k) => mergePatch(k, edit.patch)) };
    case 'removeKey': return { ...match, keys: removeAt(match.keys, edit.index) };
    case 'addRule': return editRules(match, edit.ruleSet, (rules) => [...rules, edit.rule]);
    case 'updateRule': return editRules(match, edit.ruleSet, (rules) => replaceAt(rules, edit.index, (r) => mergePatch(r, edit.patch)));
    case 'removeRule': return editRules(match, edit.ruleSet, (rules) => removeAt(rules, edit.index));
    case 'addRuleSet': return { ...match, ruleSets: [...match.ruleSets, edit.ruleSet] };
    case 'updateRuleSet': return { ...match, ruleSets: replaceAt(match.ruleSets, edit.index, (s) => mergePatch(s, edit.patch)) };
    case 'removeRuleSet': return { ...match, ruleSets: removeAt(match.ruleSets, edit.index) };
    case 'moveRuleSet': {
      const sets = [...match.ruleSets];
      const [moved] = sets.splice(edit.index, 1);
      sets.splice(Math.max(0, Math.min(edit.to, sets.length)), 0, moved);
      return { ...match, ruleSets: sets };
    }
  }
}
