import { describe, expect, it } from 'vitest';
import { findFunction } from '../../runtime/formula/index';
import { hoverAt } from './hover-info';
import { MAPPING, RECON } from './test-context';

const hover = (text: string, offset: number, context = MAPPING) => hoverAt({ text, offset, context });

describe('hover docs', () => {
  it('show a function its reference entry, whatever the case it is written in', () => {
    const h = hover('=round([Trade Price], 2)', 3)!;
    expect(h).toMatchObject({ start: 1, end: 6 });
    expect(h.contents[0]).toBe('**ROUND**');
    expect(h.contents[1]).toContain('`ROUND(number, [num_digits])` → number');
    expect(h.contents[1]).toContain(findFunction('ROUND')!.doc);
    expect(h.contents[1]).toContain('- `num_digits` (number, optional');
  });

  it('show a column its type, and its source in a recon', () => {
    expect(hover('ROUND([trade price], 2)', 9)).toEqual({ start: 6, end: 19, contents: ['**[Trade Price]**', 'Column, type number'] });
    expect(hover('[internal!Account] & "x"', 2, RECON)!.contents).toEqual(['**[internal!Account]**', 'Column from the source `internal`, type text']);
  });

  it('show reference tables and their columns', () => {
    const text = 'XLOOKUP([Side], Fx[Ccy], Fx[Rate])';
    expect(hover(text, text.indexOf('Fx'))!.contents).toEqual(['Reference table `Fx`', 'Columns: `Ccy`, `Rate`']);
    expect(hover(text, text.indexOf('[Rate]') + 1)).toMatchObject({ contents: ['Column `Rate` of the reference table `Fx`'] });
  });

  it('show nothing for unknown names, literals and spaces (their markers speak)', () => {
    expect(hover('ROUDN(1)', 1)).toBeUndefined();
    expect(hover('[Nope] + 1', 2)).toBeUndefined();
    expect(hover('Nope[Ccy]', 1)).toBeUndefined();
    expect(hover('"ROUND" + 12', 2)).toBeUndefined();
    expect(hover('1 +  2', 4)).toBeUndefined();
  });
});
