/**
 * Monaco, loaded only when a formula editor mounts (FormulaEditor imports this module
 * dynamically, in the browser). It takes the core editor API and just the features the
 * formula editor uses, never the bundled languages, and runs Monaco's worker as a Vite
 * worker (DESIGN.md §10).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/suggest/register';
// The suggest feature module registers inline completions only; the suggestion list lives here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/wordOperations/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { installFormulaLanguage } from './monaco-providers';

type Environment = { getWorker(workerId: string, label: string): Worker };

const scope = globalThis as unknown as { MonacoEnvironment?: Environment };
scope.MonacoEnvironment ??= { getWorker: () => new EditorWorker() };
installFormulaLanguage(monaco);

export { monaco };
