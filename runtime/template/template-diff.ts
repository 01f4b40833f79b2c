/**
 * What changed between two versions of a template, for the version history and the approver who
 * signs a version off: changes grouped by section, items matched by identity (target, validation,
 * key, rule field and kind) not by position, formulas as text for an inline diff, rules as their
 * plain-English sentences. Pure and browser-safe.
 *
 * Versions may be half-written drafts: nothing here throws. What has the schema's shape is
 * compared part by part; what does not is compared as JSON, section by section.
 */
import { migrateTemplate } from './migrations';
import { CURRENT_SCHEMA_VERSION, TemplateSchema } from './schema';
import { describeContext, diffKeys, diffMatchSettings, diffRules, diffRuleSets, diffSeverityRules, readMatch } from './template-diff-match';
import { diffMappings, diffOutputs, diffSources, diffValidations, type SourceRenames } from './template-diff-sections';
import {
  compareField, compareRest, compareWhole, DIFF_SECTIONS, isRecord, normalise,
  type DiffSection, type Emit, type Json, type TemplateChange,
} from './template-diff-support';
import { diffReferenceTables } from './template-diff-tables';

export { inlineDiff, type InlineOp, type InlineSegment } from './template-diff-inline';
export { DIFF_SECTIONS, type ChangeDetail, type ChangeKind, type DiffSection, type TemplateChange, type ValueFormat } from './template-diff-support';

export interface DiffGroup {
  readonly section: DiffSection;
  readonly title: string;
  readonly changes: readonly TemplateChange[];
}

/** Something about one side that the reader should know before trusting the comparison; the page names the version. */
export interface DiffNote {
  readonly side: 'before' | 'after';
  readonly message: string;
}

export interface TemplateDiff {
  /** In section order (DIFF_SECTIONS), then document order within a section. */
  readonly changes: readonly TemplateChange[];
  /** The same changes, one group per section that has any. */
  readonly groups: readonly DiffGroup[];
  readonly notes: readonly DiffNote[];
}

export const SECTION_TITLES: Readonly<Record<DiffSection, string>> = {
  settings: 'Settings', sources: 'Sources', mappings: 'Mappings', validations: 'Validations', keys: 'Match keys',
  rules: 'Rules', ruleSets: 'Rule sets', 'reference tables': 'Reference tables', outputs: 'Outputs',
};

const TOP_LEVEL = ['schemaVersion', 'name', 'description', 'kind', 'sources', 'mappings', 'validations', 'match', 'referenceTables', 'outputs'];

export function diffTemplates({ before, after }: { before: unknown; after: unknown }): TemplateDiff {
  const notes: DiffNote[] = [];
  const b = readSide('before', before, notes);
  const a = readSide('after', after, notes);
  const changes: TemplateChange[] = [];
  if (!b || !a) compareWhole((c) => changes.push(c), { section: 'settings', path: [], label: 'Whole document', before, after });
  else changes.push(...diffDocuments(b, a));
  const order = (s: DiffSection) => DIFF_SECTIONS.indexOf(s);
  const sorted = changes.map((c, i) => ({ c, i })).sort((x, y) => order(x.c.section) - order(y.c.section) || x.i - y.i).map((x) => x.c);
  const groups = DIFF_SECTIONS.map((section) => ({ section, title: SECTION_TITLES[section], changes: sorted.filter((c) => c.section === section) })).filter((g) => g.changes.length);
  return { changes: sorted, groups, notes };
}

function readSide(side: DiffNote['side'], doc: unknown, notes: DiffNote[]): Json | undefined {
  if (!isRecord(doc)) {
    const what = doc === null || doc === undefined ? 'empty' : Array.isArray(doc) ? 'a list' : `a ${typeof doc}`;
    notes.push({ side, message: `The document is ${what}, not a template object, so it is compared as a whole. Open that version and save a valid template to compare it section by section.` });
    return undefined;
  }
  const migrated = migrateTemplate({ doc });
  if (migrated.ok && isRecord(migrated.doc)) return migrated.doc;
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > CURRENT_SCHEMA_VERSION) {
    notes.push({ side, message: `${migrated.ok ? '' : migrated.message} Parts this build does not know are compared as JSON.` });
  }
  return doc;
}

