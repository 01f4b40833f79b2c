import { describe, expect, it } from 'vitest';
import type { ReaderOptionField } from '$runtime/template/reader-option-fields';
import { optionText, parseOption, withColumnType, withOption } from './option-values';

const f = (kind: ReaderOptionField['kind'], extra: Partial<ReaderOptionField> = {}): ReaderOptionField => ({ name: 'x', label: 'Header line', help: '', kind, ...extra });

describe('reader option values', () => {
  it('turns input text into the JSON type of each kind, blank meaning "detect"', () => {
    expect(parseOption(f('integer', { min: 1 }), ' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseOption(f('integer', { min: 1 }), '')).toEqual({ ok: true, value: undefined });
    expect(parseOption(f('text-or-integer'), '2')).toEqual({ ok: true, value: 2 });
    expect(parseOption(f('text-or-integer'), 'Trades 2026')).toEqual({ ok: true, value: 'Trades 2026' });
    expect(parseOption(f('boolean'), 'false')).toEqual({ ok: true, value: false });
    expect(parseOption(f('text-list'), 'N/A, ,NULL')).toEqual({ ok: true, value: ['N/A', 'NULL'] });
    expect(parseOption(f('character'), ' ')).toEqual({ ok: true, value: ' ' });
    expect(parseOption(f('text'), '  Doc/Tx ')).toEqual({ ok: true, value: 'Doc/Tx' });
  });

  it('refuses numbers that are not whole or out of range, saying the bound', () => {
    expect(parseOption(f('integer', { min: 1, max: 5 }), '1.5')).toEqual({ ok: false, message: 'Header line is a whole number, e.g. 2.' });
    expect(parseOption(f('integer', { min: 1, max: 5 }), '0')).toEqual({ ok: false, message: 'Header line is at least 1.' });
    expect(parseOption(f('integer', { min: 1, max: 5 }), '6')).toEqual({ ok: false, message: 'Header line is at most 5.' });
  });

  it('shows values as text: a tab as \\t, lists comma-separated, booleans as their select value', () => {
    expect(optionText(f('character'), '\t')).toBe('\\t');
    expect(optionText(f('text-list'), ['N/A', 'NULL'])).toBe('N/A, NULL');
    expect(optionText(f('boolean'), true)).toBe('true');
    expect(optionText(f('integer'), undefined)).toBe('');
    expect(optionText(f('text-or-integer'), 2)).toBe('2');
  });

  it('sets and removes options and column types without changing the input', () => {
    const before = Object.freeze({ delimiter: ';', types: Object.freeze({ Qty: 'number' }) });
    expect(withOption(before, 'headerRow', 2)).toEqual({ delimiter: ';', types: { Qty: 'number' }, headerRow: 2 });
    expect(withOption(before, 'delimiter', undefined)).toEqual({ types: { Qty: 'number' } });
    expect(withColumnType(before, 'Code', 'text')).toEqual({ delimiter: ';', types: { Qty: 'number', Code: 'text' } });
    expect(withColumnType(before, 'Qty', '')).toEqual({ delimiter: ';' });
    expect(before).toEqual({ delimiter: ';', types: { Qty: 'number' } });
  });
});
