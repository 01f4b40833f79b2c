/**
 * The template editor's state: the draft as the single source of truth (the grid and the
 * formula editor are views of it), edits as commands, undo/redo one user action per step,
 * dirty tracking with a debounced autosave, and the whole draft's findings, derived.
 *
 * Svelte 5 runes: read `editor.doc`, `editor.findings`, `editor.canUndo`… in a component and it
 * updates. Outside components, `subscribe` follows the draft (the Svelte store contract).
 */
import type { Finding } from '../../runtime/finding';
import { parseTemplate } from '../../runtime/template/validate';
import { createAutosave, type AutosaveHandler, type SaveState } from './autosave';
import { brokenReferences, referencesTo, type BrokenReference, type PlaceReferences, type SourceColumn } from './column-references';
import { applyCommand, describeCommand, type EditCommand } from './commands';
import { EMPTY_HISTORY, record, redo, seal, undo, type HistoryState } from './history';
import { EditError, type TemplateDraft } from './template-draft';

export interface TemplateEditorOptions {
  readonly doc: TemplateDraft;
  /** Keystrokes in one field at most this far apart merge into one undo step. Default 1000. */
  readonly coalesceMs?: number;
  /** Autosave this long after the last edit. Default 2000. */
  readonly autosaveMs?: number;
  /** Clock for coalescing; Date.now by default. */
  readonly now?: () => number;
}

export type ApplyResult = { readonly ok: true; readonly label: string } | { readonly ok: false; readonly error: string };

export class TemplateEditor {
  #doc = $state.raw<TemplateDraft>(undefined as never);
  #saved = $state.raw<TemplateDraft>(undefined as never);
  #history = $state.raw<HistoryState>(EMPTY_HISTORY);
  #saving = $state(false);
  #saveError = $state<string | undefined>(undefined);
  readonly #coalesceMs: number;
  readonly #now: () => number;
  readonly #listeners = new Set<(doc: TemplateDraft) => void>();
  readonly #autosave;

  /** parseTemplate over the draft: structure, names, and every formula against its columns. */
  readonly validation = $derived.by(() => parseTemplate({ doc: this.#doc }));
  readonly findings: readonly Finding[] = $derived(this.validation.findings);
  readonly dirty: boolean = $derived(this.#doc !== this.#saved);
  readonly canUndo: boolean = $derived(this.#history.undo.length > 0);
  readonly canRedo: boolean = $derived(this.#history.redo.length > 0);
  /** "Undo: edit formula Notional", or undefined when there is nothing to undo. */
  readonly undoLabel: string | undefined = $derived.by(() => {
    const step = this.#history.undo.at(-1);
    return step && `Undo: ${step.label}`;
  });
  readonly redoLabel: string | undefined = $derived.by(() => {
    const step = this.#history.redo.at(-1);
    return step && `Redo: ${step.label}`;
  });

  constructor({ doc, coalesceMs = 1000, autosaveMs = 2000, now = () => Date.now() }: TemplateEditorOptions) {
    this.#doc = doc;
    this.#saved = doc;
    this.#coalesceMs = coalesceMs;
    this.#now = now;
    this.#autosave = createAutosave({
      delayMs: autosaveMs,
      host: {
        current: () => ({ doc: this.#doc, dirty: this.#doc !== this.#saved }),
        saving: () => (this.#saving = true),
        saved: (saved) => this.markSaved(saved),
        failed: (message) => {
          this.#saving = false;
          this.#saveError = message;
        },
      },
    });
  }

  get doc(): TemplateDraft {
    return this.#doc;
  }

  /** 'clean' (saved), 'dirty' (changes not saved yet), 'saving', or 'failed' (see saveError; retried on the next edit). */
  get saveState(): SaveState {
    if (this.#saving) return 'saving';
    if (!this.dirty) return 'clean';
    return this.#saveError === undefined ? 'dirty' : 'failed';
  }

  get saveError(): string | undefined {
    return this.#saveError;
  }

  /** One user action. An edit that cannot apply changes nothing and says why. */
  apply(command: EditCommand): ApplyResult {
    const before = this.#doc;
    let after: TemplateDraft;
    try {
      after = applyCommand(before, command);
    } catch (e) {
      if (e instanceof EditError) return { ok: false, error: e.message };
      throw e;
    }
    const { label, coalesceKey } = describeCommand(command, before);
    // An edit that changes nothing (a field re-sent as it was) is no undo step.
    if (after === before) return { ok: true, label };
    this.#history = record(this.#history, { label, before, after, coalesceKey, at: this.#now() }, { coalesceMs: this.#coalesceMs });
    this.#set(after);
    return { ok: true, label };
  }

  /** Ends the current typing step (blur, Enter): the next keystroke starts a new one. */
  commit(): void {
    this.#history = seal(this.#history);
  }

  undo(): boolean {
    const r = undo(this.#history);
    if (!r) return false;
    this.#history = r.state;
    this.#set(r.step.before);
    return true;
  }

  redo(): boolean {
    const r = redo(this.#history);
    if (!r) return false;
    this.#history = r.state;
    this.#set(r.step.after);
    return true;
  }

  /** Replaces the draft (another version opened): history cleared, nothing dirty. */
  load(doc: TemplateDraft): void {
    this.#history = EMPTY_HISTORY;
    this.#saved = doc;
    this.#saveError = undefined;
    this.#set(doc, false);
  }

  /** The server has `doc` (an explicit save, or autosave). */
  markSaved(doc: TemplateDraft = this.#doc): void {
    this.#saved = doc;
    this.#saving = false;
    this.#saveError = undefined;
  }

  /** Saves `delayMs` after the last edit while a handler is set; returns the unsubscribe. */
  onAutosave(handler: AutosaveHandler): () => void {
    this.#autosave.setHandler(handler);
    return () => this.#autosave.setHandler(undefined);
  }

  /** Saves now if dirty (e.g. before leaving the page); resolves to whether the draft is saved. */
  saveNow(): Promise<boolean> {
    return this.#autosave.flush();
  }

  /** Formulas that read a source column: offer "update N formulas" on a rename. */
  referencesTo(column: SourceColumn): PlaceReferences[] {
    return referencesTo(this.#doc, column);
  }

  /** References to columns a source does not have; `columns` overrides a source's declared ones (e.g. the sample's header). */
  brokenReferences(options: { columns?: Readonly<Record<string, readonly string[]>> } = {}): BrokenReference[] {
    return brokenReferences(this.#doc, options);
  }

  /** Svelte store contract: `fn` now and after every change of the draft. */
  subscribe(fn: (doc: TemplateDraft) => void): () => void {
    this.#listeners.add(fn);
    fn(this.#doc);
    return () => this.#listeners.delete(fn);
  }

  dispose(): void {
    this.#autosave.dispose();
    this.#listeners.clear();
  }

  #set(doc: TemplateDraft, edited = true): void {
    this.#doc = doc;
    if (edited) this.#autosave.edited();
    for (const fn of this.#listeners) fn(doc);
  }
}
