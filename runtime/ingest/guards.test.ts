/**
 * Every guard against a hostile file, each with the hostile file built here: zip bombs in
 * workbooks (declared, lying and honest), billion laughs, XXE, binary junk, deep nesting and the
 * size limits. Each must be a refusal with a finding, quickly, never a hang or a crash.
 */
import * as XLSX from '@e965/xlsx';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { delimitedReader } from './delimited/delimited-reader';
import { xlsxReader } from './excel/xlsx-reader';
import { ingest } from './ingest';
import { jsonReader } from './json/json-reader';
import { readWith, utf8 } from './test-support';
import { xmlReader } from './xml/xml-reader';

interface ZipEntry { name: string; data: Uint8Array; store?: boolean; declaredSize?: number }

/** A minimal zip writer: local headers, central directory, end record. Sizes can be made to lie. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.store ? Buffer.from(e.data) : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(e.store ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16); dir.writeUInt32LE(body.length, 20); dir.writeUInt32LE(size, 24); dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

/** The parts of a real one-sheet workbook, to hide a bomb among. */
function workbookParts(): ZipEntry[] {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'S');
  const parsed = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' }) as { FileIndex: { content: Uint8Array }[]; FullPaths: string[] };
  return parsed.FileIndex.map((f, i: number) => ({ name: parsed.FullPaths[i].replace(/^Root Entry\//, ''), data: new Uint8Array(f.content as Uint8Array) }))
    .filter((e) => e.name && !e.name.endsWith('/') && e.data.length > 0);
}

const zeros = (bytes: number) => new Uint8Array(bytes);
const readXlsx = (bytes: Uint8Array, limits?: Record<string, number>) => readWith(xlsxReader, bytes, { name: 'bomb.xlsx', limits });

describe('guards: zip bombs in workbooks', () => {
  it('reads the honest workbook the bombs are built from (the zip writer works)', async () => {
    const r = await readXlsx(zip(workbookParts()));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.table?.rowCount).toBe(1);
  });

  it('refuses a part whose declared size is a bomb, before inflating anything', async () => {
    const parts = [...workbookParts(), { name: 'xl/media/image1.bin', data: zeros(64 * 1024), declaredSize: 0xfffffff0 }];
    const started = Date.now();
    const r = await readXlsx(zip(parts));
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'zip-bomb', severity: 'error', location: { source: 'bomb.xlsx' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a part that inflates to more than it declares, stopping at the declared size', async () => {
    const parts = [...workbookParts(), { name: 'xl/worksheets/sheet2.xml', data: zeros(48 * 1024 * 1024), declaredSize: 100_000 }];
    const r = await readXlsx(zip(parts));
    expect(r.findings[0]).toMatchObject({ code: 'zip-bomb' });
    expect(r.findings[0].message).toMatch(/inflates to more than/);
  });

  it('refuses an honest part that expands more than maxCompressionRatio', async () => {
    const r = await readXlsx(zip([...workbookParts(), { name: 'xl/media/zeros.bin', data: zeros(16 * 1024 * 1024) }]));
    expect(r.findings[0]).toMatchObject({ code: 'zip-bomb' });
    expect(r.findings[0].message).toMatch(/expands \d[\d,]* times/);
  });

  it('refuses a workbook that unzips to more than maxUncompressedBytes', async () => {
    const r = await readXlsx(zip(workbookParts()), { maxUncompressedBytes: 1000 });
    expect(r.findings[0]).toMatchObject({ code: 'zip-too-large', severity: 'error' });
  });

  it('refuses a zip with its directory cut off', async () => {
    const whole = zip(workbookParts());
    const r = await readXlsx(whole.subarray(0, whole.length - 30));
    expect(r.findings[0]).toMatchObject({ code: 'bad-zip', severity: 'error' });
  });
});

describe('guards: XML entities', () => {
  const lol = (() => {
    let doc = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n';
    for (let i = 1; i <= 9; i++) doc += ` <!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">\n`;
    return `${doc}]>\n<lolz><row><v>&lol9;</v></row><row><v>x</v></row></lolz>`;
  })();

  it('refuses billion laughs before parsing', async () => {
    const started = Date.now();
    const r = await readWith(xmlReader, lol, { name: 'lol.xml' });
    expect(r.table).toBeUndefined();
    expect(r.findings).toEqual([expect.objectContaining({ code: 'xml-entity-declaration', severity: 'error', location: { source: 'lol.xml', row: 2 } })]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses external entities (XXE) and parameter entities', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><row><v>&xxe;</v></row></r>';
    const r = await readWith(xmlReader, xxe, { name: 'xxe.xml' });
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'xml-external-entity', severity: 'error' });
    const param = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><r/>';
    expect((await readWith(xmlReader, param, { name: 'p.xml' })).findings[0].code).toBe('xml-external-entity');
  });

  it('never expands an undeclared entity: it stays text', async () => {
    const r = await readWith(xmlReader, '<r><row><v>&xxe; &amp;lt; &#65;</v></row><row><v>b</v></row></r>', { name: 'e.xml' });
    expect(r.table?.columns[0]).toMatchObject({ dictionary: ['&xxe; &lt; A', 'b'] });
  });
});

describe('guards: junk, depth and size', () => {
  const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);

  it('refuses binary junk given as CSV in words the user understands', async () => {
    const r = await ingest({ source: bytesSource({ name: 'positions.csv', bytes: junk }) });
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'binary-file', severity: 'error', location: { source: 'positions.csv' } });
    expect(r.findings[0].message).toMatch(/positions\.csv looks like a binary file, not CSV/);
    for (const reader of [jsonReader, xmlReader, xlsxReader]) {
      const refused = await readWith(reader, junk, { name: 'junk.bin' });
      expect(refused.table).toBeUndefined();
      expect(refused.findings[0].severity).toBe('error');
    }
  });

  it('survives nesting a hundred thousand levels deep', async () => {
    const json = await readWith(jsonReader, `${'['.repeat(100_000)}${']'.repeat(100_000)}`, { name: 'deep.json' });
    expect(json.findings.length + (json.table ? 1 : 0)).toBeGreaterThan(0);
    const xml = await readWith(xmlReader, `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`, { name: 'deep.xml' });
    expect(xml.table).toBeUndefined();
    expect(xml.findings[0].severity).toBe('error');
  });

  it('refuses a line with no line break longer than 16 MB', async () => {
    const r = await readWith(delimitedReader, new Uint8Array(17 * 1024 * 1024).fill(0x61), { name: 'long.csv' });
    expect(r.table).toBeUndefined();
    expect(r.findings[0]).toMatchObject({ code: 'record-too-long', severity: 'error' });
  });

  it.each([
    ['csv', delimitedReader, 'a,b\n1,2\n3,4\n'],
    ['json', jsonReader, '[{"a":1},{"a":2}]'],
    ['xml', xmlReader, '<r><x><a>1</a></x><x><a>2</a></x></r>'],
  ] as const)('applies maxBytes and maxRows to %s', async (_f, reader, text) => {
    expect((await readWith(reader, text, { limits: { maxBytes: 5 } })).findings[0].code).toBe('file-too-large');
    expect((await readWith(reader, text, { limits: { maxRows: 1 } })).findings[0].code).toBe('too-many-rows');
  });

  it('applies maxBytes and maxRows to workbooks', async () => {
    const bytes = zip(workbookParts());
    expect((await readXlsx(bytes, { maxBytes: 100 })).findings[0].code).toBe('file-too-large');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a'], [1], [2], [3]]), 'S');
    expect((await readXlsx(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), { maxRows: 2 })).findings[0].code).toBe('too-many-rows');
  });

  it('stops reading when the source is longer than it said', async () => {
    const source = { ...bytesSource({ name: 'liar.csv', bytes: utf8('a\n1\n2\n3\n') }), sizeBytes: 2 };
    const r = await delimitedReader.read({ source, limits: { maxBytes: 4 } });
    expect(r.findings[0].code).toBe('file-too-large');
  });
});
