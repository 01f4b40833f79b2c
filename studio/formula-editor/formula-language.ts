/**
 * The `opspilot-formula` language for Monaco, as data: Monarch tokens, brackets and the
 * studio's light theme. Known function names (from the registry) colour differently from
 * unknown ones, so a typo shows before the checker's marker does.
 */
import type { editor, languages } from 'monaco-editor/editor';
import { FUNCTIONS } from '../../runtime/formula/index';
import { ERROR_CODES } from '../../runtime/formula/library/values';

export const FORMULA_LANGUAGE_ID = 'opspilot-formula';
export const FORMULA_THEME = 'opspilot-light';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Inside brackets a quote escapes `[`, `]` or a quote (column-ref.ts); any other character is literal. */
const BRACKET_BODY = "(?:'[\\[\\]']|[^\\]])*";

export function formulaMonarch(functionNames: readonly string[] = FUNCTIONS.map((f) => f.name)): languages.IMonarchLanguage {
  return {
    ignoreCase: true,
    defaultToken: 'invalid',
    tokenPostfix: '.formula',
    functions: [...functionNames],
    brackets: [
      { open: '(', close: ')', token: 'delimiter.parenthesis' },
      { open: '{', close: '}', token: 'delimiter.curly' },
    ],
    tokenizer: {
      root: [
        [/\s+/, 'white'],
        [/"/, { token: 'string.quote', next: '@text' }],
        [new RegExp(`(\\[)([^\\]!'\\[]+!)(${BRACKET_BODY})(\\])`), ['delimiter.column', 'type.source', 'variable.column', 'delimiter.column']],
        [new RegExp(`(\\[)(${BRACKET_BODY})(\\])`), ['delimiter.column', 'variable.column', 'delimiter.column']],
        // A reference still being typed: no `]` yet on this line.
        [new RegExp(`\\[${BRACKET_BODY}$`), 'variable.column'],
        [/[A-Za-z_][\w.]*(?=\s*\()/, { cases: { '@functions': 'keyword.function', '@default': 'function.unknown' } }],
        [/[A-Za-z_][\w.]*(?=\[)/, 'type.table'],
        [/(?:TRUE|FALSE)(?![\w.])/, 'constant.boolean'],
        [/[A-Za-z_][\w.]*/, 'identifier'],
        [new RegExp(ERROR_CODES.map(escapeRegex).join('|')), 'constant.error'],
        [/(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/, 'number'],
        [/<>|<=|>=|[+\-*/^&=<>%]/, 'operator'],
        [/[(){}]/, '@brackets'],
        [/[,;]/, 'delimiter'],
      ],
      text: [
        [/[^"]+/, 'string'],
        [/""/, 'string.escape'],
        [/"/, { token: 'string.quote', next: '@pop' }],
      ],
    },
  };
}

export const FORMULA_LANGUAGE_CONFIGURATION: languages.LanguageConfiguration = {
  wordPattern: /[A-Za-z_][\w.]*|\d+(?:\.\d*)?/,
  // `[...]` is a column reference, not a bracket pair: it keeps the column colour.
  brackets: [
    ['(', ')'],
    ['{', '}'],
  ],
  // Brackets close themselves; quotes do not, so `""` inside text types as Excel users expect.
  autoClosingPairs: [
    { open: '(', close: ')', notIn: ['string'] },
    { open: '[', close: ']', notIn: ['string'] },
    { open: '{', close: '}', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
};

/** The studio's palette (src/app.css): ink text on white, the accent for known functions. */
export const FORMULA_THEME_DATA: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: '', foreground: '1b2430' },
    { token: 'keyword.function', foreground: '1f4fd1', fontStyle: 'bold' },
    { token: 'function.unknown', foreground: 'b42318', fontStyle: 'underline' },
    { token: 'variable.column', foreground: '067647' },
    { token: 'delimiter.column', foreground: '067647' },
    { token: 'type.source', foreground: '6941c6' },
    { token: 'type.table', foreground: '9e4a00', fontStyle: 'bold' },
    { token: 'string', foreground: '9e4a00' },
    { token: 'string.escape', foreground: 'b54708', fontStyle: 'bold' },
    { token: 'number', foreground: '175cd3' },
    { token: 'constant.boolean', foreground: '6941c6' },
    { token: 'constant.error', foreground: 'b42318' },
    { token: 'operator', foreground: '5b6675' },
    { token: 'delimiter', foreground: '5b6675' },
    { token: 'identifier', foreground: '1b2430' },
    { token: 'invalid', foreground: 'b42318' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editor.foreground': '#1b2430',
    'editorCursor.foreground': '#1f4fd1',
    'editor.selectionBackground': '#cfdcfb',
    'editor.inactiveSelectionBackground': '#e8eefc',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#00000000',
    'editorError.foreground': '#b42318',
    'editorWarning.foreground': '#b54708',
    'editorSuggestWidget.selectedBackground': '#e8eefc',
    'editorSuggestWidget.border': '#dfe3ea',
    'editorHoverWidget.border': '#dfe3ea',
    'focusBorder': '#1f4fd1',
  },
};
