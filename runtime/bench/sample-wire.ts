/**
 * `npm run bench:sample`: what the Sources panel's sample costs for 100k rows × 10 columns, the
 * bench:ingest blotter (unique ids, repeated codes, dates, decimals, mostly-blank notes).
 *   read      the delimited reader over the CSV (what datasets.sample does first)
 *   profile   columnProfiles over every row
 *   encode    tableToWire + JSON.stringify (what tRPC sends), its size raw and gzipped
 *   decode    JSON.parse + tableFromWire (what the browser does)
 * BENCH_ROWS overrides the row count. Prints figures; asserts nothing (DESIGN.md §11.11).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileSource } from '../ingest/byte-source';
import { delimitedReader } from '../ingest/delimited/delimited-reader';
import { columnProfiles } from '../table/profile';
import { tableFromWire, tableToWire } from '../table/table-wire';
import { writeBlotter } from './ingest-bench-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 5;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 2)} MB`;

/** Median wall time of `runs` calls, after one warm-up. */
function time<T>(work: () => T, runs = RUNS): { ms: number; value: T } {
  let value = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], value };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'opspilot-bench-sample-'));
  try {
    const file = path.join(dir, 'blotter.csv');
    const bytes = await writeBlotter({ file, rows: ROWS });
    const readStart = performance.now();
    const read = await delimitedReader.read({ source: await fileSource({ filePath: file }) });
    const readMs = performance.now() - readStart;
    const table = read.table!;

    const profile = time(() => columnProfiles({ table }));
    const encode = time(() => JSON.stringify(tableToWire({ table })));
    const json = encode.value;
    const gzip = gzipSync(json).byteLength;
    const decode = time(() => tableFromWire({ wire: JSON.parse(json) }));
    const rowObjects = JSON.stringify(Array.from({ length: table.rowCount }, (_, r) => Object.fromEntries(table.columns.map((c) => [c.name, c.type === 'text' ? (c.codes[r] < 0 ? null : c.dictionary[c.codes[r]]) : c.nulls?.[r] ? null : c.values[r]]))));

    console.log(`sample payload: ${fmt(table.rowCount)} rows × ${table.columns.length} columns (CSV ${mb(bytes)})`);
    console.log(`  read CSV        ${fmt(readMs)} ms (once)`);
    console.log(`  profile         ${fmt(profile.ms, 1)} ms`);
    console.log(`  encode + JSON   ${fmt(encode.ms, 1)} ms → ${mb(json.length)} (gzip ${mb(gzip)})`);
    console.log(`  JSON + decode   ${fmt(decode.ms, 1)} ms`);
    console.log(`  row objects     ${mb(rowObjects.length)} for comparison (gzip ${mb(gzipSync(rowObjects).byteLength)})`);
    for (const c of tableToWire({ table }).columns) {
      console.log(`    ${c.name.padEnd(12)} ${c.type.padEnd(8)} ${mb(JSON.stringify(c).length)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
