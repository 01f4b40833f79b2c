/**
 * Fuzz: 1,200 seeded mutations of sample files (truncation, byte flips, random delimiters and
 * quotes, deleted, repeated and swapped spans, junk bytes) through every reader and through
 * detection. No reader may throw or hang; each must return a consistent table (findings
 * allowed) or a refusal with an error finding, every finding naming the file. A failure prints
 * the seed and case, so it replays exactly.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import { delimitedReader } from './delimited/delimited-reader';
import { xlsxReader } from './excel/xlsx-reader';
import { ingest } from './ingest';
import { jsonReader } from './json/json-reader';
import type { ReadResult, Reader } from './reader';
import { seededRandom, utf8 } from './test-support';
import { xmlReader } from './xml/xml-reader';

const SEED = 20261121;
const TIME_LIMIT_MS = 10_000;

const CSV_SEEDS = [
  readFileSync(path.resolve('templates/broker-etd-positions/samples/broker-statement.csv')),
  utf8('Statement\n\nacct;amount;date;note\nA;"1,234.50";20/11/2026;"multi\nline; ""quoted"""\nB;(12.00);21/11/2026;plain\nC;1234.50-;22/11/2026;\n'),
];
const JSON_SEEDS = [
  utf8(JSON.stringify({ data: { trades: [{ id: '00123', px: 1.5, d: '2026-11-20', leg: { ccy: 'EUR' }, tags: ['a'] }, { id: '00124', px: '(2.00)', ok: true }] } })),
  utf8('{"a":1,"b":"x"}\n{"a":2,"b":"2026-11-20"}\n'),
];
const XML_SEEDS = [
  readFileSync('/work/shared/fixtures/seeds/openreg/seed_output_mifir_direct_first2tx.xml'),
  utf8('<?xml version="1.0"?><r:Doc xmlns:r="urn:x"><Tx id="1"><Px ccy="EUR">1.5</Px><Nm>S &amp; P</Nm></Tx><Tx id="2"><Px>2</Px><Nm><![CDATA[a<b]]></Nm></Tx></r:Doc>'),
];
const XLSX_SEEDS = [
  readFileSync(path.resolve('templates/excel-trade-blotter/samples/trade-blotter.xlsx')),
  (() => {
    const ws = XLSX.utils.aoa_to_sheet([['Title'], ['Account', 'Trade', null], [null, 'Date', 'Price'], ['00123', 46345, 12.5], ['A2', 46346, 13]]);
    ws['!merges'] = [{ s: { r: 1, c: 1 }, e: { r: 1, c: 2 } }];
    ws.B4.z = 'dd/mm/yyyy';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'S');
    return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  })(),
];

const NOISE = [0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x0a, 0x0d, 0x3c, 0x3e, 0x26, 0x7b, 0x7d, 0x5b, 0x5d, 0x00, 0xff, 0xc3, 0x20];

/** One random mutation of the bytes. */
function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const bytes = Array.from(input);
  const rounds = 1 + pick(4);
  for (let k = 0; k < rounds && bytes.length > 0; k++) {
    const at = pick(bytes.length);
    switch (pick(8)) {
      case 0: bytes.length = at; break; // truncate
      case 1: for (let i = 0; i < 1 + pick(8); i++) bytes[pick(bytes.length)] ^= 1 << pick(8); break; // bit flips
      case 2: bytes.splice(at, 0, ...Array.from({ length: 1 + pick(6) }, () => NOISE[pick(NOISE.length)])); break; // delimiters, quotes, markup
      case 3: bytes.splice(at, 1 + pick(64)); break; // delete a span
      case 4: bytes.splice(at, 0, ...bytes.slice(at, at + 1 + pick(200))); break; // repeat a span
      case 5: { // swap two spans
        const len = 1 + pick(32);
        const other = pick(bytes.length);
        const a = bytes.slice(at, at + len);
        const b = bytes.slice(other, other + len);
        bytes.splice(at, a.length, ...b);
        bytes.splice(other, b.length, ...a);
        break;
      }
      case 6: for (let i = 0; i < 1 + pick(4); i++) if (bytes[i = pick(bytes.length)] === 0x22) bytes.splice(i, 1); else bytes.splice(i, 0, 0x22); break; // break quotes
      default: bytes.splice(at, 0, ...Array.from({ length: 1 + pick(16) }, () => pick(256))); // junk bytes
    }
  }
  return Uint8Array.from(bytes);
}

