import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../runtime/formula/index';
import { completionSite, completionsAt } from './completions';
import { MAPPING, RECON } from './test-context';

function at(marked: string, context = MAPPING) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, ...completionsAt({ text, offset, context }) };
}
const labels = (r: ReturnType<typeof at>, kind?: string) => r.items.filter((i) => !kind || i.kind === kind).map((i) => i.label);
const site = (marked: string) => completionSite(marked.replace('|', ''), marked.indexOf('|'));

describe('where the cursor is', () => {
  it('is inside a column reference, closed, auto-closed, unterminated or empty', () => {
    expect(site('ROUND([Tra|de Price], 2)')).toEqual({ kind: 'column', start: 6, end: 19, table: undefined });
    expect(site('[Tra|]')).toEqual({ kind: 'column', start: 0, end: 5, table: undefined });
    expect(site('1 + [Tra|')).toEqual({ kind: 'column', start: 4, end: 8, table: undefined });
    expect(site('1 + [|]')).toEqual({ kind: 'column', start: 4, end: 6, table: undefined });
    expect(site('XLOOKUP([Side], Fx[C|')).toEqual({ kind: 'column', start: 18, end: 20, table: 'Fx' });
    // Another reference ahead is not this one's end.
    expect(site('[Tra| + [Quantity]')).toEqual({ kind: 'column', start: 0, end: 4, table: undefined });
  });

  it('is typing a name, or nowhere to complete', () => {
    expect(site('ROU|')).toEqual({ kind: 'word', start: 0, end: 3 });
    expect(site('1 + ro|und(')).toEqual({ kind: 'word', start: 4, end: 9 });
    expect(site('IF([Active], |')).toEqual({ kind: 'word', start: 13, end: 13 });
    expect(site('"ab|c"')).toEqual({ kind: 'none' });
    expect(site('IF([A] = "un|')).toEqual({ kind: 'none' });
    expect(site('12|3')).toEqual({ kind: 'none' });
  });
});

describe('completion items', () => {
  it('offer every column inside brackets, replacing the whole reference', () => {
    const r = at('ROUND([Tra|de Price], 2)');
    expect(labels(r)).toEqual(MAPPING.columns.map((c) => `[${c.name}]`));
    expect(r.items[0]).toMatchObject({ kind: 'column', insertText: '[Trade Price]', filterText: '[Trade Price]', detail: 'number column' });
    expect(r.text.slice(r.start, r.offset)).toBe('[Tra');
    expect(r.text.slice(r.start, r.end)).toBe('[Trade Price]');
  });

  it('offer every column of every source, and the sources, in a recon', () => {
    const r = at('[|]', RECON);
    expect(labels(r, 'column')).toEqual(['[broker!Price]', '[broker!Qty]', '[internal!Price]', '[internal!Account]']);
    expect(labels(r, 'source')).toEqual(['[broker!', '[internal!', '[ccp!']);
    expect(r.items.find((i) => i.label === '[ccp!')).toMatchObject({ then: 'suggest', insertText: '[ccp!' });
    expect(r.items.find((i) => i.label === '[internal!Account]')!.detail).toBe('text column of internal');
    // After `!` the same list; the editor filters it by what was typed.
    const bang = at('[broker!|', RECON);
    expect(bang.text.slice(bang.start, bang.offset)).toBe('[broker!');
    expect(labels(bang, 'column')).toContain('[broker!Qty]');
  });

  it('offer functions with their signature and one-line doc, columns and tables when typing a name', () => {
    const r = at('IF([Active], ro|');
    const round = r.items.find((i) => i.label === 'ROUND')!;
    expect(round).toMatchObject({ kind: 'function', insertText: 'ROUND($0)', snippet: true, detail: 'ROUND(number, [num_digits]) → number', then: 'parameter-hints' });
    expect(round.documentation).toContain(FUNCTIONS.find((f) => f.name === 'ROUND')!.doc);
    expect(labels(r, 'function')).toHaveLength(FUNCTIONS.length);
    expect(r.items.every((i) => i.kind !== 'function' || (i.documentation ?? '').length > 0)).toBe(true);
    // A column is offered by its bare name too, and inserted with its brackets.
    const price = r.items.find((i) => i.label === '[Trade Price]')!;
    expect(price).toMatchObject({ filterText: 'Trade Price', insertText: '[Trade Price]' });
    expect(labels(r, 'table-column')).toEqual(['Fx[Ccy]', 'Fx[Rate]']);
    expect(labels(r, 'keyword')).toEqual(['TRUE', 'FALSE']);
    expect(r.text.slice(r.start, r.end)).toBe('ro');
  });

  it('insert just the name when the parenthesis is already there', () => {
    const r = at('ROU|ND([Trade Price], 2)');
    expect(r.items.find((i) => i.label === 'ROUND')).toMatchObject({ insertText: 'ROUND', snippet: false });
    expect(r.text.slice(r.start, r.end)).toBe('ROUND');
  });

  it('offer the columns of a reference table after its name', () => {
    const r = at('XLOOKUP([Side], fx[|]');
    expect(labels(r)).toEqual(['[Ccy]', '[Rate]']);
    expect(r.items[1]).toMatchObject({ kind: 'table-column', detail: 'column of reference table Fx' });
    expect(labels(at('Nope[|]'))).toEqual([]);
  });

  it('offer nothing inside text or numbers', () => {
    expect(at('CONCAT("Tr|", 1)').items).toEqual([]);
    expect(at('ROUND([Trade Price], 2|)').items).toEqual([]);
  });

  it('escape brackets in column names so the inserted reference parses', () => {
    const r = at('[|', { columns: [{ name: 'Rate [%]', type: 'number' }] });
    expect(r.items[0].insertText).toBe("[Rate '[%']]");
  });
});
