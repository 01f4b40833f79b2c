/**
 * The formula language's Monaco registrations: tokens, theme and the completion, signature,
 * hover and quick-fix providers. Providers are per language, not per editor, so each model
 * registers the context it is edited in (its columns and tables) under its URI. The answers
 * come from the pure modules beside this one; this file only translates them for Monaco.
 */
import type * as Monaco from 'monaco-editor/editor';
import { completionsAt, type CompletionKind } from './completions';
import type { FormulaContext } from './formula-context';
import { checkFormulaText } from './formula-diagnostics';
import { FORMULA_LANGUAGE_CONFIGURATION, FORMULA_LANGUAGE_ID, FORMULA_THEME, FORMULA_THEME_DATA, formulaMonarch } from './formula-language';
import { hoverAt } from './hover-info';
import { quickFixes, quickFixesIn } from './quick-fixes';
import { signatureHelpAt } from './signature-help';

type MonacoApi = typeof Monaco;

const contexts = new Map<string, FormulaContext>();
const EMPTY: FormulaContext = { columns: [] };
let installed = false;

export function setModelContext(model: Monaco.editor.ITextModel, context: FormulaContext): void {
  contexts.set(model.uri.toString(), context);
}

export function forgetModel(model: Monaco.editor.ITextModel): void {
  contexts.delete(model.uri.toString());
}

const contextOf = (model: Monaco.editor.ITextModel) => contexts.get(model.uri.toString()) ?? EMPTY;

/** Registers the language once per page; later editors reuse it. */
export function installFormulaLanguage(monaco: MonacoApi): void {
  if (installed) return;
  installed = true;
  const { languages, editor, Range } = monaco;
  languages.register({ id: FORMULA_LANGUAGE_ID, aliases: ['OpsPilot formula'] });
  languages.setMonarchTokensProvider(FORMULA_LANGUAGE_ID, formulaMonarch());
  languages.setLanguageConfiguration(FORMULA_LANGUAGE_ID, FORMULA_LANGUAGE_CONFIGURATION);
  editor.defineTheme(FORMULA_THEME, FORMULA_THEME_DATA);

  const kinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    column: languages.CompletionItemKind.Field,
    source: languages.CompletionItemKind.Module,
    function: languages.CompletionItemKind.Function,
    'table-column': languages.CompletionItemKind.Struct,
    keyword: languages.CompletionItemKind.Keyword,
  };
  const rangeOf = (model: Monaco.editor.ITextModel, start: number, end: number) =>
    Range.fromPositions(model.getPositionAt(start), model.getPositionAt(end));

  languages.registerCompletionItemProvider(FORMULA_LANGUAGE_ID, {
    triggerCharacters: ['[', '!'],
    provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position);
      const result = completionsAt({ text: model.getValue(), offset, context: contextOf(model) });
      const insert = rangeOf(model, result.start, offset);
      const replace = rangeOf(model, result.start, Math.max(offset, result.end));
      return {
        suggestions: result.items.map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          insertTextRules: item.snippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          filterText: item.filterText,
          detail: item.detail,
          documentation: item.documentation === undefined ? undefined : { value: item.documentation },
          sortText: item.sortText,
          range: { insert, replace },
          command:
            item.then === 'suggest'
              ? { id: 'editor.action.triggerSuggest', title: 'Suggest columns' }
              : item.then === 'parameter-hints' && item.snippet
                ? { id: 'editor.action.triggerParameterHints', title: 'Show parameters' }
                : undefined,
        })),
      };
    },
  });

  languages.registerSignatureHelpProvider(FORMULA_LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    provideSignatureHelp(model, position) {
      const help = signatureHelpAt({ text: model.getValue(), offset: model.getOffsetAt(position) });
      if (!help) return null;
      const signature = {
        label: help.label,
        documentation: { value: help.documentation },
        parameters: help.parameters.map((p) => ({ label: [p.label[0], p.label[1]] as [number, number], documentation: { value: p.documentation } })),
        activeParameter: help.activeParameter,
      };
      return { value: { signatures: [signature], activeSignature: 0, activeParameter: help.activeParameter }, dispose() {} };
    },
  });

  languages.registerHoverProvider(FORMULA_LANGUAGE_ID, {
    provideHover(model, position) {
      const info = hoverAt({ text: model.getValue(), offset: model.getOffsetAt(position), context: contextOf(model) });
      if (!info) return null;
      return { range: rangeOf(model, info.start, info.end), contents: info.contents.map((value) => ({ value })) };
    },
  });

  languages.registerCodeActionProvider(
    FORMULA_LANGUAGE_ID,
    {
      provideCodeActions(model, range, context) {
        const text = model.getValue();
        const { diagnostics } = checkFormulaText({ text, context: contextOf(model) });
        const start = model.getOffsetAt(range.getStartPosition());
        const end = model.getOffsetAt(range.getEndPosition());
        const actions = quickFixesIn(quickFixes({ text, diagnostics }), start, end).map((fix) => ({
          title: fix.title,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: context.markers.filter((m) => m.message === fix.diagnostic.message),
          edit: { edits: [{ resource: model.uri, textEdit: { range: rangeOf(model, fix.start, fix.end), text: fix.text }, versionId: model.getVersionId() }] },
        }));
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}
