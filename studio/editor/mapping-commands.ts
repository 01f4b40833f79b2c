/**
 * Edits to sources and their mappings, as pure functions draft → draft. Each throws EditError
 * (and changes nothing) when it cannot apply, with a message the UI can show as it is.
 */
import { referencesOf, referencesTo, rewriteRefs } from './column-references';
import { getIn, setIn } from './formula-places';
import {
  EditError, insertAt, mappingsOf, removeAt, replaceAt, sourceIndex, targetIndex, withMappings,
  type MappingDraft, type SourceColumnDraft, type TemplateDraft,
} from './template-draft';

function requireName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new EditError(`A ${what} needs a name.`);
  return trimmed;
}

function requireFreeTarget(doc: TemplateDraft, source: string, target: string, except?: string): void {
  const clash = mappingsOf(doc, source).find((m) => m.target !== except && m.target.toLowerCase() === target.toLowerCase());
  if (clash) throw new EditError(`Source \`${source}\` already has a target column \`${clash.target}\`: pick another name.`);
}

export function setFormula(doc: TemplateDraft, { source, target, formula }: { source: string; target: string; formula: string }): TemplateDraft {
  const mappings = mappingsOf(doc, source);
  const i = targetIndex(doc, source, target);
  if (mappings[i].formula === formula) return doc;
  return withMappings(doc, source, replaceAt(mappings, i, { ...mappings[i], formula }));
}

export function setTargetDescription(doc: TemplateDraft, { source, target, description }: { source: string; target: string; description: string }): TemplateDraft {
  const mappings = mappingsOf(doc, source);
  const i = targetIndex(doc, source, target);
  return withMappings(doc, source, replaceAt(mappings, i, { ...mappings[i], description }));
}

export function addTarget(doc: TemplateDraft, { source, target, formula = '', description, index }: {
  source: string; target: string; formula?: string; description?: string; index?: number;
}): TemplateDraft {
  sourceIndex(doc, source);
  const name = requireName(target, 'target column');
  requireFreeTarget(doc, source, name);
  const mapping: MappingDraft = description === undefined ? { target: name, formula } : { target: name, formula, description };
  return withMappings(doc, source, insertAt(mappingsOf(doc, source), index, mapping));
}

/**
 * Renames a target column. Validations, keys and rule-set filters of the source that read it
 * follow unless `updateReferences` is false, and so do the outputs that list it.
 */
export function renameTarget(doc: TemplateDraft, { source, from, to, updateReferences = true }: {
  source: string; from: string; to: string; updateReferences?: boolean;
}): TemplateDraft {
  const i = targetIndex(doc, source, from);
  const name = requireName(to, 'target column');
  requireFreeTarget(doc, source, name, from);
  let out = doc;
  if (updateReferences) {
    for (const { place, refs } of referencesOf(doc, { source, column: from }, 'target')) out = setIn(out, place.path, rewriteRefs(place.formula, refs, name));
    if (out.outputs?.some((o) => o.columns?.includes(from))) {
      out = { ...out, outputs: out.outputs.map((o) => (o.columns?.includes(from) ? { ...o, columns: o.columns.map((c) => (c === from ? name : c)) } : o)) };
    }
  }
  const mappings = mappingsOf(out, source);
  return withMappings(out, source, replaceAt(mappings, i, { ...mappings[i], target: name }));
}

export function removeTarget(doc: TemplateDraft, { source, target }: { source: string; target: string }): TemplateDraft {
  return withMappings(doc, source, removeAt(mappingsOf(doc, source), targetIndex(doc, source, target)));
}

export function moveTarget(doc: TemplateDraft, { source, target, to }: { source: string; target: string; to: number }): TemplateDraft {
  const mappings = mappingsOf(doc, source);
  const i = targetIndex(doc, source, target);
  return withMappings(doc, source, insertAt(removeAt(mappings, i), to, mappings[i]));
}

/** Many cells at once (a paste from a sheet): existing targets get the formula, new ones are appended. */
export function pasteFormulas(doc: TemplateDraft, { source, cells }: { source: string; cells: readonly { target: string; formula: string }[] }): TemplateDraft {
  sourceIndex(doc, source);
  if (cells.length === 0) throw new EditError('Nothing to paste.');
  let mappings = mappingsOf(doc, source).slice();
  for (const cell of cells) {
    const target = requireName(cell.target, 'target column');
    const i = mappings.findIndex((m) => m.target === target);
    if (i >= 0) mappings[i] = { ...mappings[i], formula: cell.formula };
    else {
      requireFreeTarget(withMappings(doc, source, mappings), source, target);
      mappings = [...mappings, { target, formula: cell.formula }];
    }
  }
  return withMappings(doc, source, mappings);
}

function withSource(doc: TemplateDraft, source: string, patch: Partial<TemplateDraft['sources'][number]>): TemplateDraft {
  const i = sourceIndex(doc, source);
  return { ...doc, sources: replaceAt(doc.sources, i, { ...doc.sources[i], ...patch }) };
}

export function setSourceFormat(doc: TemplateDraft, { source, format }: { source: string; format: TemplateDraft['sources'][number]['format'] }): TemplateDraft {
  return withSource(doc, source, { format });
}

export function setSourceOptions(doc: TemplateDraft, { source, options }: { source: string; options: Record<string, unknown> }): TemplateDraft {
  return withSource(doc, source, { options });
}

export function setSourceColumns(doc: TemplateDraft, { source, columns }: { source: string; columns: readonly SourceColumnDraft[] }): TemplateDraft {
  const seen = new Set<string>();
  for (const c of columns) {
    requireName(c.name, 'column');
    if (seen.has(c.name)) throw new EditError(`Column \`${c.name}\` is listed twice for \`${source}\`.`);
    seen.add(c.name);
  }
  return withSource(doc, source, { columns: [...columns] });
}

/**
 * Renames a source column where the template declares it and, with `updateFormulas`, in every
 * formula that reads it (`[from]` in the source's own formulas, `[source!from]` anywhere).
 * Without it the formulas keep the old name, and brokenReferences() lists them.
 */
export function renameSourceColumn(doc: TemplateDraft, { source, from, to, updateFormulas }: {
  source: string; from: string; to: string; updateFormulas: boolean;
}): TemplateDraft {
  const s = doc.sources[sourceIndex(doc, source)];
  const name = requireName(to, 'column');
  const columns = s.columns ?? [];
  if (name !== from && columns.some((c) => c.name === name)) throw new EditError(`Source \`${source}\` already has a column \`${name}\`: pick another name.`);
  let out = columns.some((c) => c.name === from) ? withSource(doc, source, { columns: columns.map((c) => (c.name === from ? { ...c, name } : c)) }) : doc;
  if (updateFormulas) {
    for (const { place, refs } of referencesTo(doc, { source, column: from })) {
      out = setIn(out, place.path, rewriteRefs(getIn(out, place.path) as string, refs, name));
    }
  }
  return out;
}

/** The kind changes alone; the draft's findings then say what the new kind still needs (a match section, or none). */
export function setKind(doc: TemplateDraft, { kind }: { kind: TemplateDraft['kind'] }): TemplateDraft {
  return { ...doc, kind };
}

export function setMeta(doc: TemplateDraft, { name, description }: { name?: string; description?: string }): TemplateDraft {
  if ((name === undefined || name === doc.name) && (description === undefined || description === doc.description)) return doc;
  return { ...doc, ...(name === undefined ? {} : { name }), ...(description === undefined ? {} : { description }) };
}
