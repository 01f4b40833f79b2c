import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplateEditor } from './template-editor.svelte';
import { reconDraft } from './testing/recon-draft';

const formulaOf = (e: TemplateEditor, source: string, target: string) => e.doc.mappings![source].find((m) => m.target === target)?.formula;

describe('TemplateEditor undo/redo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces keystrokes in one formula into one step, labelled for the undo button', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const before = e.doc;
    for (const text of ['R', 'RO', 'ROU']) {
      e.apply({ type: 'setFormula', source: 'internal', target: 'Notional', formula: text });
      vi.advanceTimersByTime(300);
    }
    expect(e.undoLabel).toBe('Undo: edit formula Notional');
    expect(e.undo()).toBe(true);
    expect(e.doc).toBe(before);
    expect(e.canUndo).toBe(false);
    expect(e.redoLabel).toBe('Redo: edit formula Notional');
    e.redo();
    expect(formulaOf(e, 'internal', 'Notional')).toBe('ROU');
  });

  it('starts a new step after a pause, a commit() or an edit elsewhere', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const type = (target: string, formula: string) => e.apply({ type: 'setFormula', source: 'internal', target, formula });
    type('Notional', 'a');
    vi.advanceTimersByTime(1_500); // a pause longer than the 1 s window
    type('Notional', 'ab');
    e.commit(); // blur
    type('Notional', 'abc');
    type('Label', 'x'); // another target
    type('Notional', 'abcd');
    const steps: (string | undefined)[] = [];
    while (e.undo()) steps.push(formulaOf(e, 'internal', 'Notional'));
    expect(steps).toEqual(['abc', 'abc', 'ab', 'a', 'ROUND([Px]*[Qty], 2)']);
  });

  it('makes a paste of many cells one step, adding new targets', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const before = e.doc;
    const r = e.apply({ type: 'pasteFormulas', source: 'internal', cells: [{ target: 'Notional', formula: '1' }, { target: 'Label', formula: '2' }, { target: 'Fee', formula: '3' }] });
    expect(r).toEqual({ ok: true, label: 'paste 3 formulas' });
    expect(e.doc.mappings!.internal.map((m) => [m.target, m.formula])).toEqual([['Notional', '1'], ['Label', '2'], ['Account', 'TRIM([Acct])'], ['Fee', '3']]);
    e.undo();
    expect(e.doc).toBe(before);
    expect(e.canUndo).toBe(false);
  });

  it('clears redo when a new edit follows an undo', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    e.apply({ type: 'addTarget', source: 'broker', target: 'Fee', formula: '0' });
    e.undo();
    expect(e.canRedo).toBe(true);
    e.apply({ type: 'setMeta', name: 'Renamed' });
    expect(e.canRedo).toBe(false);
    expect(e.redo()).toBe(false);
    expect(e.doc.mappings!.broker.map((m) => m.target)).toEqual(['Price', 'Account']);
  });

  it('records no step for an edit that changes nothing', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    expect(e.apply({ type: 'setFormula', source: 'internal', target: 'Notional', formula: 'ROUND([Px]*[Qty], 2)' })).toMatchObject({ ok: true });
    expect(e.apply({ type: 'setMeta', name: 'Positions recon' })).toMatchObject({ ok: true });
    expect([e.canUndo, e.dirty]).toEqual([false, false]);
  });

  it('refuses an edit that cannot apply, with the reason, and records nothing', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const before = e.doc;
    expect(e.apply({ type: 'addTarget', source: 'internal', target: 'notional' })).toEqual({ ok: false, error: 'Source `internal` already has a target column `Notional`: pick another name.' });
    expect(e.apply({ type: 'setFormula', source: 'nope', target: 'X', formula: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('`nope`') });
    expect(e.apply({ type: 'removeValidation', index: 7 })).toEqual({ ok: false, error: 'There is no validation 8 (there are 3).' });
    expect(e.doc).toBe(before);
    expect(e.canUndo).toBe(false);
  });

  it('edits targets, validations, keys, rules and rule sets as single steps', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const edits = [
      e.apply({ type: 'moveTarget', source: 'internal', target: 'Account', to: 0 }),
      e.apply({ type: 'removeTarget', source: 'internal', target: 'Label' }),
      e.apply({ type: 'addValidation', validation: { name: 'Qty set', formula: '[Qty]<>0', message: 'No quantity.' } }),
      e.apply({ type: 'updateValidation', index: 0, patch: { severity: 'warning' } }),
      e.apply({ type: 'addKey', key: { name: 'Px', formulas: { internal: '[Px]', broker: '[Px]' } } }),
      e.apply({ type: 'updateRule', index: 0, rule: { field: 'Notional', kind: 'abs', value: 0.05 } }),
      e.apply({ type: 'addRule', ruleSet: 0, rule: { field: 'Price', kind: 'exact' } }),
      e.apply({ type: 'setSourceOptions', source: 'broker', options: { delimiter: ';' } }),
    ];
    expect(edits.map((r) => (r.ok ? r.label : r.error))).toEqual([
      'move target Account', 'remove target Label', 'add validation Qty set', 'edit validation Price set',
      'add key Px', 'edit rule on Notional', 'add rule on Price in rule set Priced', 'change reader options of broker',
    ]);
    expect(e.doc.mappings!.internal.map((m) => m.target)).toEqual(['Account', 'Notional']);
    expect(e.doc.match!.ruleSets![0].rules).toEqual([{ field: 'Price', kind: 'exact' }]);
    let undos = 0;
    while (e.undo()) undos++;
    expect(undos).toBe(8);
    expect(e.doc).toEqual(reconDraft());
  });

  it('takes the match panel\'s edits: options, rule-set order, patches that clear a field, the whole section', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const labels = [
      e.apply({ type: 'setMatchOption', option: 'duplicates', value: 'report' }),
      e.apply({ type: 'addRuleSet', ruleSet: { name: 'Options', when: '[Qty] > 0', rules: [] } }),
      e.apply({ type: 'moveRuleSet', index: 1, to: 0 }),
      e.apply({ type: 'updateKey', index: 0, patch: { ignoreCase: true } }),
      e.apply({ type: 'updateKey', index: 0, patch: { ignoreCase: undefined } }),
      e.apply({ type: 'setSourceFormat', source: 'broker', format: 'xlsx' }),
    ].map((r) => (r.ok ? r.label : r.error));
    expect(labels).toEqual(['change match duplicate policy', 'add rule set Options', 'move rule set Options', 'edit key Account', 'edit key Account', 'change format of broker to xlsx']);
    expect(e.doc.match!.duplicates).toBe('report');
    expect(e.doc.match!.ruleSets!.map((r) => r.name)).toEqual(['Options', 'Priced']);
    expect('ignoreCase' in e.doc.match!.keys[0]).toBe(false);
    expect(e.apply({ type: 'setMatch', match: undefined })).toEqual({ ok: true, label: 'remove matching' });
    expect('match' in e.doc).toBe(false);
    expect(e.apply({ type: 'addKey', key: { name: 'X', formulas: {} } })).toEqual({ ok: false, error: 'This recon template has no match section yet: set up matching (its sources and a key) first.' });
    expect(e.apply({ type: 'setKind', kind: 'mapping' })).toEqual({ ok: true, label: 'change kind to mapping' });
    expect(e.doc.kind).toBe('mapping');
  });
});

