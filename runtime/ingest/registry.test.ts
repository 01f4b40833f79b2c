import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bytesSource } from './byte-source';
import { ingest } from './ingest';
import type { Reader } from './reader';
import { createReaderRegistry, readerRegistry } from './registry';
import { utf8 } from './test-support';

const xlsx = () => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'S');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
};
const detect = (name: string, head: Uint8Array) => readerRegistry.detect({ name, head })?.format;

describe('reader registry', () => {
  it('lists the readers and finds each by format', () => {
    const formats = readerRegistry.list().map((r) => r.format);
    expect(formats).toEqual(['xlsx', 'fpml', 'xml', 'json', 'csv']);
    for (const f of formats) expect(readerRegistry.byFormat(f)?.format).toBe(f);
    expect(readerRegistry.byFormat('span')).toBeUndefined();
    expect(readerRegistry.extensions()).toEqual(expect.arrayContaining(['.csv', '.tsv', '.xlsx', '.xls', '.json', '.jsonl', '.xml']));
  });

  it('detects by extension and first bytes', () => {
    expect(detect('a.csv', utf8('a,b\n1,2\n'))).toBe('csv');
    expect(detect('a.tsv', utf8('a\tb\n'))).toBe('csv');
    expect(detect('a.xlsx', xlsx())).toBe('xlsx');
    expect(detect('a.json', utf8('[{"a":1}]'))).toBe('json');
    expect(detect('a.xml', utf8('<?xml version="1.0"?><r/>'))).toBe('xml');
    expect(detect('a.xml', utf8('<?xml version="1.0"?><dataDocument xmlns="http://www.fpml.org/FpML-5/confirmation" fpmlVersion="5-13"><trade/></dataDocument>'))).toBe('fpml');
  });

  it('trusts the bytes over a wrong extension, and the extension over a vague sniff', () => {
    expect(detect('export.csv', xlsx())).toBe('xlsx');
    expect(detect('data.txt', utf8('[{"a":1}]'))).toBe('csv');
    expect(detect('data', utf8('[{"a":1}]'))).toBe('json');
    expect(detect('data', utf8('<r/>'))).toBe('xml');
    expect(detect('book.xlsx', utf8('a,b\n1,2\n'))).toBe('csv');
  });

  it('hands binary junk to the reader its name claims, which refuses it in its own words', async () => {
    const junk = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]);
    expect(detect('photo.csv', junk)).toBe('csv');
    const r = await ingest({ source: bytesSource({ name: 'photo.csv', bytes: junk }) });
    expect(r.format).toBe('csv');
    expect(r.findings[0].message).toMatch(/looks like a binary file, not CSV/);
    expect(detect('blob', junk)).toBeUndefined();
  });

  it('ingest: reads by the detected or the named format, and refuses what no reader takes', async () => {
    const csv = await ingest({ source: bytesSource({ name: 'p.csv', bytes: utf8('a,b\n1,2\n') }) });
    expect(csv).toMatchObject({ format: 'csv', table: { rowCount: 1 } });
    const named = await ingest({ source: bytesSource({ name: 'p.dat', bytes: utf8('[{"a":1}]') }), format: 'json' });
    expect(named).toMatchObject({ format: 'json', table: { rowCount: 1 } });
    const unknown = await ingest({ source: bytesSource({ name: 'p.csv', bytes: utf8('a') }), format: 'span' });
    expect(unknown.findings[0]).toMatchObject({ code: 'unknown-format', severity: 'error' });
    const junk = await ingest({ source: bytesSource({ name: 'blob', bytes: new Uint8Array([0, 1, 2, 3]) }) });
    expect(junk.findings[0]).toMatchObject({ code: 'unknown-format' });
  });

  it('turns a reader that throws into a finding, and refuses two readers for one format', async () => {
    const broken: Reader = {
      format: 'csv', description: 'broken', extensions: ['.csv'], optionsSchema: z.strictObject({}), sniff: () => true,
      read: async () => { throw new Error('boom'); },
    };
    const registry = createReaderRegistry({ readers: [broken] });
    const r = await ingest({ source: bytesSource({ name: 'x.csv', bytes: utf8('a') }), registry });
    expect(r.findings[0]).toMatchObject({ code: 'unreadable', severity: 'error' });
    expect(() => createReaderRegistry({ readers: [broken, broken] })).toThrow(/Two readers claim the format csv/);
  });
});
