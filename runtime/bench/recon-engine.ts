/**
 * `npm run bench:recon-engine`: the reconciliation engine on generated tables, by default
 * 1,000,000 × 1,000,000 rows with a six-part key (trade date, account, product, exchange, side,
 * trade id) and five compared fields (ticks by product, exact, rel, business days, text).
 * About 1% of rows break: prices off by ticks, quantities, missing rows on either side (half of
 * them behind a typo'd trade id, for the suggestions), a few duplicates.
 * BENCH_ROWS overrides the row count. Prints figures; asserts nothing.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { reconcile } from '../recon/index';
import type { ReconcileInput, ReconResult } from '../recon/index';
import type { Column, Table } from '../table/table';
import { seededRandom } from '../testing/seeded-random';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);


function text(name: string, dictionary: string[], codes: Int32Array): Column {
  return { name, type: 'text', dictionary, codes };
}

interface Sides { left: Table; right: Table }

export function generate(n: number): Sides {
  const rand = seededRandom(42);
  const products = ['ES', 'NQ', 'YM', 'RTY', 'ZN', 'ZB', 'ZF', 'CL', 'NG', 'GC', 'SI', 'HG', '6E', '6J', 'FGBL', 'FESX', 'FDAX', 'Z', 'R', 'I'];
  const ticks = [0.25, 0.25, 1, 0.1, 0.015625, 0.03125, 0.0078125, 0.01, 0.001, 0.1, 0.005, 0.0005, 0.00005, 0.0000005, 0.01, 1, 0.5, 0.5, 0.01, 0.005];
  const accounts = Array.from({ length: 2000 }, (_, i) => `ACC${String(i).padStart(5, '0')}`);
  const exchanges = ['XCME', 'XCBT', 'XNYM', 'XEUR', 'IFEU'];
  const cptys = Array.from({ length: 300 }, (_, i) => `Counterparty ${i} Ltd`);
  const ids = Array.from({ length: n }, (_, i) => `T${String(i).padStart(9, '0')}`);

  const date = new Float64Array(n);
  const acct = new Int32Array(n);
  const prod = new Int32Array(n);
  const exch = new Int32Array(n);
  const side = new Int32Array(n);
  const price = new Float64Array(n);
  const qty = new Float64Array(n);
  const notional = new Float64Array(n);
  const settle = new Float64Array(n);
  const cpty = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    date[i] = 45_700 + Math.floor(rand() * 20);
    acct[i] = Math.floor(rand() * accounts.length);
    prod[i] = Math.floor(rand() * products.length);
    exch[i] = Math.floor(rand() * exchanges.length);
    side[i] = rand() < 0.5 ? 0 : 1;
    price[i] = Math.round((50 + rand() * 5000) / ticks[prod[i]]) * ticks[prod[i]];
    qty[i] = 1 + Math.floor(rand() * 500);
    notional[i] = Math.round(price[i] * qty[i] * 100) / 100;
    settle[i] = date[i] + 2;
    cpty[i] = Math.floor(rand() * cptys.length);
  }

  // The right side: the same trades, with mistakes.
  const keep: number[] = [];
  const rIds = ids.slice();
  const rPrice = price.slice();
  const rQty = qty.slice();
  const rNotional = notional.slice();
  const rSettle = settle.slice();
  for (let i = 0; i < n; i++) {
    const u = rand();
    if (u < 0.003) continue; // only-left
    if (u < 0.0045) rIds[i] = ids[i].replace(/.$/, (c) => String((Number(c) + 1) % 10)); // typo'd id: only-left + only-right
    else if (u < 0.0095) rPrice[i] = price[i] + ticks[prod[i]] * (rand() < 0.5 ? 1 : 3); // within one tick, or three ticks off
    else if (u < 0.0115) rQty[i] = qty[i] + 1;
    else if (u < 0.0125) rSettle[i] = settle[i] + 1;
    else if (u < 0.0130) rNotional[i] = notional[i] * 1.00000001; // inside 1e-6
    keep.push(i);
    if (u > 0.9995) keep.push(i); // a duplicate booking
  }
  const m = keep.length;
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  const pickCodes = (a: Int32Array) => Int32Array.from(keep, (i) => a[i]);
  const origin = (id: string, rows: number) => ({ datasetId: id, rowNumbers: Int32Array.from({ length: rows }, (_, i) => i + 2) });

  const left: Table = {
    rowCount: n,
    origin: origin('left', n),
    columns: [
      { name: 'Trade Date', type: 'date', values: date },
      text('Account', accounts, acct),
      text('Product', products, prod),
      text('Exchange', exchanges, exch),
      text('Side', ['B', 'S'], side),
      text('Trade ID', ids, Int32Array.from({ length: n }, (_, i) => i)),
      { name: 'Price', type: 'number', values: price },
      { name: 'Quantity', type: 'number', values: qty },
      { name: 'Notional', type: 'number', values: notional },
      { name: 'Settlement Date', type: 'date', values: settle },
      text('Counterparty', cptys, cpty),
    ],
  };
  const rightIds = Array.from(new Set(keep.map((i) => rIds[i])));
  const rightIdCode = new Map(rightIds.map((s, k) => [s, k]));
  const right: Table = {
    rowCount: m,
    origin: origin('right', m),
    columns: [
      { name: 'TradeDate', type: 'date', values: pick(date) },
      // The broker writes accounts in lower case and exchanges by their old names.
      text('Acct', accounts.map((a) => a.toLowerCase()), pickCodes(acct)),
      text('Product', products, pickCodes(prod)),
      text('Exch', ['CME', 'CBOT', 'NYMEX', 'XEUR', 'IFEU'], pickCodes(exch)),
      text('Side', ['B', 'S'], pickCodes(side)),
      text('TradeRef', rightIds, Int32Array.from(keep, (i) => rightIdCode.get(rIds[i])!)),
      { name: 'Price', type: 'number', values: pick(rPrice) },
      { name: 'Quantity', type: 'number', values: pick(rQty) },
      { name: 'Notional', type: 'number', values: pick(rNotional) },
      { name: 'Settlement Date', type: 'date', values: pick(rSettle) },
      text('Counterparty', cptys.map((c, i) => (i % 50 === 0 ? c.toUpperCase() : c)), pickCodes(cpty)),
    ],
  };
  return { left, right };
}

export function input({ left, right }: Sides, suggest: boolean): ReconcileInput {
  const k = (name: string, l: string, r: string, more: object = {}) => ({ name, columns: { internal: l, broker: r }, ...more });
  return {
    left: { name: 'internal', table: left },
    right: { name: 'broker', table: right },
    keys: [
      k('Trade Date', 'Trade Date', 'TradeDate'),
      k('Account', 'Account', 'Acct', { ignoreCase: true }),
      k('Product', 'Product', 'Product'),
      k('Exchange', 'Exchange', 'Exch', { aliases: [{ from: 'CME', to: 'XCME' }, { from: 'CBOT', to: 'XCBT' }, { from: 'NYMEX', to: 'XNYM' }] }),
      k('Side', 'Side', 'Side'),
      k('Trade ID', 'Trade ID', 'TradeRef', { stripLeadingZeros: true }),
    ],
    rules: [
      { field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' },
      { field: 'Quantity', kind: 'exact' },
      { field: 'Notional', kind: 'rel', value: 1e-6 },
      { field: 'Settlement Date', kind: 'days', value: 0 },
      { field: 'Counterparty', kind: 'text' },
    ],
    referenceTables: {
      Ticks: {
        columns: ['Product', 'Tick'],
        rows: [['ES', 0.25], ['NQ', 0.25], ['YM', 1], ['RTY', 0.1], ['ZN', 0.015625], ['ZB', 0.03125], ['ZF', 0.0078125], ['CL', 0.01], ['NG', 0.001], ['GC', 0.1], ['SI', 0.005], ['HG', 0.0005], ['6E', 0.00005], ['6J', 0.0000005], ['FGBL', 0.01], ['FESX', 1], ['FDAX', 0.5], ['Z', 0.5], ['R', 0.01], ['I', 0.005]],
      },
    },
    clusterBy: ['Product'],
    suggest,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function timed(label: string, f: () => ReconResult, rows: number): ReconResult {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(34)} ${fmt(ms).padStart(7)} ms   ${fmt((rows / ms) * 1000).padStart(11)} rows/s (both sides)`);
  return r;
}

function main() {
  console.log(`recon engine: ${fmt(ROWS)} × ~${fmt(ROWS)} rows, 6-part key, 5 rules; ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}, node ${process.version}`);
  const t0 = performance.now();
  const sides = generate(ROWS);
  console.log(`generated in ${fmt(performance.now() - t0)} ms (left ${fmt(sides.left.rowCount)}, right ${fmt(sides.right.rowCount)})`);
  const rows = sides.left.rowCount + sides.right.rowCount;
  // A small warm-up so the JIT has seen the paths.
  const warm = generate(20_000);
  reconcile(input(warm, true));
  const bare = timed('reconcile, no suggestions', () => reconcile(input(sides, false)), rows);
  const full = timed('reconcile, with suggestions', () => reconcile(input(sides, true)), rows);
  const s = full.summary;
  console.log(`match rate ${(s.matchRate * 100).toFixed(3)}%, matched ${fmt(s.matched)} (perfect ${fmt(s.perfect)}, within tolerance ${fmt(s.withinTolerance)}), breaks ${fmt(s.breaks)}`);
  console.log(`by kind ${JSON.stringify(s.byKind)}`);
  console.log(`clusters ${s.clusters.length}; top: ${s.clusters.slice(0, 4).map((c) => `${c.description} ×${c.count}`).join(' | ')}`);
  const suggested = full.breaks.filter((b) => b.suggestions?.length).length;
  console.log(`only-left/right breaks with suggestions: ${fmt(suggested)}; findings ${full.findings.length}; same breaks without suggestions: ${bare.breaks.length === full.breaks.length}`);
  console.log(`heap used ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
}

// Run when invoked as a script; importing it (for a profile) only generates data.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
