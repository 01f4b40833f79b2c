import { describe, expect, it } from 'vitest';
import { reconcile } from '../reconcile';
import { reconcileMany } from '../nway';
import { tableOf } from '../test-tables';
import { exceptionCsv, exceptionRows } from './exception-report';

const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);

describe('exception report', () => {
  const nway = reconcileMany({
    sources: [
      { name: 'internal', table: tableOf('internal', { Id: ['T1', 'T2', 'T3'], Qty: [10, 20, 30], Price: [1.5, 2.5, 3.5] }) },
      { name: 'broker', table: tableOf('broker', { Id: ['T2', 'T1', 'T4'], Qty: [25, 10, 40], Price: [2.5, 1.5, 4.5] }) },
      { name: 'ccp', table: tableOf('ccp', { Id: ['T1', 'T2'], Qty: [10, 25], Price: [1.5, 2.75] }) },
    ],
    keys: [{ name: 'Id', columns: { internal: 'Id', broker: 'Id', ccp: 'Id' } }],
    rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.1 }],
  });
  const report = { breaks: nway.breaks, keyNames: ['Id'], fields: ['Qty', 'Price'], sources: ['internal', 'broker', 'ccp'] };

  it('gives an N-way break one value and one rows column per source, and names the missing and disagreeing sources', () => {
    const [header, ...rows] = lines(exceptionCsv(report));
    expect(header).toBe('kind,Id,missing,disagree,Qty_internal,Qty_broker,Qty_ccp,Qty_diff,Qty_rule,Price_internal,Price_broker,Price_ccp,Price_diff,Price_rule,severity,cluster,internal_rows,broker_rows,ccp_rows');
    const byKey = Object.fromEntries(rows.map((r) => [r.split(',')[1], r]));
    // T2: broker and ccp say 25 against the book's 20; only the ccp is off on price.
    expect(byKey.T2).toMatch(/^field,T2,,broker\+ccp,20,25,25,-5,Qty must match exactly,2\.5,2\.5,2\.75,-0\.25,Price may differ by up to 0\.1,error,[^,]*,3,2,3$/);
    expect(byKey.T3).toMatch(/^only-left,T3,broker\+ccp,,(,){10}error,[^,]*,4,,$/);
    expect(byKey.T4).toMatch(/^only-right,T4,internal\+ccp,,(,){10}error,[^,]*,,4,$/);
    expect(rows).toHaveLength(3);
  });

  it('reports no field columns when nothing broke outside tolerance, only the rows', () => {
    const missingOnly = { ...report, breaks: nway.breaks.filter((b) => b.kind !== 'field') };
    expect(exceptionRows(missingOnly).header).toEqual(['kind', 'Id', 'missing', 'disagree', 'severity', 'cluster', 'internal_rows', 'broker_rows', 'ccp_rows']);
  });

  it('keeps the two-way layout, left and right, when no sources are named', () => {
    const two = reconcile({
      left: { name: 'left', table: tableOf('l', { Id: ['A', 'B'], Qty: [1, 2] }) },
      right: { name: 'right', table: tableOf('r', { Id: ['A', 'C'], Qty: [3, 2] }) },
      keys: [{ name: 'Id', columns: { left: 'Id', right: 'Id' } }],
      rules: [{ field: 'Qty', kind: 'exact' }],
      suggest: false,
    });
    const [header, ...rows] = lines(exceptionCsv({ breaks: two.breaks, keyNames: ['Id'], fields: ['Qty'] }));
    expect(header).toBe('kind,Id,Qty_left,Qty_right,Qty_diff,Qty_rule,severity,cluster,left_rows,right_rows');
    expect(rows[0]).toMatch(/^field,A,1,3,-2,Qty must match exactly,error,[^,]*,2,2$/);
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(['field', 'only-left', 'only-right']);
  });
});
