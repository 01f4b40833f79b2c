/**
 * Edits are data: `{type: 'setFormula', source, target, formula}`. One registry maps each type
 * to its pure edit function, the label the undo button shows, and, for edits made keystroke
 * by keystroke, the key under which consecutive ones merge into one undo step.
 */
import * as mapping from './mapping-commands';
import * as match from './match-commands';
import * as tables from './reference-table-commands';
import type { TemplateDraft } from './template-draft';

const EDITS = {
  setFormula: mapping.setFormula,
  setTargetDescription: mapping.setTargetDescription,
  addTarget: mapping.addTarget,
  renameTarget: mapping.renameTarget,
  removeTarget: mapping.removeTarget,
  moveTarget: mapping.moveTarget,
  pasteFormulas: mapping.pasteFormulas,
  setSourceFormat: mapping.setSourceFormat,
  setSourceOptions: mapping.setSourceOptions,
  setSourceColumns: mapping.setSourceColumns,
  renameSourceColumn: mapping.renameSourceColumn,
  setMeta: mapping.setMeta,
  setKind: mapping.setKind,
  addValidation: match.addValidation,
  updateValidation: match.updateValidation,
  removeValidation: match.removeValidation,
  setMatch: match.setMatch,
  setMatchOption: match.setMatchOption,
  setKeys: match.setKeys,
  addKey: match.addKey,
  updateKey: match.updateKey,
  removeKey: match.removeKey,
  addRule: match.addRule,
  updateRule: match.updateRule,
  removeRule: match.removeRule,
  addRuleSet: match.addRuleSet,
  updateRuleSet: match.updateRuleSet,
  moveRuleSet: match.moveRuleSet,
  removeRuleSet: match.removeRuleSet,
  setReferenceTable: tables.setReferenceTable,
} as const;

type Edits = typeof EDITS;
export type EditType = keyof Edits;
export type EditCommand = { [K in EditType]: { readonly type: K } & Parameters<Edits[K]>[1] }[EditType];
type CommandOf<K extends EditType> = Extract<EditCommand, { type: K }>;

interface Meta<K extends EditType> {
  /** What the step did, after "Undo: ". `doc` is the draft before the edit. */
  label(c: CommandOf<K>, doc: TemplateDraft): string;
  /** Typing edits: consecutive commands with the same key merge (see history.ts). */
  coalesce?(c: CommandOf<K>): string;
}

const OPTION_LABELS: Record<match.MatchOption, string> = { sources: 'sources', duplicates: 'duplicate policy', aggregate: 'aggregation', clusterBy: 'clustering', severityRules: 'severity rules' };
const nameAt = (list: readonly { name: string }[] | undefined, i: number) => list?.[i]?.name ?? `${i + 1}`;
const fields = (patch: object) => Object.keys(patch).sort().join(',');
const ruleWhere = (ruleSet: number | undefined, doc: TemplateDraft) => (ruleSet === undefined ? '' : ` in rule set ${nameAt(doc.match?.ruleSets, ruleSet)}`);

const META: { [K in EditType]: Meta<K> } = {
  setFormula: { label: (c) => `edit formula ${c.target}`, coalesce: (c) => `formula\u0000${c.source}\u0000${c.target}` },
  setTargetDescription: { label: (c) => `edit description of ${c.target}`, coalesce: (c) => `target-description\u0000${c.source}\u0000${c.target}` },
  addTarget: { label: (c) => `add target ${c.target}` },
  renameTarget: { label: (c) => `rename target ${c.from} to ${c.to}` },
  removeTarget: { label: (c) => `remove target ${c.target}` },
  moveTarget: { label: (c) => `move target ${c.target}` },
  pasteFormulas: { label: (c) => `paste ${c.cells.length} formula${c.cells.length === 1 ? '' : 's'}` },
  setSourceFormat: { label: (c) => `change format of ${c.source} to ${c.format}` },
  setSourceOptions: { label: (c) => `change reader options of ${c.source}` },
  setSourceColumns: { label: (c) => `set columns of ${c.source}` },
  renameSourceColumn: { label: (c) => `rename column ${c.from} to ${c.to}${c.updateFormulas ? ' (formulas updated)' : ''}` },
  setMeta: { label: (c) => (c.name !== undefined ? 'rename template' : 'edit template description'), coalesce: (c) => `meta\u0000${fields(c)}` },
  setKind: { label: (c) => `change kind to ${c.kind}` },
  addValidation: { label: (c) => `add validation ${c.validation.name}` },
  updateValidation: { label: (c, doc) => `edit validation ${nameAt(doc.validations, c.index)}`, coalesce: (c) => `validation\u0000${c.index}\u0000${fields(c.patch)}` },
  removeValidation: { label: (c, doc) => `remove validation ${nameAt(doc.validations, c.index)}` },
  setMatch: { label: (c) => (c.match ? 'set up matching' : 'remove matching') },
  setMatchOption: { label: (c) => `change match ${OPTION_LABELS[c.option]}` },
  setKeys: { label: () => 'set match keys' },
  addKey: { label: (c) => `add key ${c.key.name}` },
  updateKey: { label: (c, doc) => `edit key ${nameAt(doc.match?.keys, c.index)}`, coalesce: (c) => `key\u0000${c.index}\u0000${fields(c.patch)}` },
  removeKey: { label: (c, doc) => `remove key ${nameAt(doc.match?.keys, c.index)}` },
  addRule: { label: (c, doc) => `add rule on ${c.rule.field}${ruleWhere(c.ruleSet, doc)}` },
  updateRule: { label: (c, doc) => `edit rule on ${c.rule.field}${ruleWhere(c.ruleSet, doc)}` },
  removeRule: { label: (c, doc) => `remove rule ${c.index + 1}${ruleWhere(c.ruleSet, doc)}` },
  addRuleSet: { label: (c) => `add rule set ${c.ruleSet.name}` },
  updateRuleSet: { label: (c, doc) => `edit rule set ${nameAt(doc.match?.ruleSets, c.index)}`, coalesce: (c) => `rule-set\u0000${c.index}\u0000${fields(c.patch)}` },
  moveRuleSet: { label: (c, doc) => `move rule set ${nameAt(doc.match?.ruleSets, c.index)}` },
  removeRuleSet: { label: (c, doc) => `remove rule set ${nameAt(doc.match?.ruleSets, c.index)}` },
  setReferenceTable: { label: (c, doc) => `${c.table ? (doc.referenceTables?.[c.name] ? 'replace' : 'add') : 'remove'} table ${c.name}` },
};

/** The draft after `command`; throws EditError (nothing changed) when it cannot apply. */
export function applyCommand(doc: TemplateDraft, command: EditCommand): TemplateDraft {
  const { type, ...args } = command;
  const edit = EDITS[type] as (doc: TemplateDraft, args: unknown) => TemplateDraft;
  if (!edit) throw new TypeError(`Unknown edit ${JSON.stringify(type)}`);
  return edit(doc, args);
}

export function describeCommand(command: EditCommand, doc: TemplateDraft): { label: string; coalesceKey?: string } {
  const meta = META[command.type] as Meta<EditType>;
  return { label: meta.label(command as never, doc), coalesceKey: meta.coalesce?.(command as never) };
}