/** A table whose columns all have rowCount values, or a refusal with an error finding. */
function checkResult(result: ReadResult, name: string, where: string): void {
  for (const f of result.findings) {
    expect(f.location.source, where).toBe(name);
    expect(['error', 'warning', 'info'], where).toContain(f.severity);
    expect(typeof f.message, where).toBe('string');
  }
  if (!result.table) {
    expect(result.findings.some((f) => f.severity === 'error'), `${where}: refused without an error finding`).toBe(true);
    return;
  }
  const t = result.table;
  expect(t.origin.rowNumbers.length, where).toBe(t.rowCount);
  expect(result.profile.length, where).toBe(t.columns.length);
  for (const c of t.columns) {
    if (c.type === 'text') {
      expect(c.codes.length, where).toBe(t.rowCount);
      for (const code of c.codes) if (code >= c.dictionary.length) throw new Error(`${where}: code ${code} outside the dictionary`);
    } else {
      expect(c.values.length, where).toBe(t.rowCount);
      if (c.nulls) expect(c.nulls.length, where).toBe(t.rowCount);
    }
  }
}

async function withinTime<T>(work: Promise<T>, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${where}: no answer within ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS); });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A workbook with one of its parts (sheet XML, shared strings, styles…) mutated and zipped
 * again: a valid zip with hostile content, so SheetJS's own parsers are fuzzed, not only the
 * zip guard (which refuses most byte-level damage to compressed data up front).
 */
function mutateInside(workbook: Uint8Array, random: () => number): Uint8Array {
  // SheetJS ships its zip container (CFB) untyped.
  const cfb = XLSX.CFB.read(workbook, { type: 'buffer' }) as { FileIndex: { type: number; content?: Uint8Array }[] };
  const parts = cfb.FileIndex.map((_, i) => i).filter((i) => cfb.FileIndex[i].type === 2 && (cfb.FileIndex[i].content?.length ?? 0) > 0);
  const i = parts[Math.floor(random() * parts.length)];
  cfb.FileIndex[i].content = mutate(new Uint8Array(cfb.FileIndex[i].content!), random);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip' }) as Uint8Array);
}

async function fuzz({ reader, seeds, cases, name, offset }: { reader: Reader; seeds: readonly Uint8Array[]; cases: number; name: string; offset: number }) {
  const random = seededRandom(SEED + offset);
  for (let i = 0; i < cases; i++) {
    const seed = seeds[i % seeds.length];
    const bytes = reader.format === 'xlsx' && i % 2 === 1 ? mutateInside(seed, random) : mutate(seed, random);
    const where = `${reader.format} fuzz case ${i} (seed ${SEED + offset})`;
    const direct = await withinTime(reader.read({ source: bytesSource({ name, bytes }) }), where);
    checkResult(direct, name, where);
    if (i % 4 === 0) {
      const detected = await withinTime(ingest({ source: bytesSource({ name, bytes }) }), `${where}, detected`);
      checkResult(detected, name, `${where}, detected`);
    }
  }
}

describe('fuzz: mutated files never break a reader', () => {
  it('CSV: 350 mutations', async () => { await fuzz({ reader: delimitedReader, seeds: CSV_SEEDS, cases: 350, name: 'fuzz.csv', offset: 1 }); });
  it('JSON: 300 mutations', async () => { await fuzz({ reader: jsonReader, seeds: JSON_SEEDS, cases: 300, name: 'fuzz.json', offset: 2 }); });
  it('XML: 300 mutations', async () => { await fuzz({ reader: xmlReader, seeds: XML_SEEDS, cases: 300, name: 'fuzz.xml', offset: 3 }); });
  it('XLSX: 250 mutations', async () => { await fuzz({ reader: xlsxReader, seeds: XLSX_SEEDS, cases: 250, name: 'fuzz.xlsx', offset: 4 }); });
});
