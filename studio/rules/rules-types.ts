/**
 * The shapes the rules panels share with the page that hosts them: the template parts they show,
 * the sources' known columns, and the hook through which the page plugs in its formula editor.
 */
import type { Snippet } from 'svelte';
import type { ColumnType } from '../../runtime/table/table';
import type { Template, ToleranceRule } from '../../runtime/template/schema';

export type Match = NonNullable<Template['match']>;
export type MatchKey = Match['keys'][number];
export type RuleSet = Match['ruleSets'][number];
export type Validation = Template['validations'][number];
export type { ToleranceRule };

/** A source and the columns its rows have (read columns plus mapped targets). */
export interface SourceColumns {
  readonly name: string;
  /**
   * Its columns as formulas see them. `mapped: false` marks a column of the file that no target
   * maps: key formulas may read it, but a run compares mapped targets only, so rules cannot.
   */
  readonly columns: readonly { readonly name: string; readonly type?: ColumnType; readonly mapped?: boolean }[];
}

/** What the page's formula editor (Monaco) receives; it calls onChange when the user commits text. */
export interface FormulaEditorArgs {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly ariaLabel: string;
}
export type FormulaEditorSnippet = Snippet<[FormulaEditorArgs]>;
