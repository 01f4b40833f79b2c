import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesOf, namesOf, readWith, rowsOf, typesOf } from '../test-support';
import { xlsxReader } from './xlsx-reader';

/** A workbook built in the test: a title, a merged "Trade" caption over Date | Price, dates as serials. */
function positionsBook(): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Positions report'],
    [],
    ['Account', 'Trade', null, 'Qty'],
    [null, 'Date', 'Price', null],
    ['00123', 46345, 12.5, 10],
    ['ACC-2', 46346, 13, 20],
    [null, null, null, null],
    ['ACC-3', 46347, { t: 'e', v: 42, w: '#N/A' }, 5],
  ]);
  ws['!merges'] = [{ s: { r: 2, c: 1 }, e: { r: 2, c: 2 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
  for (const ref of ['B5', 'B6', 'B8']) ws[ref].z = 'dd/mm/yyyy';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, 'Positions');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Symbol', 'Px'], ['ESZ6', 6012.25], ['NQZ6', 21480.5]]), 'Prices');
  return book;
}

const write = (book: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx') => new Uint8Array(XLSX.write(book, { type: 'buffer', bookType }));
const read = (bytes: Uint8Array, options?: Record<string, unknown>, name = 'book.xlsx') => readWith(xlsxReader, bytes, { name, options });

describe('xlsx reader', () => {
  it('combines a merged caption with the sub-headers below it, and skips the title above', async () => {
    const r = await read(write(positionsBook()));
    expect(namesOf(r.table)).toEqual(['Account', 'Trade Date', 'Trade Price', 'Qty']);
    expect(r.details).toMatchObject({ sheet: 'Positions', header: 'rows 3-4' });
    expect(codesOf(r)).toContain('lines-before-header');
  });

  it('reads date cells as dates, keeps codes as text, skips blank rows and keeps sheet row numbers', async () => {
    const r = await read(write(positionsBook()));
    expect(typesOf(r.table)).toEqual(['text', 'date', 'number', 'number']);
    expect(rowsOf(r.table)).toEqual([
      ['00123', '2026-11-19', '12.5', '10'],
      ['ACC-2', '2026-11-20', '13', '20'],
      ['ACC-3', '2026-11-21', '', '5'],
    ]);
    expect([...r.table!.origin.rowNumbers]).toEqual([5, 6, 8]);
  });

  it('reads an error cell as blank with a finding that names the cell', async () => {
    const r = await read(write(positionsBook()));
    const error = r.findings.find((f) => f.code === 'error-cell');
    expect(error).toMatchObject({ severity: 'warning', location: { source: 'book.xlsx', row: 8, column: 'Trade Price' } });
    expect(error?.message).toMatch(/Cell C8 .* #N\/A/);
  });

  it('reads legacy .xls the same way', async () => {
    const r = await read(write(positionsBook(), 'biff8'), undefined, 'book.xls');
    expect(namesOf(r.table)).toEqual(['Account', 'Trade Date', 'Trade Price', 'Qty']);
    expect(rowsOf(r.table)[0]).toEqual(['00123', '2026-11-19', '12.5', '10']);
  });

  it('chooses a sheet by name (any case) or 1-based position, and lists the sheets when there is no such one', async () => {
    const bytes = write(positionsBook());
    expect(namesOf((await read(bytes, { sheet: 'Prices' })).table)).toEqual(['Symbol', 'Px']);
    expect(namesOf((await read(bytes, { sheet: 'prices' })).table)).toEqual(['Symbol', 'Px']);
    expect(namesOf((await read(bytes, { sheet: 2 })).table)).toEqual(['Symbol', 'Px']);
    const missing = await read(bytes, { sheet: 'Trades' });
    expect(missing.table).toBeUndefined();
    expect(missing.findings[0]).toMatchObject({ code: 'no-such-sheet', severity: 'error' });
    expect(missing.findings[0].message).toMatch(/1 "Positions", 2 "Prices"/);
    expect((await read(bytes, { sheet: 5 })).findings[0].code).toBe('no-such-sheet');
  });

  it('takes the header row and the header depth the user gives', async () => {
    const r = await read(write(positionsBook()), { headerRow: 4, headerRows: 1 });
    expect(namesOf(r.table)).toEqual(['Account', 'Date', 'Price', 'Column D']);
    expect(r.table?.rowCount).toBe(3);
  });

  it('reads a column fixed to text as Excel shows it', async () => {
    const r = await read(write(positionsBook()), { types: { 'Trade Date': 'text' } });
    expect(rowsOf(r.table)[0][1]).toBe('19/11/2026');
  });

  it('shifts dates of 1904-based workbooks', async () => {
    const book = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([['d', 'n'], [44883, 1]]);
    ws.A2.z = 'yyyy-mm-dd';
    XLSX.utils.book_append_sheet(book, ws, 'S');
    book.Workbook = { WBProps: { date1904: true } };
    expect(rowsOf((await read(write(book))).table)).toEqual([['2026-11-19', '1']]);
  });

  it('refuses bytes that are no workbook', async () => {
    const r = await read(new TextEncoder().encode('a,b\n1,2\n'));
    expect(r.findings[0]).toMatchObject({ code: 'not-a-workbook', severity: 'error' });
  });

  it('reads the shipped blotter: notes sheet passed over, captions merged over sub-headers', async () => {
    const file = path.resolve('templates/excel-trade-blotter/samples/trade-blotter.xlsx');
    const r = await read(new Uint8Array(readFileSync(file)), undefined, 'trade-blotter.xlsx');
    expect(r.details).toMatchObject({ sheet: 'Blotter', header: 'rows 2-3' });
    expect(namesOf(r.table).slice(0, 3)).toEqual(['Trade Id', 'Trade Date', 'Trade Time']);
    expect(r.profile.find((p) => p.name === 'Trade Date')).toMatchObject({ type: 'date', min: '2026-11-19' });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
