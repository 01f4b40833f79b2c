/**
 * Debounced autosave: `delayMs` after the last edit, the draft goes to the save callback (the
 * page wires it to saveDraft). Nothing is saved while nothing changed; an edit during a save
 * saves again afterwards; a failed save leaves the draft dirty and is retried on the next edit,
 * not in a loop against a server that is down.
 */
import type { TemplateDraft } from './template-draft';

export type SaveState = 'clean' | 'dirty' | 'saving' | 'failed';
export type AutosaveHandler = (doc: TemplateDraft) => Promise<unknown>;

export interface AutosaveHost {
  /** The draft now, and whether it differs from the last saved one. */
  current(): { doc: TemplateDraft; dirty: boolean };
  saved(doc: TemplateDraft): void;
  failed(message: string): void;
  saving(): void;
}

export interface Autosave {
  setHandler(handler: AutosaveHandler | undefined): void;
  /** After every change to the draft (edits, undo, redo). */
  edited(): void;
  /** Saves now if dirty (leaving the page); resolves to whether the draft is saved. */
  flush(): Promise<boolean>;
  dispose(): void;
}

export function createAutosave({ delayMs, host }: { delayMs: number; host: AutosaveHost }): Autosave {
  let handler: AutosaveHandler | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | undefined;
  let again = false;
  let disposed = false;

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function arm() {
    disarm();
    if (handler && !disposed) timer = setTimeout(() => void save(), delayMs);
  }

  async function save(): Promise<boolean> {
    disarm();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const { doc, dirty } = host.current();
    if (!dirty) return true;
    if (!handler) return false;
    host.saving();
    inFlight = (async () => {
      try {
        await handler(doc);
        host.saved(doc);
        return true;
      } catch (e) {
        // An edit made during the save still counts as the next edit: it retries.
        host.failed(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        inFlight = undefined;
      }
    })();
    const ok = await inFlight;
    if (again && !disposed) {
      again = false;
      arm();
    }
    return ok && !host.current().dirty;
  }

  return {
    setHandler(h) {
      handler = h;
      if (h && host.current().dirty) arm();
      if (!h) disarm();
    },
    edited: arm,
    flush: save,
    dispose() {
      disposed = true;
      disarm();
    },
  };
}
