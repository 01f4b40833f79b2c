/**
 * `npm run bench:recon`: `opspilot recon` end to end, as a user runs it, on 1M internal vs ~1M
 * broker ETD positions (BENCH_ROWS overrides). Measures the whole child process (CSV parsing
 * included): wall time and peak RSS. Scores precision and recall of breaks.csv against the
 * injected, labelled truth under tick rules, and checks our counts against DuckDB's on the same
 * files with a flat tolerance (DuckDB as a whole process too), BENCH_RUNS times in turn (default
 * 3), reporting medians and minimums. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundle } from '../cli/cli-bundle';
import { readWorkerBundle } from '../ingest/parallel/worker-bundle';
import { generateRecon, KEYS, LABELS, type Label } from './recon-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PER_LABEL = Math.max(1, Math.round(ROWS / 2000)); // 500 of each label at 1M rows
const TARGET = { ratio: 1.5, rssBytes: 1.2 * 1024 ** 3 };
const HAS_TIME = existsSync('/usr/bin/time');
/** Runs of the flat-tolerance comparison, ours and DuckDB in turn (BENCH_RUNS overrides). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Measured { code: number; stdout: string; stderr: string; wallMs: number; peakRssBytes: number }

/** A child's wall time and peak RSS: GNU time's report when present, else polling VmHWM. */
function measure(args: string[]): Promise<Measured> {
  const command = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const argv = HAS_TIME ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let polled = 0;
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const poll = HAS_TIME ? undefined : setInterval(() => {
    readFile(`/proc/${child.pid}/status`, 'utf8').then((s) => {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0);
      polled = Math.max(polled, kb * 1024);
    }, () => {});
  }, 20);
  return new Promise((resolve) => child.on('close', (code) => {
    const wallMs = performance.now() - started;
    if (poll) clearInterval(poll);
    const timeKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
    resolve({ code: code ?? -1, stdout, stderr, wallMs, peakRssBytes: HAS_TIME ? timeKb * 1024 : polled });
  }));
}