describe('TemplateEditor renames', () => {
  it('renames a source column in every formula that reads it, in one step, leaving text and table columns alone', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    const before = e.doc;
    expect(e.referencesTo({ source: 'internal', column: 'Px' }).map((r) => [r.place.jsonPath, r.refs.length])).toEqual([
      ['$.mappings.internal[0].formula', 1],
      ['$.mappings.internal[1].formula', 1],
      ['$.validations[0].formula', 1],
      ['$.match.ruleSets[0].when', 1],
    ]);
    const r = e.apply({ type: 'renameSourceColumn', source: 'internal', from: 'Px', to: 'Trade Price', updateFormulas: true });
    expect(r).toEqual({ ok: true, label: 'rename column Px to Trade Price (formulas updated)' });
    expect(e.doc.sources[0].columns!.map((c) => c.name)).toEqual(['Trade Price', 'Qty', 'Acct']);
    expect(e.doc.mappings!.internal.map((m) => m.formula)).toEqual([
      'ROUND([Trade Price]*[Qty], 2)',
      '"[Px]" & [Trade Price] & XLOOKUP(1, Rates[Px], Rates[Px])', // the string literal and the reference-table columns stay
      'TRIM([Acct])',
    ]);
    expect(e.doc.validations!.map((v) => v.formula)).toEqual(['[Trade Price]>0', 'NOT(ISBLANK([Notional]))', '[Px]<>0']); // broker's Px is another column
    expect(e.doc.match!.ruleSets![0].when).toBe('[internal!Trade Price] > 0');
    expect(e.doc.mappings!.broker[0].formula).toBe('[Px]');
    expect(e.brokenReferences()).toEqual([]);
    e.undo();
    expect(e.doc).toBe(before);
  });

  it('without updating formulas, reports the references it broke with the new name as suggestion', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    e.apply({ type: 'renameSourceColumn', source: 'internal', from: 'Qty', to: 'Qty1', updateFormulas: false });
    expect(e.doc.mappings!.internal[0].formula).toBe('ROUND([Px]*[Qty], 2)');
    expect(e.brokenReferences().map((b) => ({ at: b.place.jsonPath, label: b.place.label, name: b.ref.name, reason: b.reason, suggestion: b.suggestion }))).toEqual([
      { at: '$.mappings.internal[0].formula', label: 'target Notional', name: 'Qty', reason: 'unknown-column', suggestion: 'Qty1' },
    ]);
    // The sample's own header can stand in for the declared columns.
    expect(e.brokenReferences({ columns: { internal: ['Px', 'Qty', 'Acct'] } })).toEqual([]);
  });

  it('renames a target and the validations, keys and outputs that read it', () => {
    const e = new TemplateEditor({ doc: { ...reconDraft(), outputs: [{ name: 'out', format: 'csv', columns: ['Notional', 'Account'] }] } });
    e.apply({ type: 'renameTarget', source: 'internal', from: 'Notional', to: 'Gross' });
    expect(e.doc.validations![1].formula).toBe('NOT(ISBLANK([Gross]))');
    expect(e.doc.outputs![0].columns).toEqual(['Gross', 'Account']);
    e.apply({ type: 'renameTarget', source: 'broker', from: 'Account', to: 'Acct Id' });
    expect(e.doc.match!.keys[0].formulas).toEqual({ internal: '[Account]', broker: '[Acct Id]' });
  });

  it('keeps the rename of a column that a formula is half-way through typing', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    e.apply({ type: 'setFormula', source: 'internal', target: 'Label', formula: '[Px] & "unterminated [Px]' });
    e.apply({ type: 'renameSourceColumn', source: 'internal', from: 'Px', to: 'Price', updateFormulas: true });
    expect(e.doc.mappings!.internal[1].formula).toBe('[Price] & "unterminated [Px]');
  });
});

