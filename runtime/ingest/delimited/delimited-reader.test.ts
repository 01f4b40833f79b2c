import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesOf, namesOf, readWith, rowsOf, typesOf, utf8 } from '../test-support';
import { delimitedReader } from './delimited-reader';

const read = (input: string | Uint8Array, options?: Record<string, unknown>, chunkBytes?: number) =>
  readWith(delimitedReader, input, { options, chunkBytes });

describe('delimited reader: structure', () => {
  it('reads quoted fields with embedded delimiters, quotes and newlines', async () => {
    const r = await read('id,note,amount\r\n1,"a, b",10\r\n2,"say ""hi""\nthere",20\r\n');
    expect(namesOf(r.table)).toEqual(['id', 'note', 'amount']);
    expect(rowsOf(r.table)).toEqual([['1', 'a, b', '10'], ['2', 'say "hi"\nthere', '20']]);
    expect(r.findings).toEqual([]);
    expect([...r.table!.origin.rowNumbers]).toEqual([2, 3]);
  });

  it.each([[';', 'a;b\n1;2\n'], ['tab', 'a\tb\n1\t2\n'], ['|', 'a|b\n1|2\n'], [',', 'a,b\n1,2\n']])('detects the %s delimiter', async (d, text) => {
    const r = await read(text);
    expect(r.details?.delimiter).toBe(d);
    expect(rowsOf(r.table)).toEqual([['1', '2']]);
  });

  it('keeps commas inside quoted numbers when the file is semicolon-separated', async () => {
    const r = await read('qty;price\n1;"1,234.50"\n2;"(3,000.00)"\n');
    expect(r.details?.delimiter).toBe(';');
    expect(rowsOf(r.table)).toEqual([['1', '1234.5'], ['2', '-3000']]);
  });

  it('takes a delimiter the user names, by character or by name', async () => {
    expect(rowsOf((await read('a,b;c\n1,2;3\n', { delimiter: 'semicolon' })).table)).toEqual([['1,2', '3']]);
    expect(namesOf((await read('a\tb\n1\t2\n', { delimiter: '\t' })).table)).toEqual(['a', 'b']);
  });

  it('reports a ragged row with its line number instead of failing', async () => {
    const r = await read('a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(rowsOf(r.table)).toEqual([['1', '2', '3'], ['4', '5', ''], ['6', '7', '8']]);
    expect(r.findings.map((f) => [f.code, f.location.row])).toEqual([['ragged-row', 3], ['ragged-row', 4]]);
    expect(r.findings[0].message).toMatch(/Line 3 has 2 fields but the header has 3/);
  });

  it('drops trailing empty fields silently (an export artefact, nothing lost)', async () => {
    const r = await read('a,b\n1,2,,\n3,4,\n');
    expect(rowsOf(r.table)).toEqual([['1', '2'], ['3', '4']]);
    expect(r.findings).toEqual([]);
  });

  it('counts lines inside quoted newlines when it reports a row', async () => {
    const r = await read('a,b\n"x\ny",1\n2\n');
    expect(r.findings[0].location.row).toBe(4);
    expect([...r.table!.origin.rowNumbers]).toEqual([2, 4]);
  });

  it('names blank and repeated headers and says so', async () => {
    const r = await read('id,,id\n1,2,3\n');
    expect(namesOf(r.table)).toEqual(['id', 'Column 2', 'id (2)']);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'duplicate-header', location: { source: 'f.csv', row: 1, column: 'id' } })]);
  });

  it('skips title lines above the header and says where the header is', async () => {
    const r = await read('Statement for ACC-1\nRun date: 2026-11-20\n\nacct,qty,px\nA,1,2.5\nB,2,3.5\n');
    expect(namesOf(r.table)).toEqual(['acct', 'qty', 'px']);
    expect([...r.table!.origin.rowNumbers]).toEqual([5, 6]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'lines-before-header', location: { source: 'f.csv', row: 4 } })]);
  });

  it('takes headerRow when the user names it', async () => {
    const r = await read('junk,junk,junk\nx,y,z\n1,2,3\n', { headerRow: 2 });
    expect(namesOf(r.table)).toEqual(['x', 'y', 'z']);
  });

  it('detects a file without a header from its typed first row', async () => {
    const r = await read('1,2026-01-01,3.5\n2,2026-01-02,4.5\n');
    expect(r.details?.header).toBe('none');
    expect(namesOf(r.table)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(rowsOf(r.table)).toEqual([['1', '2026-01-01', '3.5'], ['2', '2026-01-02', '4.5']]);
  });

  it('reads CRLF, LF and CR-only line ends alike', async () => {
    for (const nl of ['\r\n', '\n', '\r']) {
      const r = await read(`a,b${nl}1,x${nl}2,y${nl}`);
      expect(rowsOf(r.table)).toEqual([['1', 'x'], ['2', 'y']]);
    }
  });

  it('recovers from a quote that never closes: the line is read with the quote as a character', async () => {
    const r = await read('a,b\n"unclosed,1\n3,4\n5,6\n');
    expect(rowsOf(r.table)).toEqual([['"unclosed', '1'], ['3', '4'], ['5', '6']]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'unclosed-quote', location: { source: 'f.csv', row: 2 } })]);
  });

  it('keeps text after a closing quote and quotes inside unquoted fields', async () => {
    const r = await read('a,b\n"ab"cd,x"y\n');
    expect(rowsOf(r.table)).toEqual([['abcd', 'x"y']]);
  });

  it('gives the same table whatever the chunk size (streaming is invisible)', async () => {
    const text = 'acct;amount;date;note\nA;"1,234.50";20/11/2026;"multi\nline; with ""quotes"""\nB;(12.00);21/11/2026;plain\n';
    const whole = await read(text);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const streamed = await read(text, undefined, size);
      expect(rowsOf(streamed.table)).toEqual(rowsOf(whole.table));
      expect([...streamed.table!.origin.rowNumbers]).toEqual([...whole.table!.origin.rowNumbers]);
    }
  });
});

