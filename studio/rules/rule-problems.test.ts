import { describe, expect, it } from 'vitest';
import { commonFields, ruleProblems, ruleSentence, type RuleContext } from './rule-problems';
import type { ToleranceRule } from './rules-types';

const context: RuleContext = {
  sources: [
    { name: 'internal', columns: [{ name: 'Price' }, { name: 'Product' }, { name: 'Trade Date' }] },
    { name: 'broker', columns: [{ name: 'Price' }, { name: 'Symbol' }, { name: 'Trade Date' }] },
  ],
  referenceTables: ['Ticks', 'Holidays'],
};
const messages = (rule: ToleranceRule, siblings: ToleranceRule[] = []) => ruleProblems({ rule, context, siblings }).map((p) => p.message);

describe('ruleProblems', () => {
  it('finds nothing wrong with a sound rule', () => {
    expect(messages({ field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' })).toEqual([]);
    expect(messages({ field: 'Trade Date', kind: 'days', value: 2, holidays: 'Holidays' })).toEqual([]);
    expect(commonFields(context.sources)).toEqual(['Price', 'Trade Date']);
  });

  it('names the param at fault and how to fix it', () => {
    expect(ruleProblems({ rule: { field: 'Price', kind: 'ticks', value: 1, tickColumn: 'Tick' }, context })).toEqual([{ param: 'tickColumn', message: 'Column `Tick` is on no source: map it on the sources, or pick another column.' }]);
    expect(messages({ field: 'Trade Date', kind: 'days', value: 1, holidays: 'Holiday' })).toEqual(['Reference table `Holiday` does not exist: did you mean `Holidays`?']);
    expect(messages({ field: 'Price', kind: 'rel', value: 0.1, mode: 'left' as never, abs: 0 })).toEqual(['Mode must be one of symmetric, right.']);
    expect(messages({ field: 'Price', kind: 'rel', value: 5, mode: 'symmetric', abs: 0 })).toEqual(['500% lets almost any pair match: the value is a fraction, so write 0.001 for 0.1%.']);
    expect(messages({ field: 'Price', kind: 'text', ignoreCase: 'yes' as never, ignoreSpaces: true })).toEqual(['Ignore case must be on or off.']);
    expect(messages({ field: '', kind: 'exact' })).toEqual(['Pick the field to compare.']);
    expect(messages({ field: 'Prise', kind: 'exact' })).toEqual(['`Prise` is not a column of internal and broker: did you mean `Price`?']);
    expect(messages({ field: 'Price', kind: 'bogus' } as never)).toEqual(['Unknown rule kind `bogus`: pick one of Exact, Absolute difference, Relative difference, Ticks, Basis points, Business days, Text.']);
  });

  it('falls back on the template schema for what the params do not say', () => {
    expect(messages({ field: 'Price', kind: 'ticks', value: 1, tickSize: 0 })).toEqual(['tickSize must be more than 0.']);
    expect(messages({ field: 'Price', kind: 'exact', value: 1 } as never)).toEqual(['Exact rules have no value: remove it.']);
  });

  it('flags a field compared twice in one list', () => {
    expect(messages({ field: 'Price', kind: 'exact' }, [{ field: 'Price', kind: 'abs', value: 1 }])).toEqual(['Another rule here also compares `Price`: keep one rule per field and remove the other.']);
  });

  it('does not judge fields before the sources\' columns are known', () => {
    expect(ruleProblems({ rule: { field: 'Anything', kind: 'exact' }, context: { sources: [{ name: 'a', columns: [] }], referenceTables: [] } })).toEqual([]);
  });

  it('says a rule is unfinished rather than printing a blank value', () => {
    const rule = { field: 'Price', kind: 'abs' } as unknown as ToleranceRule;
    const problems = ruleProblems({ rule, context });
    expect(problems).toEqual([{ param: 'value', message: 'Enter value: The largest difference allowed, in the field\'s units.' }]);
    expect(ruleSentence({ rule, problems })).toBe('Price: Absolute difference not finished yet');
    expect(ruleSentence({ rule: { field: 'Price', kind: 'abs', value: 0.5 }, problems: [] })).toBe('Price may differ by up to 0.5');
  });

  it('says a column read from a file but mapped by no target cannot be compared, and how to map it', () => {
    const context = { sources: [
      { name: 'internal', columns: [{ name: 'Price', mapped: true }, { name: 'Fee', mapped: false }] },
      { name: 'broker', columns: [{ name: 'Price', mapped: true }, { name: 'Fee', mapped: false }] },
    ], referenceTables: [] };
    expect(commonFields(context.sources)).toEqual(['Price']);
    expect(ruleProblems({ rule: { field: 'Fee', kind: 'exact' }, context }).map((p) => p.message)).toEqual([
      '`Fee` is a column of the file, not a target, on internal and broker: a run compares mapped targets only. Add a target Fee = [Fee] there, or pick a target.',
    ]);
    expect(ruleProblems({ rule: { field: 'Price', kind: 'exact' }, context })).toEqual([]);
  });
});
