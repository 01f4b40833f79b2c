/**
 * The document the editor holds: a template as the analyst is writing it. It has the shape of
 * TemplateSchema's input (defaults may be missing) but may be invalid at any moment (an empty
 * formula while typing, a duplicate name), so nothing here assumes it parses. Edits replace
 * objects along the changed path and share the rest, so an undo snapshot costs little and
 * `doc === saved` tells whether anything changed.
 */
import type { TemplateInput } from '../../runtime/template/schema';

export type TemplateDraft = TemplateInput;
export type SourceDraft = TemplateDraft['sources'][number];
export type MappingDraft = NonNullable<TemplateDraft['mappings']>[string][number];
export type ValidationDraft = NonNullable<TemplateDraft['validations']>[number];
export type MatchDraft = NonNullable<TemplateDraft['match']>;
export type KeyDraft = MatchDraft['keys'][number];
export type RuleDraft = NonNullable<MatchDraft['rules']>[number];
export type RuleSetDraft = NonNullable<MatchDraft['ruleSets']>[number];
export type SourceColumnDraft = NonNullable<SourceDraft['columns']>[number];

/** A clear error for an edit that cannot apply (a UI bug, or a stale command): the document is left as it was. */
export class EditError extends Error {}

export const mappingsOf = (doc: TemplateDraft, source: string): readonly MappingDraft[] => doc.mappings?.[source] ?? [];

/** The source a validation runs against: its own, else the first (as the runner does). */
export const validationSource = (doc: TemplateDraft, v: ValidationDraft): string | undefined => v.source ?? doc.sources[0]?.name;

export function sourceIndex(doc: TemplateDraft, source: string): number {
  const i = doc.sources.findIndex((s) => s.name === source);
  if (i < 0) throw new EditError(`No source named \`${source}\`; the sources are ${doc.sources.map((s) => `\`${s.name}\``).join(', ') || 'none yet'}.`);
  return i;
}

export function targetIndex(doc: TemplateDraft, source: string, target: string): number {
  const i = mappingsOf(doc, source).findIndex((m) => m.target === target);
  if (i < 0) throw new EditError(`Source \`${source}\` has no target column \`${target}\`.`);
  return i;
}

export function checkIndex(list: readonly unknown[], index: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new EditError(`There is no ${what} ${index + 1} (there ${list.length === 1 ? 'is 1' : `are ${list.length}`}).`);
}

export function matchOf(doc: TemplateDraft): MatchDraft {
  if (!doc.match) {
    throw new EditError(doc.kind === 'mapping'
      ? 'A mapping template has no match section: set the kind to recon or nway first.'
      : `This ${doc.kind} template has no match section yet: set up matching (its sources and a key) first.`);
  }
  return doc.match;
}

/** `target` with `patch` merged in; a key set to `undefined` is removed (clearing an optional field). */
export function mergePatch<T extends object>(target: T, patch: object): T {
  const out = { ...target } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/** A copy of `list` with item `index` replaced. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const out = list.slice();
  out[index] = item;
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function insertAt<T>(list: readonly T[], index: number | undefined, item: T): T[] {
  const out = list.slice();
  out.splice(index === undefined ? out.length : Math.max(0, Math.min(out.length, index)), 0, item);
  return out;
}

export function withMappings(doc: TemplateDraft, source: string, mappings: MappingDraft[]): TemplateDraft {
  return { ...doc, mappings: { ...doc.mappings, [source]: mappings } };
}

export function withMatch(doc: TemplateDraft, match: MatchDraft): TemplateDraft {
  return { ...doc, match };
}
