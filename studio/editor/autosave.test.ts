import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconDraft } from './testing/recon-draft';
import { TemplateEditor } from './template-editor.svelte';
import type { TemplateDraft } from './template-draft';
import UndoRedo from './UndoRedo.svelte';

/** A save handler the test settles by hand, like a slow or failing server. */
function server() {
  const calls: { doc: TemplateDraft; resolve: () => void; reject: (e: Error) => void }[] = [];
  const save = (doc: TemplateDraft) => new Promise<void>((resolve, reject) => calls.push({ doc, resolve, reject }));
  return { calls, save };
}

const setName = (e: TemplateEditor, name: string) => e.apply({ type: 'setMeta', name });

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, 2 s after the last edit, and never while nothing changed', async () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const s = server();
    e.onAutosave(s.save);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.calls).toHaveLength(0); // nothing changed
    setName(e, 'a');
    await vi.advanceTimersByTimeAsync(1_500);
    setName(e, 'ab');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(s.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.doc.name)).toEqual(['ab']);
    expect(e.saveState).toBe('saving');
    s.calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect([e.saveState, e.dirty]).toEqual(['clean', false]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.calls).toHaveLength(1);
  });

  it('keeps a failed save dirty and retries on the next edit, not in a loop', async () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const s = server();
    e.onAutosave(s.save);
    setName(e, 'a');
    await vi.advanceTimersByTimeAsync(2_000);
    s.calls[0].reject(new Error('Server unreachable'));
    await vi.advanceTimersByTimeAsync(0);
    expect([e.saveState, e.saveError, e.dirty]).toEqual(['failed', 'Server unreachable', true]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.calls).toHaveLength(1);
    setName(e, 'ab');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.calls.map((c) => c.doc.name)).toEqual(['a', 'ab']);
    s.calls[1].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect([e.saveState, e.saveError]).toEqual(['clean', undefined]);
  });

  it('saves again after a save during which the draft changed', async () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const s = server();
    e.onAutosave(s.save);
    setName(e, 'a');
    await vi.advanceTimersByTimeAsync(2_000);
    setName(e, 'ab'); // while the first save is in flight
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.calls).toHaveLength(1);
    s.calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(e.saveState).toBe('dirty');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.calls.map((c) => c.doc.name)).toEqual(['a', 'ab']);
    s.calls[1].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(e.dirty).toBe(false);
  });

  it('stops when unsubscribed; saveNow saves at once', async () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const s = server();
    const off = e.onAutosave(s.save);
    off();
    setName(e, 'a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.calls).toHaveLength(0);
    e.onAutosave(s.save);
    const saved = e.saveNow();
    s.calls[0].resolve();
    expect(await saved).toBe(true);
    expect(e.dirty).toBe(false);
  });
});

describe('UndoRedo', () => {
  it('labels its buttons with the step and undoes by click and by Ctrl+Z outside text fields', async () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    render(UndoRedo, { editor: e });
    const undo = () => screen.getByRole('button', { name: /^Undo/ });
    const redo = () => screen.getByRole('button', { name: /^Redo/ });
    expect((undo() as HTMLButtonElement).disabled).toBe(true);
    e.apply({ type: 'setFormula', source: 'internal', target: 'Notional', formula: '1' });
    flushSync();
    expect(undo().getAttribute('aria-label')).toBe('Undo: edit formula Notional');
    await fireEvent.click(undo());
    expect(e.doc.mappings!.internal[0].formula).toBe('ROUND([Px]*[Qty], 2)');
    expect(redo().getAttribute('aria-label')).toBe('Redo: edit formula Notional');
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(e.doc.mappings!.internal[0].formula).toBe('1');
    // In a text field Ctrl+Z is the field's own.
    const input = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(e.doc.mappings!.internal[0].formula).toBe('1');
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(e.doc.mappings!.internal[0].formula).toBe('ROUND([Px]*[Qty], 2)');
  });
});