/** breaks.csv → lines of fields; a small quoted-CSV splitter (rule sentences may hold commas). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
    }
    out.push(cur);
    rows.push(out);
  }
  return rows;
}

/** Precision and recall on (kind, key, broken field): a break found for the wrong reason is wrong. */
async function score(breaksCsv: string, truthCsv: string) {
  const [header, ...found] = csvRows(await readFile(breaksCsv, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const fieldsOf = (r: string[]) => ['quantity', 'price', 'cash', 'currency'].filter((f) => col(`${f}_left`) >= 0 && (r[col(`${f}_left`)] !== '' || r[col(`${f}_right`)] !== ''));
  const foundIds = new Set(found.map((r) => `${r[0]}|${KEYS.map((k) => r[col(k)]).join('|')}|${r[0] === 'field' ? fieldsOf(r).join('+') : ''}`));
  const truth = (await readFile(truthCsv, 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
  const expected = new Set(truth.filter((t) => t[3] === 'true').map((t) => `${t[1]}|${t.slice(4).join('|')}|${t[2]}`));
  const hits = [...foundIds].filter((id) => expected.has(id)).length;
  return { found: foundIds.size, expected: expected.size, hits, precision: foundIds.size ? hits / foundIds.size : 1, recall: expected.size ? hits / expected.size : 1 };
}

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-bench-recon-'));
  try {
    const t0 = performance.now();
    const g = await generateRecon(dir, ROWS, PER_LABEL);
    console.log(`generated ${ROWS.toLocaleString('en-US')} internal vs ${g.rows.toLocaleString('en-US')} broker positions in ${s(performance.now() - t0)} (${dir})`);
    console.log(`injected: ${(Object.keys(LABELS) as Label[]).map((l) => `${l} ${g.injected[l]}${LABELS[l].break ? '' : ' (within tolerance)'}`).join(', ')}`);
    // The CLI and its read workers run from bundles built on first use: built here, so no
    // measured run pays for building them.
    const [cliBuilt, workerBuilt] = await Promise.all([cliBundle(), readWorkerBundle()]);
    if (!cliBuilt || !workerBuilt) console.log('warning: no bundle could be built; the CLI runs through tsx and is slower to start');
    const cli = [path.join(ROOT, 'bin/opspilot.js'), 'recon', '--left', g.left, '--right', g.right, '--on', KEYS.join(','), '--json'];

    const ticks = await measure([...cli, '--tolerance', 'price=ticks:1', '--tick-table', g.ticks, '--tick-key', 'product', '--tolerance', 'cash=abs:0.05', '--out', path.join(dir, 'out')]);
    if (ticks.code !== 1) throw new Error(`recon (tick rules) exited ${ticks.code}: ${ticks.stderr.slice(-2000)}`);
    const quality = await score(path.join(dir, 'out/breaks.csv'), g.truth);
    console.log(`\nopspilot recon, tick rules (price=ticks:1 by product, cash=abs:0.05, --out csv+xlsx):`);
    console.log(`  wall ${s(ticks.wallMs)}, peak RSS ${mb(ticks.peakRssBytes)}  ${ticks.stdout.trim()}`);
    console.log(`  precision ${pct(quality.precision)}, recall ${pct(quality.recall)} (${quality.hits} of ${quality.expected} expected breaks found; ${quality.found} reported)`);

    const flatArgs = ['--tolerance', 'price=abs:0.01', '--tolerance', 'cash=abs:0.05'];
    // Ours and DuckDB in turn, RUNS times: a busy machine slows both alike within a pair, so the
    // median of the pairs' ratios says more than one run does.
    const pairs: { ours: Measured; duck: Measured }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ours = await measure([...cli, ...flatArgs]);
      if (ours.code > 1) throw new Error(`recon (flat) exited ${ours.code}: ${ours.stderr.slice(-2000)}`);
      const duck = await measure(['--import', 'tsx', path.join(ROOT, 'runtime/bench/recon-duckdb.ts'), g.left, g.right, '0.01', '0.05']);
      if (duck.code !== 0) throw new Error(`duckdb exited ${duck.code}: ${duck.stderr.slice(-2000)}`);
      pairs.push({ ours, duck });
    }
    const strip = (line: string) => { const { duration_ms: _, ...rest } = JSON.parse(line); return rest; };
    const a = strip(pairs[0].ours.stdout.trim());
    const b = strip(pairs[0].duck.stdout.trim());
    const same = pairs.every((p) => JSON.stringify(strip(p.ours.stdout.trim())) === JSON.stringify(b) && JSON.stringify(strip(p.duck.stdout.trim())) === JSON.stringify(b));
    const ours = { wallMs: median(pairs.map((p) => p.ours.wallMs)), minMs: Math.min(...pairs.map((p) => p.ours.wallMs)), peakRssBytes: Math.max(...pairs.map((p) => p.ours.peakRssBytes)) };
    const duck = { wallMs: median(pairs.map((p) => p.duck.wallMs)), minMs: Math.min(...pairs.map((p) => p.duck.wallMs)), peakRssBytes: Math.max(...pairs.map((p) => p.duck.peakRssBytes)) };
    const ratio = median(pairs.map((p) => p.ours.wallMs / p.duck.wallMs));
    console.log(`\nflat tolerance (price=abs:0.01, cash=abs:0.05), whole processes on the same files, ${RUNS} run(s) each in turn (median, min):`);
    console.log(`  opspilot recon  wall ${s(ours.wallMs)} (min ${s(ours.minMs)}), peak RSS ${mb(ours.peakRssBytes)}  ${JSON.stringify(a)}`);
    console.log(`  duckdb          wall ${s(duck.wallMs)} (min ${s(duck.minMs)}), peak RSS ${mb(duck.peakRssBytes)}  ${JSON.stringify(b)}`);
    console.log(`  counts equal: ${same ? 'yes' : 'NO'}${RUNS > 1 ? ' (every run)' : ''}`);

    const peak = Math.max(ticks.peakRssBytes, ours.peakRssBytes);
    console.log(`\nratio ours/duckdb ${ratio.toFixed(2)}${RUNS > 1 ? ' (median of the pairs)' : ''} (target ≤ ${TARGET.ratio}: ${ratio <= TARGET.ratio ? 'met' : 'MISSED'}); tick-rule run ${s(ticks.wallMs)} = ${(ticks.wallMs / duck.wallMs).toFixed(2)}× duckdb`);
    console.log(`peak RSS ${mb(peak)} (target ≤ ${mb(TARGET.rssBytes)}: ${peak <= TARGET.rssBytes ? 'met' : 'MISSED'})`);
    console.log(`precision/recall ${pct(quality.precision)}/${pct(quality.recall)} (target 100%/100%: ${quality.precision === 1 && quality.recall === 1 ? 'met' : 'MISSED'})`);
    console.log(`machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)} at the end, node ${process.version}, peak RSS via ${HAS_TIME ? '/usr/bin/time -v' : '/proc VmHWM polling'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
