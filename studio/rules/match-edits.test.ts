import { describe, expect, it } from 'vitest';
import { applyMatchEdit, mergePatch } from './match-edits';
import { kindChangePatch, newRule } from './rule-drafts';
import type { Match } from './rules-types';
import { etdMatch } from './testing/etd-fixture';

const withSets: Match = {
  ...etdMatch,
  ruleSets: [
    { name: 'Bunds', when: '[Product] = "FGBL"', rules: [{ field: 'Price', kind: 'abs', value: 0.02 }] },
    { name: 'Rates', when: '[Product] = "ZN"', rules: [] },
  ],
};

describe('applyMatchEdit', () => {
  it('merges patches and removes keys set to undefined', () => {
    expect(mergePatch({ a: 1, b: 2 }, { b: undefined, c: 3 })).toEqual({ a: 1, c: 3 });
    const m = applyMatchEdit({ match: { ...etdMatch, keys: [{ ...etdMatch.keys[0], aliases: 'Venues' }] }, edit: { op: 'updateKey', index: 0, patch: { aliases: undefined, ignoreCase: true } } });
    expect(m.keys[0]).toEqual({ name: 'Account', formulas: { internal: '[Account]', broker: '[Account]' }, trim: true, ignoreCase: true, stripLeadingZeros: false });
  });

  it('edits the default rules or a rule set\'s rules, leaving the rest alone', () => {
    const rule = newRule({ kind: 'bps', field: 'Price' });
    const added = applyMatchEdit({ match: withSets, edit: { op: 'addRule', rule, ruleSet: 1 } });
    expect(added.ruleSets[1].rules).toEqual([{ field: 'Price', kind: 'bps', value: 0.5 }]);
    expect(added.rules).toBe(withSets.rules);
    const patch = kindChangePatch({ rule: withSets.ruleSets[0].rules[0], kind: 'ticks' });
    const updated = applyMatchEdit({ match: withSets, edit: { op: 'updateRule', index: 0, patch, rule: mergePatch(withSets.ruleSets[0].rules[0], patch), ruleSet: 0 } });
    expect(updated.ruleSets[0].rules).toEqual([{ field: 'Price', kind: 'ticks', value: 1 }]);
    const removed = applyMatchEdit({ match: withSets, edit: { op: 'removeRule', index: 2 } });
    expect(removed.rules.map((r) => r.field)).toEqual(['Quantity', 'Price']);
  });

  it('keeps the severity when the kind changes and fills the schema\'s defaults', () => {
    const patch = kindChangePatch({ rule: { field: 'Cash', kind: 'abs', value: 0.05, severity: 'warning' }, kind: 'text' });
    expect(mergePatch({ field: 'Cash', kind: 'abs', value: 0.05, severity: 'warning' }, patch)).toEqual({ field: 'Cash', kind: 'text', ignoreCase: true, ignoreSpaces: true, severity: 'warning' });
    expect(newRule({ kind: 'days', field: '' })).toEqual({ field: '', kind: 'days', value: 1 });
  });

  it('adds, renames, reorders and removes rule sets', () => {
    const moved = applyMatchEdit({ match: withSets, edit: { op: 'moveRuleSet', index: 1, to: 0 } });
    expect(moved.ruleSets.map((s) => s.name)).toEqual(['Rates', 'Bunds']);
    expect(applyMatchEdit({ match: withSets, edit: { op: 'moveRuleSet', index: 0, to: 9 } }).ruleSets.map((s) => s.name)).toEqual(['Rates', 'Bunds']);
    const renamed = applyMatchEdit({ match: withSets, edit: { op: 'updateRuleSet', index: 0, patch: { name: 'Bund futures' } } });
    expect(renamed.ruleSets[0]).toMatchObject({ name: 'Bund futures', when: '[Product] = "FGBL"' });
    expect(applyMatchEdit({ match: withSets, edit: { op: 'removeRuleSet', index: 0 } }).ruleSets.map((s) => s.name)).toEqual(['Rates']);
    expect(applyMatchEdit({ match: etdMatch, edit: { op: 'addRuleSet', ruleSet: { name: 'X', when: 'TRUE', rules: [] } } }).ruleSets).toHaveLength(1);
  });

  it('sets and clears match options, and creates the match section', () => {
    const clustered = applyMatchEdit({ match: etdMatch, edit: { op: 'setMatchOption', option: 'clusterBy', value: ['Product'] } });
    expect(clustered.clusterBy).toEqual(['Product']);
    expect('clusterBy' in applyMatchEdit({ match: clustered, edit: { op: 'setMatchOption', option: 'clusterBy', value: undefined } })).toBe(false);
    const created = applyMatchEdit({ match: undefined, edit: { op: 'createMatch', match: { sources: ['a', 'b'], keys: [], rules: [], ruleSets: [], duplicates: 'report' } } });
    expect(created.duplicates).toBe('report');
    expect(() => applyMatchEdit({ match: undefined, edit: { op: 'removeKey', index: 0 } })).toThrow('Cannot apply removeKey: the template has no match section yet');
  });
});