function diffDocuments(before: Json, after: Json): TemplateChange[] {
  const out: TemplateChange[] = [];
  const b = normalise(TemplateSchema.shape, before);
  const a = normalise(TemplateSchema.shape, after);
  const bm = readMatch(b.match);
  const am = readMatch(a.match);
  const match = (m: Json | null, key: string) => (m ? m[key] : undefined);
  const ctx = { before: describeContext(bm ?? {}), after: describeContext(am ?? {}) };
  let renames: SourceRenames = new Map();

  // Each section on its own: a bug or a shape nobody foresaw in one costs that section its detail, not the whole diff.
  const section = (s: DiffSection, label: string, path: readonly PropertyKey[], raw: (d: Json) => unknown, run: (emit: Emit) => void) => {
    const local: TemplateChange[] = [];
    try {
      run((c) => local.push(c));
      out.push(...(s === 'settings' ? local : inDocumentOrder(local)));
    } catch {
      compareWhole((c) => out.push(c), { section: s, path, label, before: raw(b), after: raw(a) });
    }
  };
  section('settings', 'Settings', [], (d) => ({ name: d.name, description: d.description, kind: d.kind }), (emit) => {
    for (const key of ['name', 'description', 'kind', 'schemaVersion']) compareField(emit, { section: 'settings', path: [key], label: settingLabel(key), before: b[key], after: a[key] });
    compareRest(emit, { section: 'settings', path: [], label: 'Document', before: b, after: a, known: TOP_LEVEL });
    if (!bm || !am) compareWhole(emit, { section: 'settings', path: ['match'], label: 'Match', before: b.match, after: a.match });
    else diffMatchSettings(emit, { before: bm, after: am });
  });
  section('sources', 'Sources', ['sources'], (d) => d.sources, (emit) => { renames = diffSources(emit, { before: b.sources, after: a.sources }); });
  section('mappings', 'Mappings', ['mappings'], (d) => d.mappings, (emit) => diffMappings(emit, { before: b.mappings, after: a.mappings, renames }));
  section('validations', 'Validations', ['validations'], (d) => d.validations, (emit) => diffValidations(emit, { before: b.validations, after: a.validations }));
  if (bm && am) {
    section('keys', 'Match keys', ['match', 'keys'], (d) => match(d === b ? bm : am, 'keys'), (emit) => diffKeys(emit, { before: bm.keys, after: am.keys, renames }));
    section('rules', 'Rules', ['match', 'rules'], (d) => match(d === b ? bm : am, 'rules'), (emit) => {
      diffRules(emit, { section: 'rules', path: ['match', 'rules'], prefix: '', before: bm.rules, after: am.rules, ctx });
      diffSeverityRules(emit, { before: bm.severityRules, after: am.severityRules });
    });
    section('ruleSets', 'Rule sets', ['match', 'ruleSets'], (d) => match(d === b ? bm : am, 'ruleSets'), (emit) => diffRuleSets(emit, { before: bm.ruleSets, after: am.ruleSets, ctx }));
  }
  section('reference tables', 'Reference tables', ['referenceTables'], (d) => d.referenceTables, (emit) => diffReferenceTables(emit, { before: b.referenceTables, after: a.referenceTables }));
  section('outputs', 'Outputs', ['outputs'], (d) => d.outputs, (emit) => diffOutputs(emit, { before: b.outputs, after: a.outputs }));
  return out;
}

/**
 * Changes in the order their items sit in the document (a removed item at its old place), whatever
 * order the matching found them in; changes to one item keep their emitted order.
 */
function inDocumentOrder(changes: readonly TemplateChange[]): TemplateChange[] {
  const itemKey = (path: string) => {
    const last = path.lastIndexOf(']');
    return (last < 0 ? path : path.slice(0, last + 1)).replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(9, '0')}]`);
  };
  // At one place, what went comes before what came.
  const rank = (c: TemplateChange) => (c.change === 'removed' ? 0 : 1);
  return changes.map((c, i) => ({ c, i, k: itemKey(c.path) })).sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : rank(x.c) - rank(y.c) || x.i - y.i)).map((x) => x.c);
}

const settingLabel = (key: string) => ({ name: 'Name', description: 'Description', kind: 'Kind', schemaVersion: 'Schema version' })[key] ?? key;