describe('delimited reader: encodings', () => {
  it('strips a UTF-8 BOM and reads Latin-1 when the bytes are not UTF-8', async () => {
    const bom = await read(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name\nx\n')]));
    expect(namesOf(bom.table)).toEqual(['name']);
    const latin1 = await read(new Uint8Array([...utf8('city\nZ'), 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0a]));
    expect(latin1.details?.encoding).toBe('windows-1252');
    expect(rowsOf(latin1.table)).toEqual([['Zürich']]);
    expect(codesOf(latin1)).toEqual(['encoding-windows-1252']);
  });

  it('reads UTF-16 with a BOM, and without one, as text', async () => {
    const text = 'a,b\n1,é\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    expect(rowsOf((await read(le)).table)).toEqual([['1', 'é']]);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) be[i * 2 + 1] = text.charCodeAt(i);
    const r = await read(be);
    expect(r.details?.encoding).toBe('utf-16be');
    expect(rowsOf(r.table)).toEqual([['1', 'é']]);
  });

  it('reads a value that is not UTF-8 deep in a UTF-8 file as Latin-1 and reports the line', async () => {
    const head = `name\n${'Zürich\n'.repeat(10_000)}`;
    const bytes = new Uint8Array([...utf8(head), 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x0a]);
    const r = await read(bytes);
    expect(rowsOf(r.table).at(-1)).toEqual(['München']);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'mixed-encoding', location: { source: 'f.csv', row: 10_002 } })]);
  });
});

describe('delimited reader: refusals and limits', () => {
  it('refuses empty, whitespace-only and binary input with a message that says what to do', async () => {
    expect((await read('')).findings[0]).toMatchObject({ code: 'empty-file', severity: 'error' });
    expect((await read(' \n\n')).findings[0]).toMatchObject({ code: 'empty-file' });
    const binary = await read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(binary.table).toBeUndefined();
    expect(binary.findings[0].message).toMatch(/looks like a binary file, not CSV/);
  });

  it('refuses a file over maxBytes or maxRows, keeping nothing', async () => {
    const text = `a\n${'1\n'.repeat(100)}`;
    const big = await readWith(delimitedReader, text, { limits: { maxBytes: 50 } });
    expect(big.table).toBeUndefined();
    expect(big.findings).toEqual([expect.objectContaining({ code: 'file-too-large', severity: 'error' })]);
    const rows = await readWith(delimitedReader, text, { limits: { maxRows: 10 } });
    expect(rows.table).toBeUndefined();
    expect(rows.findings).toEqual([expect.objectContaining({ code: 'too-many-rows', severity: 'error' })]);
    expect((await readWith(delimitedReader, text, { limits: { maxRows: 100 } })).table?.rowCount).toBe(100);
  });

  it('refuses a misspelt option and names the options there are', async () => {
    const r = await read('a\n1\n', { delimeter: ';' });
    expect(r.findings[0]).toMatchObject({ code: 'bad-reader-option' });
    expect(r.findings[0].message).toMatch(/unknown option `delimeter`.*`delimiter`/);
  });
});

