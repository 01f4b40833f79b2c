import { describe, expect, it } from 'vitest';
import { TemplateEditor } from '$studio/editor/template-editor.svelte';
import { parseTablePaste, tableAsText } from './table-paste';

describe('reference tables pasted from Excel or typed as CSV', () => {
  it('reads a tab-separated paste: header, numbers as numbers, blanks as null', () => {
    expect(parseTablePaste('Product\tTick\r\nES\t0.25\nZN\t0.015625\nXX\t\n')).toEqual({
      ok: true, table: { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['ZN', 0.015625], ['XX', null]] },
    });
  });

  it('reads CSV with quotes, and keeps codes that only look numeric-ish as text', () => {
    expect(parseTablePaste('From,To\n"CME, Globex",XCME\n007,X')).toEqual({ ok: true, table: { columns: ['From', 'To'], rows: [['CME, Globex', 'XCME'], ['007', 'X']] } });
  });

  it('says which line to fix', () => {
    expect(parseTablePaste('')).toMatchObject({ ok: false, error: expect.stringMatching(/header line/) });
    expect(parseTablePaste('Product,,Tick\nES,1,2')).toEqual({ ok: false, error: 'Line 1, column 2 has no name: every column needs a header.' });
    expect(parseTablePaste('A,a\n1,2')).toMatchObject({ ok: false, error: expect.stringMatching(/twice/) });
    expect(parseTablePaste('A,B\n1,2,3')).toEqual({ ok: false, error: 'Line 2 has 3 cells but the header names 2 columns.' });
    expect(parseTablePaste('A,B')).toMatchObject({ ok: false, error: expect.stringMatching(/no rows/) });
  });

  it('round-trips through the text the editor shows', () => {
    const table = { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['XX', null]] };
    expect(parseTablePaste(tableAsText(table))).toEqual({ ok: true, table });
  });

  it('adds, replaces and removes a table as one undo step each, and refuses a name formulas cannot write', () => {
    const editor = new TemplateEditor({ doc: { kind: 'recon', sources: [] } as never });
    const table = { columns: ['Product', 'Tick'], rows: [['ES', 0.25]] };
    expect(editor.apply({ type: 'setReferenceTable', name: 'Tick sizes', table })).toMatchObject({ ok: false, error: expect.stringMatching(/Tick_sizes\[Column\]/) });
    expect(editor.apply({ type: 'setReferenceTable', name: 'Ticks', table })).toEqual({ ok: true, label: 'add table Ticks' });
    expect(editor.apply({ type: 'setReferenceTable', name: 'Ticks', table: { ...table, rows: [['ES', 0.5]] } })).toEqual({ ok: true, label: 'replace table Ticks' });
    expect(editor.apply({ type: 'setReferenceTable', name: 'Ticks', table: undefined })).toEqual({ ok: true, label: 'remove table Ticks' });
    expect(editor.doc.referenceTables).toEqual({});
    editor.undo();
    expect(editor.doc.referenceTables?.Ticks.rows).toEqual([['ES', 0.5]]);
    editor.undo();
    expect(editor.doc.referenceTables?.Ticks.rows).toEqual([['ES', 0.25]]);
    expect(editor.undoLabel).toMatch(/add table Ticks/);
    editor.dispose();
  });
});
