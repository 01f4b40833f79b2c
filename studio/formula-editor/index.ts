/**
 * The formula editor for pages and the grid. Importing this loads no Monaco: the component
 * fetches it when it mounts. Mount with `bind:this` to call `insertReference` and `focus`.
 */
export { default as FormulaEditor } from './FormulaEditor.svelte';
export { COLUMN_MIME, acceptsDrag, columnDragData, droppedText, setColumnDragData } from './column-drag';
export type { EditorColumn, ExpectedResult, FormulaContext } from './formula-context';
export type { EditorDiagnostic } from './formula-diagnostics';
