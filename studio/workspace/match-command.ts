/** The Match panel's edits as editor commands: one panel action, one undo step. */
import type { EditCommand } from '$studio/editor/commands';
import type { MatchEdit } from '$studio/rules/match-edits';

export function matchCommand(edit: MatchEdit): EditCommand {
  switch (edit.op) {
    case 'createMatch':
      return { type: 'setMatch', match: edit.match };
    case 'updateRule':
      return { type: 'updateRule', index: edit.index, rule: edit.rule, ruleSet: edit.ruleSet };
    default: {
      const { op, ...rest } = edit;
      return { type: op, ...rest } as EditCommand;
    }
  }
}
