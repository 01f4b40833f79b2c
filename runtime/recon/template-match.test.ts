import { describe, expect, it } from 'vitest';
import { TemplateSchema } from '../template/schema';
import { formulaColumns, keyColumn, keyFormulas, keySpecs, matchFields, reconcileTemplate, ruleSetFormulas, ruleSetIndexFrom, withKeyColumns } from './template-match';
import { tableOf } from './test-tables';

const template = TemplateSchema.parse({
  schemaVersion: 1, name: 'T', kind: 'recon',
  sources: [{ name: 'trades', format: 'csv' }, { name: 'broker', format: 'csv' }],
  match: {
    sources: ['trades', 'broker'],
    keys: [{ name: 'Account', formulas: { trades: 'TRIM([Acct])', broker: '[Account]' }, ignoreCase: true, aliases: 'Accounts' }],
    rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.01 }],
    ruleSets: [{ name: 'Rates', when: '[Type] = "R"', rules: [{ field: 'Price', kind: 'bps', value: 1 }, { field: 'Fee', kind: 'exact' }] }],
    aggregate: { side: 'trades', fields: ['Qty'] },
  },
  referenceTables: { Accounts: { columns: ['Alias', 'Account'], rows: [['a-1', 'A1']] } },
});
const match = template.match!;

describe('template match → engine input', () => {
  it('names key columns and lists each source\'s key formulas and the rule sets\' filters in order', () => {
    expect(keyColumn('Account')).toBe('key: Account');
    expect(keyFormulas(match, 'trades')).toEqual([{ name: 'key: Account', text: 'TRIM([Acct])' }]);
    expect(keyFormulas(match, 'broker')).toEqual([{ name: 'key: Account', text: '[Account]' }]);
    expect(ruleSetFormulas(match)).toEqual([{ name: 'when 0', text: '[Type] = "R"' }]);
    expect(keySpecs(match)).toEqual([{ name: 'Account', columns: { trades: 'key: Account', broker: 'key: Account' }, trim: true, ignoreCase: true, stripLeadingZeros: false, aliases: 'Accounts' }]);
    expect(matchFields(match)).toEqual(['Qty', 'Price', 'Fee']);
  });

  it('picks the first rule set whose filter is TRUE per row; anything else means the default rules', () => {
    const index = ruleSetIndexFrom({ results: [[true, false, 1, null], [true, true, true, 'TRUE']], rowCount: 4 });
    expect([...index]).toEqual([0, 1, 1, -1]);
    expect([...ruleSetIndexFrom({ results: [], rowCount: 2 })]).toEqual([-1, -1]);
  });

  it('lets mapped targets shadow read columns of the same name, and appends key columns to the mapped table', () => {
    const table = tableOf('f', { Acct: ['x'], Qty: ['1'] });
    const mapped = tableOf('f', { Qty: [1] });
    expect(formulaColumns({ table, mapped }).map((c) => [c.name, c.type])).toEqual([['Acct', 'text'], ['Qty', 'number']]);
    const key = tableOf('f', { 'key: Account': ['A1'] }).columns[0];
    expect(withKeyColumns({ mapped, keys: [key] }).columns.map((c) => c.name)).toEqual(['Qty', 'key: Account']);
  });

  it('reconciles two sources pairwise with aggregation and more through the N-way engine', () => {
    const trades = tableOf('t', { Qty: [1, 2], Price: [10, 10], 'key: Account': ['a-1', 'a-1'] });
    const broker = tableOf('b', { Qty: [3], Price: [10], 'key: Account': ['A1'] });
    const two = reconcileTemplate({ template, sources: [{ name: 'trades', table: trades }, { name: 'broker', table: broker }] });
    expect(two.mode).toBe('two-way');
    // Aliases map a-1 to A1 (ignoring case) and the two trades sum to the broker's 3.
    expect(two.result.breaks).toEqual([]);
    expect(two.result.summary.matched).toBe(1);

    const ccp = tableOf('c', { Qty: [9], Price: [10], 'key: Account': ['A1'] });
    const many = reconcileTemplate({ template: { ...template, match: { ...match, sources: ['trades', 'broker', 'ccp'], aggregate: undefined } }, sources: [{ name: 'trades', table: trades }, { name: 'broker', table: broker }, { name: 'ccp', table: ccp }] });
    expect(many.mode).toBe('n-way');
    // No aggregation N-way: the second trade pairs with nothing, the first disagrees on Qty with both.
    expect(many.result.breaks.map((b) => b.kind).sort()).toEqual(['field', 'only-left']);
    expect(many.result.breaks.find((b) => b.kind === 'only-left')).toMatchObject({ present: ['trades'], missing: ['broker', 'ccp'] });
  });

  it('refuses a template without a match section (a caller bug, not user input)', () => {
    expect(() => reconcileTemplate({ template: { ...template, match: undefined }, sources: [] })).toThrow(/match section/);
  });
});
