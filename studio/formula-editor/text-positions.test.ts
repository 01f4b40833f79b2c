import { describe, expect, it } from 'vitest';
import { offsetAt, positionAt, rangeOf } from './text-positions';

describe('text positions', () => {
  it('maps offsets to 1-based lines and columns on one line', () => {
    expect(positionAt('ROUND([Price], 2)', 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionAt('ROUND([Price], 2)', 6)).toEqual({ lineNumber: 1, column: 7 });
    expect(positionAt('ROUND([Price], 2)', 17)).toEqual({ lineNumber: 1, column: 18 });
  });

  it('counts lines across \\n, \\r\\n and \\r breaks', () => {
    const text = 'IF([A],\n  1,\r\n  2\r)';
    expect(positionAt(text, text.indexOf('1'))).toEqual({ lineNumber: 2, column: 3 });
    expect(positionAt(text, text.indexOf('2'))).toEqual({ lineNumber: 3, column: 3 });
    expect(positionAt(text, text.indexOf(')'))).toEqual({ lineNumber: 4, column: 1 });
    // Inside a \r\n pair: the end of its line, as Monaco's model has it.
    expect(positionAt(text, text.indexOf('\r\n') + 1)).toEqual({ lineNumber: 2, column: 5 });
  });

  it('round-trips offsets and clamps positions past a line end', () => {
    const text = 'AND(\n[Active],\n[Qty]>0)';
    for (let i = 0; i <= text.length; i++) expect(offsetAt(text, positionAt(text, i))).toBe(i);
    expect(offsetAt(text, { lineNumber: 1, column: 99 })).toBe(4);
    expect(offsetAt(text, { lineNumber: 9, column: 1 })).toBe(text.indexOf('[Qty]'));
  });

  it('makes ranges that may span lines, with an empty range for an empty span', () => {
    const text = 'SUM(1,\n2)';
    expect(rangeOf(text, 4, 8)).toEqual({ startLineNumber: 1, startColumn: 5, endLineNumber: 2, endColumn: 2 });
    expect(rangeOf(text, 3, 3)).toEqual({ startLineNumber: 1, startColumn: 4, endLineNumber: 1, endColumn: 4 });
  });
});
