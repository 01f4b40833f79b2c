import { describe, expect, it } from 'vitest';
import { FindingSink } from '../finding-sink';
import { rowsOf, typesOf } from '../test-support';
import { KindTally } from './kind-tally';
import { buildValueTable, type CellValue } from './value-table';

function kindOf(cells: string[]) {
  const tally = new KindTally();
  for (const c of cells) tally.addText(c);
  return { kind: tally.kind, ymd8: tally.ymd8, dayFirst: tally.dayFirst, hasTime: tally.hasTime };
}

describe('KindTally: the inference rules', () => {
  it.each([
    [['1', '-2.5', '(3.00)', '4-'], 'number'],
    [['00123', '1'], 'text'],
    [['1234567890123456'], 'text'],
    [['2026-11-20', '20.11.2026'], 'date'],
    [['20261120', '20261121'], 'date'],
    [['20261120', '12'], 'number'],
    [['Y', 'n', 'TRUE', 'no'], 'boolean'],
    [['1', '0'], 'number'],
    [['Y', '1'], 'text'],
    [['2026-11-20', 'x'], 'text'],
  ] as const)('%j is %s', (cells, kind) => {
    expect(kindOf([...cells]).kind).toBe(kind);
  });

  it('settles day/month order from any part above 12, and leaves it open otherwise', () => {
    expect(kindOf(['03/04/2026', '13/04/2026']).dayFirst).toBe(true);
    expect(kindOf(['03/04/2026', '04/13/2026']).dayFirst).toBe(false);
    expect(kindOf(['03/04/2026', '05/06/2026']).dayFirst).toBeUndefined();
    expect(kindOf(['13/04/2026', '04/13/2026']).kind).toBe('text');
    expect(kindOf(['2026-11-20', '2026-11-20T10:00']).hasTime).toBe(true);
  });
});

describe('buildValueTable', () => {
  const build = (names: string[], columns: CellValue[][], options = {}) => {
    const sink = new FindingSink('t.json');
    const table = buildValueTable({ datasetId: 'x', names, columns, rowNumbers: Int32Array.from(columns[0], (_, i) => i + 1), options, sink });
    return { table, findings: sink.list() };
  };

  it('counts typed values as themselves and text by the text rules', () => {
    const { table } = build(['n', 'b', 'd', 's', 'mixed'], [
      [1.5, 2], [true, false], [{ serial: 46345 }, { serial: 46345.5 }], ['1,234.50', '(2)'], ['A', 7],
    ]);
    expect(typesOf(table)).toEqual(['number', 'boolean', 'datetime', 'number', 'text']);
    expect(rowsOf(table)).toEqual([
      ['1.5', 'TRUE', '2026-11-19T00:00:00', '1234.5', 'A'],
      ['2', 'FALSE', '2026-11-19T12:00:00', '-2', '7'],
    ]);
  });

  it('makes an all-blank column text, and reports cells that do not fit a fixed type', () => {
    const { table, findings } = build(['empty', 'n'], [[null, ''], ['1', 'x']], { types: { n: 'number' } });
    expect(typesOf(table)).toEqual(['text', 'number']);
    expect(rowsOf(table)).toEqual([['', '1'], ['', '']]);
    expect(findings).toEqual([expect.objectContaining({ code: 'bad-value', location: { source: 't.json', row: 2, column: 'n' } })]);
  });

  it('reads numbers in a column fixed to dates as Excel serials', () => {
    const { table } = build(['d'], [[46345, '2026-11-20']], { types: { d: 'date' } });
    expect(rowsOf(table)).toEqual([['2026-11-19'], ['2026-11-20']]);
  });
});
