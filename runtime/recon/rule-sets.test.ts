import { describe, expect, it } from 'vitest';
import { run } from './test-support';

describe('conditional rule sets', () => {
  // Rows 0–1 are futures (default rules: price within 0.01); rows 2–3 are rates (rule set 0: price within 0.5 bp).
  const left = { Id: ['F1', 'F2', 'R1', 'R2'], Price: [101.5, 99.0, 0.0525, 0.031], Qty: [1, 2, 3, 4] };
  const right = { Id: ['F1', 'F2', 'R1', 'R2'], Price: [101.51, 99.02, 0.05254, 0.0311], Qty: [1, 2, 3, 5] };
  const rules = [{ field: 'Price', kind: 'abs', value: 0.01 }, { field: 'Qty', kind: 'exact' }] as const;
  const ruleSets = [{ name: 'Rates', rules: [{ field: 'Price', kind: 'bps', value: 0.5 }] as const }];

  it('applies the rule set the runner chose per left row, keeping default rules for other fields', () => {
    const r = run(left, right, { rules: [...rules], ruleSets: [{ name: 'Rates', rules: [...ruleSets[0].rules] }], ruleSetIndex: Int32Array.from([-1, -1, 0, 0]) });
    const byKey = Object.fromEntries(r.breaks.map((b) => [b.key.Id, b]));
    expect(Object.keys(byKey).sort()).toEqual(['F2', 'R2']);
    expect(byKey.F2.fields).toEqual([expect.objectContaining({ field: 'Price', rule: 'Price may differ by up to 0.01', withinTolerance: false })]);
    // R2: 0.031 vs 0.0311 is 1 bp (a break under 0.5 bp); Qty still compares under the default exact rule.
    expect(byKey.R2.fields.map((f) => [f.field, f.rule, f.withinTolerance])).toEqual([
      ['Qty', 'Qty must match exactly', false],
      ['Price', 'Price may differ by up to 0.5 basis points', false],
    ]);
    expect(byKey.R2.fields[1].measure).toEqual({ value: 1, unit: 'bps' });
  });

  it('uses the default rules without a choice, and reports a choice of the wrong length', () => {
    const r = run(left, right, { rules: [...rules], ruleSets: [{ name: 'Rates', rules: [...ruleSets[0].rules] }] });
    expect(r.breaks.map((b) => b.key.Id)).toEqual(['F2', 'R2']);
    const bad = run(left, right, { rules: [...rules], ruleSets: [{ name: 'Rates', rules: [...ruleSets[0].rules] }], ruleSetIndex: Int32Array.from([0]) });
    expect(bad.findings.map((f) => f.code)).toEqual(['recon.rule-set-index']);
  });
});
