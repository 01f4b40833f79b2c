import { describe, expect, it } from 'vitest';
import { reconcile, reconcileMany } from '../recon/index';
import { tableOf } from '../recon/test-tables';
import { toNewBreaks } from './break-rows';

const FILES = new Map([['internal', 'internal.csv'], ['broker', 'broker.csv'], ['ccp', 'ccp.csv']]);

describe('engine breaks → stored review rows', () => {
  it('keeps an N-way break\'s values, missing sources and lineage by source name', () => {
    const { breaks } = reconcileMany({
      sources: [
        { name: 'internal', table: tableOf('internal', { Id: ['T1', 'T2', 'T3'], Qty: [10, 20, 30] }) },
        { name: 'broker', table: tableOf('broker', { Id: ['T1', 'T2'], Qty: [10, 21] }) },
        { name: 'ccp', table: tableOf('ccp', { Id: ['T1', 'T2', 'T3'], Qty: [10, 20, 30] }) },
      ],
      keys: [{ name: 'Id', columns: { internal: 'Id', broker: 'Id', ccp: 'Id' } }],
      rules: [{ field: 'Qty', kind: 'exact' }],
    });
    const rows = toNewBreaks({ breaks, sources: ['internal', 'broker', 'ccp'], fileNames: FILES });
    const byKey = Object.fromEntries(rows.map((r) => [r.key.Id, r]));
    expect(byKey.T2).toMatchObject({ kind: 'field', sources: ['internal', 'broker', 'ccp'], missing: [], suggestions: [] });
    expect(byKey.T2.fields).toEqual([expect.objectContaining({ field: 'Qty', values: { internal: 20, broker: 21, ccp: 20 }, disagree: ['broker'], withinTolerance: false })]);
    expect(byKey.T2.lineage).toEqual({
      internal: [{ file: 'internal.csv', sha256: 'internal', row: 3 }], broker: [{ file: 'broker.csv', sha256: 'broker', row: 3 }], ccp: [{ file: 'ccp.csv', sha256: 'ccp', row: 3 }],
    });
    expect(byKey.T3).toMatchObject({ kind: 'only-left', missing: ['broker'] });
    expect(Object.keys(byKey.T3.lineage)).toEqual(['internal', 'ccp']);
  });

  it('names a two-way break\'s sides by source, with its suggestions and an unknown file as null', () => {
    const { breaks } = reconcile({
      left: { name: 'internal', table: tableOf('internal', { Id: ['T10045', 'T2'], Qty: [5, 7] }) },
      right: { name: 'broker', table: tableOf('other', { Id: ['T10046', 'T2'], Qty: [5, 8] }) },
      keys: [{ name: 'Id', columns: { internal: 'Id', broker: 'Id' } }],
      rules: [{ field: 'Qty', kind: 'exact' }],
    });
    const rows = toNewBreaks({ breaks, sources: ['internal', 'broker'], fileNames: FILES });
    const field = rows.find((r) => r.kind === 'field')!;
    expect(field.fields[0]).toMatchObject({ field: 'Qty', values: { internal: 7, broker: 8 }, diff: -1, disagree: ['broker'] });
    const onlyLeft = rows.find((r) => r.kind === 'only-left')!;
    expect(onlyLeft).toMatchObject({ key: { Id: 'T10045' }, missing: ['broker'], lineage: { internal: [{ file: 'internal.csv', row: 2 }] } });
    expect(onlyLeft.suggestions[0]).toMatchObject({ source: 'broker', key: { Id: 'T10046' }, lineage: { file: null, sha256: 'other', row: 2 }, reasons: [expect.objectContaining({ code: 'typo' })] });
    expect(rows.find((r) => r.kind === 'only-right')).toMatchObject({ missing: ['internal'], lineage: { broker: [{ file: null, sha256: 'other' }] } });
  });
});