describe('delimited reader: types', () => {
  it('infers broker numbers, dates, booleans and keeps codes with leading zeros as text', async () => {
    const r = await read('code,qty,px,when,flag,ymd\n00123,10,"1,234.50",2026-11-20,Y,20261120\n00456,-5,(12.00),2026-11-21,n,20261121\n00789,3,1234.50-,2026-11-22,YES,20261122\n');
    expect(typesOf(r.table)).toEqual(['text', 'number', 'number', 'date', 'boolean', 'date']);
    expect(rowsOf(r.table)).toEqual([
      ['00123', '10', '1234.5', '2026-11-20', 'TRUE', '2026-11-20'],
      ['00456', '-5', '-12', '2026-11-21', 'FALSE', '2026-11-21'],
      ['00789', '3', '-1234.5', '2026-11-22', 'TRUE', '2026-11-22'],
    ]);
  });

  it('decides day/month order from the data and says when the data cannot', async () => {
    const dmy = await read('d\n03/04/2026\n25/12/2026\n');
    expect(rowsOf(dmy.table)).toEqual([['2026-04-03'], ['2026-12-25']]);
    expect(dmy.findings).toEqual([]);
    const mdy = await read('d\n03/04/2026\n12/25/2026\n');
    expect(rowsOf(mdy.table)).toEqual([['2026-03-04'], ['2026-12-25']]);
    const ambiguous = await read('d\n03/04/2026\n05/06/2026\n');
    expect(ambiguous.findings).toEqual([expect.objectContaining({ code: 'ambiguous-date-order', severity: 'warning', location: { source: 'f.csv', column: 'd' } })]);
    expect(rowsOf((await read('d\n03/04/2026\n', { dateOrder: 'MDY' })).table)).toEqual([['2026-03-04']]);
    const both = await read('d\n13/01/2026\n01/13/2026\n');
    expect(typesOf(both.table)).toEqual(['text']);
  });

  it('settles an ambiguous date column from another column of the same file', async () => {
    const r = await read('trade,settle\n20/11/2026,03/04/2026\n');
    expect(rowsOf(r.table)).toEqual([['2026-11-20', '2026-04-03']]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'date-order-from-file', severity: 'info' })]);
  });

  it('reads repeated dates the same before and after the day/month order settles', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `${i % 2 ? '2026-11-20' : '2026-11-21'},${i < 3000 ? '03/04/2026' : i === 3000 ? '25/12/2026' : '04/03/2026'}`);
    const r = await read(`iso,slashed\n${rows.join('\n')}\n`);
    const out = rowsOf(r.table);
    expect(out[0]).toEqual(['2026-11-21', '2026-04-03']);
    expect(out[2999]).toEqual(['2026-11-20', '2026-04-03']);
    expect(out[3000]).toEqual(['2026-11-21', '2026-12-25']);
    expect(out[3999]).toEqual(['2026-11-20', '2026-03-04']);
  });

  it('reads date-times, ISO with offsets converted to UTC', async () => {
    const r = await read('ts\n2025-08-12T13:28:51Z\n2025-08-12T15:28:51+02:00\n2025-08-12 09:53\n');
    expect(typesOf(r.table)).toEqual(['datetime']);
    expect(rowsOf(r.table)).toEqual([['2025-08-12T13:28:51'], ['2025-08-12T13:28:51'], ['2025-08-12T09:53:00']]);
  });

  it('reads a column as text when a value late in the file is not what the first rows promised', async () => {
    const text = `n,x\n${Array.from({ length: 5000 }, (_, i) => `${i},v${i}`).join('\n')}\nN/A,z\n`;
    const r = await read(text);
    expect(typesOf(r.table)).toEqual(['text', 'text']);
    expect(rowsOf(r.table).at(-1)).toEqual(['N/A', 'z']);
    expect(rowsOf(r.table)[4999]).toEqual(['4999', 'v4999']);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'column-read-as-text', location: { source: 'f.csv', row: 5002, column: 'n' } })]);
  });

  it('lets the user fix a type: cells that do not fit become blanks with a finding', async () => {
    const r = await read('n,code\n1,7\nN/A,8\n', { types: { n: 'number', code: 'text' } });
    expect(typesOf(r.table)).toEqual(['number', 'text']);
    expect(rowsOf(r.table)).toEqual([['1', '7'], ['', '8']]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'bad-value', location: { source: 'f.csv', row: 3, column: 'n' } })]);
    expect(typesOf((await read('a,b\n1,2\n', { types: { '*': 'text' } })).table)).toEqual(['text', 'text']);
    expect(codesOf(await read('a\n1\n', { types: { b: 'text' } }))).toEqual(['unknown-typed-column']);
  });

  it('treats the nullValues the user lists as blanks', async () => {
    const r = await read('px\n1.5\nN/A\n2\n', { nullValues: ['N/A'] });
    expect(typesOf(r.table)).toEqual(['number']);
    expect(rowsOf(r.table)).toEqual([['1.5'], [''], ['2']]);
  });

  it('types a column blank in the first rows by its first value', async () => {
    const text = `a,b\n${'x,\n'.repeat(3000)}y,42\n`;
    const r = await read(text);
    expect(typesOf(r.table)).toEqual(['text', 'number']);
    expect(rowsOf(r.table).at(-1)).toEqual(['y', '42']);
  });

  it('reads the shipped broker statement with broker negatives as numbers', async () => {
    const file = path.resolve('templates/broker-etd-positions/samples/broker-statement.csv');
    const r = await readWith(delimitedReader, readFileSync(file), { name: 'broker-statement.csv' });
    expect(r.findings).toEqual([]);
    expect(r.table?.rowCount).toBe(10);
    const types = Object.fromEntries(r.profile.map((p) => [p.name, p.type]));
    expect(types).toMatchObject({ Account: 'text', 'Settle Price': 'number', 'Market Value': 'number', 'Variation Margin': 'number' });
    expect(rowsOf(r.table)[1].slice(10)).toEqual(['-1718440', '-3200']);
  });
});
