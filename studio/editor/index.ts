/** The template editor's state: commands, undo/redo, references, autosave. */
export { TemplateEditor, type ApplyResult, type TemplateEditorOptions } from './template-editor.svelte';
export type { EditCommand, EditType } from './commands';
export type { SaveState, AutosaveHandler } from './autosave';
export type { BrokenReference, ColumnRef, PlaceReferences, SourceColumn } from './column-references';
export type { FormulaPlace, PlaceKind, DocPath } from './formula-places';
export type { TemplateDraft } from './template-draft';
export { default as UndoRedo } from './UndoRedo.svelte';
