import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codesOf, namesOf, readWith, rowsOf, typesOf } from '../test-support';
import { jsonReader } from './json-reader';

const read = (value: unknown, options?: Record<string, unknown>, name = 'f.json') =>
  readWith(jsonReader, typeof value === 'string' ? value : JSON.stringify(value), { name, options });

describe('json reader', () => {
  it('reads an array of objects, typing JSON values as themselves and strings by the text rules', async () => {
    const r = await read([{ id: '00123', qty: 10, px: '1,234.50', d: '2026-11-20', live: true }, { id: '00124', qty: -5, px: '(2.00)', d: '2026-11-21', live: false }]);
    expect(namesOf(r.table)).toEqual(['id', 'qty', 'px', 'd', 'live']);
    expect(typesOf(r.table)).toEqual(['text', 'number', 'number', 'date', 'boolean']);
    expect(rowsOf(r.table)).toEqual([['00123', '10', '1234.5', '2026-11-20', 'TRUE'], ['00124', '-5', '-2', '2026-11-21', 'FALSE']]);
    expect([...r.table!.origin.rowNumbers]).toEqual([1, 2]);
    expect(r.findings).toEqual([]);
  });

  it('flattens nested fields to dotted names; arrays of objects are indexed, plain arrays kept as JSON', async () => {
    const r = await read([{ trade: { id: 'T1', legs: [{ ccy: 'EUR' }, { ccy: 'USD' }] }, tags: ['a', 'b'] }, { trade: { id: 'T2' } }]);
    expect(namesOf(r.table)).toEqual(['trade.id', 'trade.legs.0.ccy', 'trade.legs.1.ccy', 'tags']);
    expect(rowsOf(r.table)).toEqual([['T1', 'EUR', 'USD', '["a","b"]'], ['T2', '', '', '']]);
  });

  it('follows a path to the rows, or finds the largest array of objects and says where', async () => {
    const doc = { meta: { count: 2, runs: [{ n: 1 }] }, data: { trades: [{ id: 1 }, { id: 2 }] } };
    expect(rowsOf((await read(doc, { path: 'data.trades' })).table)).toEqual([['1'], ['2']]);
    expect(rowsOf((await read(doc, { path: '$.meta.runs' })).table)).toEqual([['1']]);
    const found = await read(doc);
    expect(found.details).toEqual({ rows: 'data.trades' });
    expect(codesOf(found)).toEqual(['rows-found-at']);
    const single = await read({ id: 'T1', px: 2 });
    expect(rowsOf(single.table)).toEqual([['T1', '2']]);
  });

  it('refuses a path that leads nowhere, naming the keys that are there', async () => {
    const r = await read({ data: { trades: [] } }, { path: 'data.trade' });
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'no-rows-at-path', severity: 'error' });
    expect(r.findings[0].message).toMatch(/no "trade" at "data".*keys there are: trades/);
  });

  it('reads JSON Lines line by line: a bad line is a finding with its line number', async () => {
    const r = await read('{"a":1,"b":"x"}\n{"a":2,"b":"y"}\nnot json\n\n{"a":3}\n', undefined, 'f.jsonl');
    expect(rowsOf(r.table)).toEqual([['1', 'x'], ['2', 'y'], ['3', '']]);
    expect([...r.table!.origin.rowNumbers]).toEqual([1, 2, 5]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'bad-json-line', location: { source: 'f.jsonl', row: 3 } })]);
    expect(rowsOf((await read('{"a":1}\n{"a":2}\n')).table)).toEqual([['1'], ['2']]);
  });

  it('refuses JSON that does not parse, with the line when the parser gives a position', async () => {
    const r = await read('[{"a": 1},\n {"a": 2,]');
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'bad-json', severity: 'error' });
    expect(r.findings[0].message).toMatch(/line 2/);
    expect((await read('')).findings[0].code).toBe('empty-file');
  });

  it('keeps rather than explodes structures nested deeper than 32 levels', async () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 40; i++) deep = { n: deep };
    const r = await read([{ id: 1, deep }]);
    expect(r.table?.columns.length).toBe(2);
    expect(rowsOf(r.table)[0][1]).toMatch(/^\{"n":/);
  });

  it('reads a shared fixture: a regulation package dump', async () => {
    const bytes = readFileSync('/work/shared/fixtures/seeds/openreg/emir_refit.json');
    const r = await readWith(jsonReader, new Uint8Array(bytes), { name: 'emir_refit.json' });
    expect(r.table?.rowCount).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
