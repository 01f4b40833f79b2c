import { describe, expect, it } from 'vitest';
import { readerOptionsForm } from './reader-options-form';
import { readerRegistry } from './registry';

describe('reader option forms', () => {
  it('describes the CSV reader options with labels, help, kinds and defaults', () => {
    const form = readerOptionsForm({ format: 'csv' })!;
    expect(form.format).toBe('csv');
    const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(['delimiter', 'quote', 'header', 'headerRow', 'encoding', 'types', 'dateOrder', 'nullValues']);
    expect(byName.delimiter).toMatchObject({ kind: 'character', label: 'Delimiter', help: expect.stringMatching(/detected/), examples: [',', ';', '\t', '|'] });
    expect(byName.quote).toMatchObject({ kind: 'character', default: '"' });
    expect(byName.header).toMatchObject({ kind: 'boolean' });
    expect(byName.headerRow).toEqual({ name: 'headerRow', label: 'Header line', help: expect.any(String), kind: 'integer', min: 1 });
    expect(byName.encoding).toMatchObject({ kind: 'choice', choices: ['utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be'] });
    expect(byName.types).toMatchObject({ kind: 'column-types', choices: ['number', 'text', 'boolean', 'date', 'datetime'] });
    expect(byName.dateOrder).toMatchObject({ kind: 'choice', choices: ['DMY', 'MDY'] });
    expect(byName.nullValues).toMatchObject({ kind: 'text-list' });
  });

  it('gives every registered reader a form whose fields all carry help', () => {
    for (const reader of readerRegistry.list()) {
      const form = readerOptionsForm({ format: reader.format })!;
      expect(form.fields.map((f) => f.name)).toEqual(Object.keys(reader.optionsSchema.shape));
      for (const f of form.fields) expect([reader.format, f.name, f.help.length > 10]).toEqual([reader.format, f.name, true]);
    }
    expect(readerOptionsForm({ format: 'xlsx' })!.fields.find((f) => f.name === 'sheet')).toMatchObject({ kind: 'text-or-integer', min: 1 });
    expect(readerOptionsForm({ format: 'xlsx' })!.fields.find((f) => f.name === 'headerRows')).toMatchObject({ kind: 'integer', min: 1, max: 5 });
    expect(readerOptionsForm({ format: 'xml' })!.fields[0]).toMatchObject({ name: 'rowPath', kind: 'text', label: 'Row path' });
    expect(readerOptionsForm({ format: 'fpml' })!.fields).toEqual([]);
  });

  it('has no form for a format no reader reads', () => {
    expect(readerOptionsForm({ format: 'span' })).toBeUndefined();
  });
});
