import { describe, expect, it } from 'vitest';
import { run } from './test-support';

/** 2,000 trades where a few root causes explain every break. */
function book() {
  const n = 2000;
  const ids = Array.from({ length: n }, (_, i) => `T${String(i).padStart(5, '0')}`);
  const products = ids.map((_, i) => ['ES', 'NQ', 'ZN', 'CL'][i % 4]);
  const price = ids.map((_, i) => 100 + (i % 37) * 0.25);
  const qty = ids.map((_, i) => 1 + (i % 9));
  const rPrice = price.map((p, i) => (products[i] === 'ES' && i % 8 === 0 ? p + 0.5 : p)); // ES: two ticks high on the right
  const rQty = qty.map((q, i) => (products[i] === 'NQ' && i % 10 === 1 ? q + 100 : q)); // NQ: a hundred lots too many on the right
  const keep = ids.map((_, i) => !(products[i] === 'CL' && i % 20 === 3)); // CL: some trades never reached the broker
  const pick = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
  return {
    left: { Id: ids, Product: products, Price: price, Qty: qty },
    right: { Id: pick(ids), Product: pick(products), Price: pick(rPrice), Qty: pick(rQty) },
  };
}

const referenceTables = { Ticks: { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['NQ', 0.25], ['ZN', 0.015625], ['CL', 0.01]] } };
const rules = [{ field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' }, { field: 'Qty', kind: 'exact' }] as const;

describe('clusters', () => {
  it('collapse many breaks into a few stable root-cause signatures', () => {
    const { left, right } = book();
    const r = run(left, right, { rules: [...rules], referenceTables, clusterBy: ['Product'] });
        expect(r.summary.clusters.map((c) => [c.signature, c.count])).toEqual([
      ['field|Price:-2tick|Product=ES', 250],
      ['field|Qty:-1e2|Product=NQ', 100],
      ['only-left|Product=CL', 100],
    ]);
    expect(r.summary.breaks).toBe(450);
    const es = r.summary.clusters.find((c) => c.signature.includes('ES'))!;
    expect(es.description).toBe('Price lower in left by 2 ticks (Product ES)');
    expect(r.summary.clusters.find((c) => c.kind === 'only-left')!.description).toBe('Only in left (Product CL)');
    // Stable: the same data gives the same signatures.
    const again = run(left, right, { rules: [...rules], referenceTables, clusterBy: ['Product'] });
    expect(again.breaks.map((b) => b.cluster)).toEqual(r.breaks.map((b) => b.cluster));
  });
});

describe('severity', () => {
  it('defaults: missing rows are errors, small field breaks warnings, large ones errors', () => {
    const r = run(
      { Id: ['A', 'B', 'C'], Price: [100, 100, 100] },
      { Id: ['A', 'B', 'D'], Price: [100.02, 150, 100] },
      { rules: [{ field: 'Price', kind: 'abs', value: 0.01 }], suggest: false },
    );
    expect(r.breaks.map((b) => [b.key.Id, b.kind, b.severity])).toEqual([
      ['A', 'field', 'warning'],
      ['B', 'field', 'error'],
      ['C', 'only-left', 'error'],
      ['D', 'only-right', 'error'],
    ]);
  });

  it('follows the template: severity rules first, then a tolerance rule’s own severity', () => {
    const left = { Id: ['A', 'B'], Price: [100, 100], Fee: [1, 1] };
    const right = { Id: ['A', 'B'], Price: [100.02, 100], Fee: [1, 3] };
    const r = run(left, right, {
      rules: [{ field: 'Price', kind: 'abs', value: 0.01, severity: 'info' }, { field: 'Fee', kind: 'exact' }],
      severityRules: [{ field: 'Fee', minAbsDiff: 1, severity: 'error' }],
    });
    expect(r.breaks.map((b) => [b.key.Id, b.severity])).toEqual([['A', 'info'], ['B', 'error']]);
  });
});
