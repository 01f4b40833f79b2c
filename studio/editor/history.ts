/**
 * Undo/redo as an immutable value: one user action per step (DESIGN.md §11.10). A step keeps
 * the draft before and after, so undo and redo are exact whatever the edit was (drafts share
 * unchanged parts, so this costs little).
 *
 * Typing coalesces: an edit with a coalesce key (the formula of one target, say) merges into
 * the step on top when that step has the same key, is still open, and its last keystroke was
 * at most `coalesceMs` ago. Any other edit, an undo or redo, or a seal (the editor's commit(),
 * e.g. on blur) closes the step.
 */
import type { TemplateDraft } from './template-draft';

export interface Step {
  readonly label: string;
  readonly before: TemplateDraft;
  readonly after: TemplateDraft;
  readonly coalesceKey?: string;
  /** When the step's last edit happened (ms). */
  readonly at: number;
}

export interface HistoryState {
  readonly undo: readonly Step[];
  readonly redo: readonly Step[];
  /** Whether the top undo step may still absorb a coalescing edit. */
  readonly open: boolean;
}

export const EMPTY_HISTORY: HistoryState = Object.freeze({ undo: [], redo: [], open: false });

/** Steps kept; the oldest are dropped past this. */
export const HISTORY_LIMIT = 500;

export function record(state: HistoryState, step: Step, { coalesceMs }: { coalesceMs: number }): HistoryState {
  const top = state.undo.at(-1);
  if (top && state.open && step.coalesceKey !== undefined && top.coalesceKey === step.coalesceKey && step.at - top.at <= coalesceMs) {
    return { undo: [...state.undo.slice(0, -1), { ...top, after: step.after, at: step.at }], redo: [], open: true };
  }
  // A new edit after undos forks history: what was undone cannot be redone any more.
  return { undo: [...state.undo, step].slice(-HISTORY_LIMIT), redo: [], open: step.coalesceKey !== undefined };
}

export const seal = (state: HistoryState): HistoryState => (state.open ? { ...state, open: false } : state);

export function undo(state: HistoryState): { state: HistoryState; step: Step } | undefined {
  const step = state.undo.at(-1);
  if (!step) return undefined;
  return { state: { undo: state.undo.slice(0, -1), redo: [...state.redo, step], open: false }, step };
}

export function redo(state: HistoryState): { state: HistoryState; step: Step } | undefined {
  const step = state.redo.at(-1);
  if (!step) return undefined;
  return { state: { undo: [...state.undo, step], redo: state.redo.slice(0, -1), open: false }, step };
}
