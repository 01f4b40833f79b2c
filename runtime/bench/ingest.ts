/**
 * `npm run bench:ingest`: the delimited reader over a generated 1M-row × 10-column CSV.
 *   baseline  the same file through the same streamed chunks, decoded and split on newlines
 *   read      the delimited reader: decode, scan, type inference, typed columns, profile
 * Each measurement runs in a fresh child process so its memory figures are its own. Peak RSS and
 * heap are sampled at every chunk; the retained heap is measured after a full collection. The
 * reader is also run on a quarter of the rows: memory beyond the Table should not grow with the
 * file (the peak includes transient builder state, such as a unique-id column's byte keys).
 * Target: read ≤ 3× the baseline time. BENCH_ROWS overrides the row count. Prints figures;
 * asserts nothing (DESIGN.md §11.11).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSource } from '../ingest/byte-source';
import { delimitedReader } from '../ingest/delimited/delimited-reader';
import type { Table } from '../table/table';
import { writeBlotter } from './ingest-bench-data';

interface Measure { ms: number; cpuMs: number; rows: number; peakRss: number; peakHeap: number; retainedHeap: number; tableBytes: number; findings: number }

/** Heap plus array buffers now, after full collections when --expose-gc allows them. */
function retained(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function sampler() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak.rss = m.rss;
    if (m.heapUsed + m.arrayBuffers > peak.heap) peak.heap = m.heapUsed + m.arrayBuffers;
  };
  return { peak, sample };
}

/** The baseline: the same streamed chunks, decoded, split on \n with the partial line carried. */
async function baseline(file: string): Promise<Measure> {
  const source = await fileSource({ filePath: file });
  const { peak, sample } = sampler();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let lines = 0;
  for await (const chunk of source.chunks()) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split('\n');
    carry = parts.pop() ?? '';
    lines += parts.length;
    sample();
  }
  if ((carry + decoder.decode()).length) lines++;
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  sample();
  return { ms, cpuMs, rows: lines - 1, peakRss: peak.rss, peakHeap: peak.heap, retainedHeap: retained(), tableBytes: 0, findings: 0 };
}

async function read(file: string): Promise<Measure> {
  const source = await fileSource({ filePath: file });
  const before = retained();
  const { peak, sample } = sampler();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await delimitedReader.read({ source, onProgress: sample });
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  sample();
  if (!result.table) throw new Error(`bench read refused: ${JSON.stringify(result.findings)}`);
  return {
    ms, cpuMs, rows: result.table.rowCount, peakRss: peak.rss, peakHeap: peak.heap - before,
    retainedHeap: retained() - before, tableBytes: tableBytes(result.table), findings: result.findings.length,
  };
}

/** CPU time of this process (all threads, so parallel GC counts too). */
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Bytes the Table holds: its typed arrays' buffers (a trimmed column may be a view of a slightly
 * larger one) and its dictionary strings as V8 lays them out (16-byte header, characters rounded
 * up to 8 bytes, one 8-byte slot each in the dictionary array).
 */
function tableBytes(table: Table): number {
  let total = table.origin.rowNumbers.buffer.byteLength;
  for (const c of table.columns) {
    if (c.type === 'text') total += c.codes.buffer.byteLength + c.dictionary.reduce((n, s) => n + 16 + Math.ceil(s.length / 8) * 8 + 8, 0);
    else total += c.values.buffer.byteLength + (c.nulls?.buffer.byteLength ?? 0);
  }
  return total;
}

/** Runs one measurement in a fresh process (same loader flags) and returns its figures. */
function child(phase: string, file: string): Measure {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', self, phase, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

async function main(): Promise<void> {
  const [phase, file] = process.argv.slice(2);
  if (phase === 'baseline' || phase === 'read') {
    const m = phase === 'baseline' ? await baseline(file) : await read(file);
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'opspilot-bench-ingest-'));
  try {
    const big = path.join(dir, 'blotter.csv');
    const small = path.join(dir, 'blotter-quarter.csv');
    const bytes = await writeBlotter({ file: big, rows: ROWS });
    const smallBytes = await writeBlotter({ file: small, rows: Math.floor(ROWS / 4) });
    console.log(`ingest bench: ${fmt(ROWS)} rows × 10 columns, ${fmt(mb(bytes), 1)} MB (Node ${process.version})\n`);
    child('read', small); // warm the OS page cache for both files
    // Interleaved, best of three each: the figures are for a machine that may be shared.
    const bases: Measure[] = [];
    const reads: Measure[] = [];
    for (let i = 0; i < 3; i++) {
      bases.push(child('baseline', big));
      reads.push(child('read', big));
    }
    const best = (ms: Measure[], key: 'ms' | 'cpuMs') => ms.reduce((a, b) => (b[key] < a[key] ? b : a));
    const base = best(bases, 'ms');
    const read = best(reads, 'ms');
    const quarter = child('read', small);
    const line = (label: string, m: Measure, size: number) =>
      console.log(`${label.padEnd(27)} ${fmt(m.ms).padStart(6)} ms (cpu ${fmt(m.cpuMs).padStart(5)}) ${fmt((m.rows / m.ms) * 1000).padStart(10)} rows/s ${fmt(mb(size) / (m.ms / 1000), 1).padStart(6)} MB/s  peak RSS ${fmt(mb(m.peakRss)).padStart(4)} MB  heap ${fmt(mb(m.peakHeap)).padStart(4)} MB  table ${fmt(mb(m.tableBytes)).padStart(3)} MB`);
    line('baseline (decode + split)', base, bytes);
    line('read + infer (best of 3)', read, bytes);
    line('read + infer, ¼ file', quarter, smallBytes);
    console.log('(heap: the peak of heap + array buffers; for the reads, what the read added to the process)');
    const cpuRatio = best(reads, 'cpuMs').cpuMs / best(bases, 'cpuMs').cpuMs;
    console.log(`\nratio read / baseline: ${fmt(read.ms / base.ms, 2)}× wall, ${fmt(cpuRatio, 2)}× CPU (target ≤ 3×)`);
    const over = (m: Measure, heap: number) => fmt(mb(heap - m.tableBytes));
    console.log(`memory the read added beyond the table (heap + array buffers, from before the read):`);
    console.log(`  at its peak:        ${over(quarter, quarter.peakHeap)} MB at ¼ size, ${over(read, read.peakHeap)} MB at full size (transient builder state, garbage not yet collected)`);
    console.log(`  retained after it:  ${over(quarter, quarter.retainedHeap)} MB at ¼ size, ${over(read, read.retainedHeap)} MB at full size (should not grow with the file)`);
    console.log(`findings: ${read.findings}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
