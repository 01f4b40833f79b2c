import { describe, expect, it } from 'vitest';
import { describeRule } from './rule-sentence';
import { TOLERANCE_KINDS } from './tolerance/registry';

describe('describeRule', () => {
  it('says every kind in plain English', () => {
    expect(describeRule({ field: 'Trade Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' })).toBe('Trade Price may differ by up to 1 tick (tick size by Product from the Ticks table)');
    expect(describeRule({ field: 'Trade Price', kind: 'ticks', value: 2, tickColumn: 'Tick Size' })).toBe('Trade Price may differ by up to 2 ticks (tick size from the Tick Size column)');
    expect(describeRule({ field: 'Trade Price', kind: 'ticks', value: 1, tickSize: 0.25 })).toBe('Trade Price may differ by up to 1 tick (tick size 0.25)');
    expect(describeRule({ field: 'Quantity', kind: 'exact' })).toBe('Quantity must match exactly');
    expect(describeRule({ field: 'Commission', kind: 'abs', value: 0.01 })).toBe('Commission may differ by up to 0.01');
    expect(describeRule({ field: 'Notional', kind: 'rel', value: 0.001 })).toBe('Notional may differ by up to 0.1% of the larger value');
    expect(describeRule({ field: 'Notional', kind: 'rel', value: 0.005, abs: 1, mode: 'right' }, { right: 'broker' })).toBe('Notional may differ by up to 0.5% of the broker value plus 1');
    expect(describeRule({ field: 'Rate', kind: 'bps', value: 0.5 })).toBe('Rate may differ by up to 0.5 basis points');
    expect(describeRule({ field: 'Rate', kind: 'bps', value: 1 })).toBe('Rate may differ by up to 1 basis point');
    expect(describeRule({ field: 'Settlement Date', kind: 'days', value: 2, holidays: 'TARGET' })).toBe('Settlement Date may differ by up to 2 business days (weekends and holidays in the TARGET table skipped)');
    expect(describeRule({ field: 'Trade Date', kind: 'days', value: 0 })).toBe('Trade Date must fall on the same day');
    expect(describeRule({ field: 'Counterparty', kind: 'text' })).toBe('Counterparty must match, ignoring case and extra spaces');
    expect(describeRule({ field: 'Side', kind: 'text', ignoreCase: false, ignoreSpaces: false, equivalents: 'Sides' })).toBe('Side must match, exactly as written, with the equivalents in the Sides table');
  });

  it('comes from the registry, which lists every kind of the template schema with its params', () => {
    expect(TOLERANCE_KINDS.map((k) => k.kind)).toEqual(['exact', 'abs', 'rel', 'ticks', 'bps', 'days', 'text']);
    for (const k of TOLERANCE_KINDS) {
      expect(k.label).not.toBe('');
      expect(k.doc).not.toBe('');
    }
    expect(TOLERANCE_KINDS.find((k) => k.kind === 'ticks')!.params.map((p) => p.name)).toEqual(['value', 'tickTable', 'tickKey', 'tickColumn', 'tickSize']);
  });
});
