import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { reconcile } from './reconcile';
import { tableOf } from './test-tables';

describe('matching many one-to-one pairs', () => {
  it('finds exactly the differing pairs, in key order, when the right rows come in another order', () => {
    // Enough pairs for the comparisons to run stripe by stripe of right rows.
    const n = 70_000;
    const rand = seededRandom(9);
    const ids = Array.from({ length: n }, (_, i) => `T${i}`);
    const qty = ids.map((_, i) => i % 500);
    const price = ids.map((_, i) => (i % 1000) / 4);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const qtyOff = (i: number) => i % 997 === 0;
    const priceOff = (i: number) => i % 1201 === 5;
    const priceWithin = (i: number) => i % 13 === 1;
    const result = reconcile({
      left: { name: 'left', table: tableOf('L', { Id: ids, Qty: qty, Price: price }) },
      right: {
        name: 'right',
        table: tableOf('R', {
          Id: order.map((i) => ids[i]),
          Qty: order.map((i) => qty[i] + (qtyOff(i) ? 1 : 0)),
          Price: order.map((i) => price[i] + (priceOff(i) ? 1 : priceWithin(i) ? 0.01 : 0)),
        }),
      },
      keys: [{ name: 'Id', columns: { left: 'Id', right: 'Id' } }],
      rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.05 }],
      suggest: false,
    });
    const broken = ids.map((_, i) => i).filter((i) => qtyOff(i) || priceOff(i));
    expect(result.breaks.map((b) => b.key.Id)).toEqual(broken.map((i) => ids[i]));
    expect(result.breaks.every((b) => b.kind === 'field')).toBe(true);
    const within = ids.map((_, i) => i).filter((i) => priceWithin(i) && !priceOff(i)).length;
    expect(result.summary.byField.Qty).toMatchObject({ compared: n, breaks: ids.filter((_, i) => qtyOff(i)).length });
    expect(result.summary.byField.Price).toMatchObject({ compared: n, breaks: ids.filter((_, i) => priceOff(i)).length, withinTolerance: within });
    expect(result.summary.matched).toBe(n - broken.length);
    // Lineage points at the shuffled right rows.
    const first = result.breaks[0];
    expect(first.lineage.right?.[0].index).toBe(order.indexOf(Number(first.key.Id.slice(1))));
  });
});