describe('TemplateEditor findings and dirty state', () => {
  it('derives findings with JSON paths from the draft', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    expect(e.findings.filter((f) => f.severity === 'error')).toEqual([]);
    e.apply({ type: 'setFormula', source: 'internal', target: 'Notional', formula: 'ROUND([Pxx], 2)' });
    expect(e.findings).toContainEqual(expect.objectContaining({ code: 'formula-unknown-column', location: expect.objectContaining({ path: '$.mappings.internal[0].formula' }), message: expect.stringContaining('did you mean `Px`') }));
    e.apply({ type: 'setFormula', source: 'internal', target: 'Notional', formula: '' });
    expect(e.validation.ok).toBe(false);
    expect(e.findings).toContainEqual(expect.objectContaining({ location: expect.objectContaining({ path: '$.mappings.internal[0].formula' }), message: 'A formula is required' }));
  });

  it('is dirty after an edit and clean again when undone back to the saved draft', () => {
    const e = new TemplateEditor({ doc: reconDraft() });
    expect([e.dirty, e.saveState]).toEqual([false, 'clean']);
    e.apply({ type: 'setMeta', description: 'x' });
    expect([e.dirty, e.saveState]).toEqual([true, 'dirty']);
    e.undo();
    expect([e.dirty, e.saveState]).toEqual([false, 'clean']);
    e.redo();
    e.markSaved();
    expect(e.dirty).toBe(false);
    e.load(reconDraft());
    expect([e.dirty, e.canUndo]).toEqual([false, false]);
  });
});
