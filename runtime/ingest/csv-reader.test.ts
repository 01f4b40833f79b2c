import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader';

const read = (text: string | Uint8Array) =>
  readCsv({ bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, source: 'f.csv' });

describe('readCsv', () => {
  it('reads quoted fields with embedded delimiters, quotes and newlines', () => {
    const r = read('id,note,amount\r\n1,"a, b",10\r\n2,"say ""hi""\nthere",20\r\n');
    expect(r.ok).toBe(true);
    expect(r.header).toEqual(['id', 'note', 'amount']);
    expect(r.rows).toEqual([['1', 'a, b', '10'], ['2', 'say "hi"\nthere', '20']]);
    expect(r.findings).toEqual([]);
  });

  it.each([[';', 'a;b\n1;2\n'], ['\t', 'a\tb\n1\t2\n'], ['|', 'a|b\n1|2\n']])('detects the %j delimiter', (d, text) => {
    const r = read(text);
    expect(r.delimiter).toBe(d);
    expect(r.rows).toEqual([['1', '2']]);
  });

  it('keeps commas inside numbers when the file is semicolon-separated', () => {
    const r = read('qty;price\n1;"1,234.50"\n2;"(3,000.00)"\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows[1]).toEqual(['2', '(3,000.00)']);
  });

  it('strips a UTF-8 BOM and reads Latin-1 when the bytes are not UTF-8', () => {
    const bom = read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\nx\n')]));
    expect(bom.header).toEqual(['name']);
    const latin1 = read(new Uint8Array([...new TextEncoder().encode('city\nZ'), 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0a]));
    expect(latin1.encoding).toBe('windows-1252');
    expect(latin1.rows).toEqual([['Zürich']]);
  });

  it('reports a ragged row with its line number instead of failing', () => {
    const r = read('a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([['1', '2', '3'], ['4', '5', ''], ['6', '7', '8']]);
    expect(r.findings.map((f) => [f.code, f.location.row])).toEqual([['ragged-row', 3], ['ragged-row', 4]]);
    expect(r.findings[0].message).toMatch(/Line 3 has 2 fields but the header has 3/);
  });

  it('counts lines inside quoted newlines when it reports a row', () => {
    const r = read('a,b\n"x\ny",1\n2\n');
    expect(r.findings[0].location.row).toBe(4);
  });

  it('names blank and repeated headers and says so', () => {
    const r = read('id,,id\n1,2,3\n');
    expect(r.header).toEqual(['id', 'Column 2', 'id (2)']);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'duplicate-header', location: { source: 'f.csv', row: 1, column: 'id' } })]);
  });

  it('refuses empty, whitespace-only and binary input with a message that says what to do', () => {
    expect(read('').findings[0]).toMatchObject({ code: 'empty-file', severity: 'error' });
    expect(read(' \n\n').findings[0]).toMatchObject({ code: 'empty-file' });
    const binary = read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(binary.ok).toBe(false);
    expect(binary.findings[0].message).toMatch(/looks like a binary file, not CSV/);
  });

  it('reads UTF-16 with a BOM as text, not as binary', () => {
    const text = 'a,b\n1,2\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const r = read(bytes);
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([['1', '2']]);
  });
});
