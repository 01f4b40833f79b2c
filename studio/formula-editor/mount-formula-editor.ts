/**
 * One formula editor on a DOM element: a Monaco editor that looks like a formula bar. Enter
 * commits, Shift+Enter breaks the line, Escape reverts to the last committed text, leaving
 * the editor commits (as clicking away from an Excel cell does). It grows with its content up
 * to `maxLines`, checks the formula on every change and takes dropped column references.
 * Part of the lazily loaded chunk: only FormulaEditor.svelte imports it, dynamically.
 */
import { acceptsDrag, droppedText } from './column-drag';
import { FONT_FAMILY, FONT_SIZE, LINE_HEIGHT, PADDING, heightFor } from './editor-metrics';
import type { FormulaContext } from './formula-context';
import { checkFormulaText, formulaMarkers, type EditorDiagnostic } from './formula-diagnostics';
import { FORMULA_LANGUAGE_ID, FORMULA_THEME } from './formula-language';
import { monaco } from './load-monaco';
import { forgetModel, setModelContext } from './monaco-providers';

export interface MountOptions {
  element: HTMLElement;
  value: string;
  context: FormulaContext;
  ariaLabel: string;
  placeholder?: string;
  readOnly?: boolean;
  maxLines: number;
  onChange(text: string): void;
  onCommit(text: string): void;
  onCancel(text: string): void;
  onDiagnostics(diagnostics: readonly EditorDiagnostic[]): void;
}

export interface FormulaEditorHandle {
  /** Replaces the text from outside (undo, another cell): it becomes the committed text too. */
  setValue(text: string): void;
  setContext(context: FormulaContext): void;
  setReadOnly(readOnly: boolean): void;
  /** Inserts at the cursor (replacing the selection) and focuses the editor. */
  insert(text: string): void;
  focus(): void;
  dispose(): void;
}

export const MARKER_OWNER = 'opspilot-formula';
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

export function mountFormulaEditor(o: MountOptions): FormulaEditorHandle {
  const { editor, KeyCode, KeyMod, Range } = monaco;
  const model = editor.createModel(normalise(o.value), FORMULA_LANGUAGE_ID);
  model.setEOL(editor.EndOfLineSequence.LF);
  let context = o.context;
  let committed = model.getValue();
  let silent = false;
  setModelContext(model, context);

  const ed = editor.create(o.element, {
    model,
    theme: FORMULA_THEME,
    ariaLabel: o.ariaLabel,
    placeholder: o.placeholder,
    readOnly: o.readOnly ?? false,
    automaticLayout: true,
    fixedOverflowWidgets: true,
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 8,
    lineNumbersMinChars: 0,
    minimap: { enabled: false },
    wordWrap: 'on',
    wrappingIndent: 'none',
    scrollBeyondLastLine: false,
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    renderLineHighlight: 'none',
    scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8 },
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
    padding: { top: PADDING, bottom: PADDING },
    tabFocusMode: true,
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, strings: false, comments: false },
    suggestOnTriggerCharacters: true,
    suggest: { insertMode: 'replace', showWords: false, preview: false },
    parameterHints: { enabled: true, cycle: false },
    acceptSuggestionOnEnter: 'on',
    contextmenu: true,
    links: false,
    unicodeHighlight: { ambiguousCharacters: false },
    dropIntoEditor: { enabled: false },
    stickyScroll: { enabled: false },
  });

  const check = () => {
    const text = model.getValue();
    const { diagnostics } = checkFormulaText({ text, context });
    editor.setModelMarkers(model, MARKER_OWNER, formulaMarkers(text, diagnostics));
    o.onDiagnostics(diagnostics);
  };
  const fit = () => {
    const height = Math.min(ed.getContentHeight(), heightFor(o.maxLines));
    o.element.style.height = `${height}px`;
  };
  const commit = () => {
    committed = model.getValue();
    o.onCommit(committed);
  };

  const disposables = [
    model.onDidChangeContent(() => {
      check();
      if (!silent) o.onChange(model.getValue());
    }),
    ed.onDidContentSizeChange(fit),
    ed.onDidBlurEditorWidget(() => {
      if (model.getValue() !== committed) commit();
    }),
  ];
  // Enter commits unless a list is open (then it picks the suggestion or the quick fix).
  ed.addCommand(KeyCode.Enter, commit, '!suggestWidgetVisible && !codeActionMenuVisible');
  ed.addCommand(KeyMod.Shift | KeyCode.Enter, () => ed.trigger('keyboard', 'type', { text: '\n' }), '!suggestWidgetVisible');
  ed.addCommand(
    KeyCode.Escape,
    () => {
      // As an edit, so Ctrl+Z brings the abandoned text back.
      if (model.getValue() !== committed) ed.executeEdits('revert', [{ range: model.getFullModelRange(), text: committed }]);
      o.onCancel(committed);
    },
    '!suggestWidgetVisible && !parameterHintsVisible && !codeActionMenuVisible',
  );

  const insertAt = (range: InstanceType<typeof Range>, text: string) => {
    if (ed.getOption(editor.EditorOption.readOnly)) return;
    ed.executeEdits('insert-reference', [{ range, text, forceMoveMarkers: true }]);
    ed.pushUndoStop();
    ed.focus();
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer || !acceptsDrag([...e.dataTransfer.types])) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = ed.getOption(editor.EditorOption.readOnly) ? 'none' : 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer) return;
    // Handled here, before Monaco's text area would take the drop as typing.
    e.preventDefault();
    e.stopPropagation();
    const text = droppedText(e.dataTransfer);
    if (!text) return;
    const position = ed.getTargetAtClientPoint(e.clientX, e.clientY)?.position ?? model.getFullModelRange().getEndPosition();
    insertAt(Range.fromPositions(position), text);
  };
  o.element.addEventListener('dragover', onDragOver, true);
  o.element.addEventListener('drop', onDrop, true);

  check();
  fit();

  return {
    setValue(text) {
      const next = normalise(text);
      // The parent echoing what onChange just told it is not a new baseline for Escape.
      if (next === model.getValue()) return;
      committed = next;
      silent = true;
      try {
        model.setValue(next);
      } finally {
        silent = false;
      }
    },
    setContext(next) {
      context = next;
      setModelContext(model, next);
      check();
    },
    setReadOnly(readOnly) {
      ed.updateOptions({ readOnly });
    },
    insert(text) {
      insertAt(ed.getSelection() ?? Range.fromPositions(model.getFullModelRange().getEndPosition()), text);
    },
    focus() {
      ed.focus();
    },
    dispose() {
      o.element.removeEventListener('dragover', onDragOver, true);
      o.element.removeEventListener('drop', onDrop, true);
      for (const d of disposables) d.dispose();
      editor.setModelMarkers(model, MARKER_OWNER, []);
      forgetModel(model);
      ed.dispose();
      model.dispose();
    },
  };
}
