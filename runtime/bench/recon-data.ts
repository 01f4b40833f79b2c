/**
 * Data for `npm run bench:recon`: internal vs broker ETD positions as CSV files, with injected
 * breaks recorded in a truth file so the bench can score precision and recall.
 * Six key columns (account, exchange, product, expiry, strike, put_call) and four compared ones
 * (quantity, price, cash, currency): ten in all. Keys are distinct by construction (a bijection
 * on a mixed-radix counter), so every injected difference is the only reason a row breaks.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../testing/seeded-random';

/** Product → [exchange, tick size, decimals, currency, typical price]. Tick sizes differ on purpose. */
export const PRODUCTS: Record<string, [string, number, number, string, number]> = {
  ES: ['XCME', 0.25, 2, 'USD', 5300], NQ: ['XCME', 0.25, 2, 'USD', 18500], ZN: ['XCBT', 0.015625, 6, 'USD', 110],
  ZB: ['XCBT', 0.03125, 5, 'USD', 118], CL: ['XNYM', 0.01, 2, 'USD', 78], GC: ['XCEC', 0.1, 1, 'USD', 2350],
  '6E': ['XCME', 0.00005, 5, 'USD', 1.08], FGBL: ['XEUR', 0.01, 2, 'EUR', 131], FDAX: ['XEUR', 0.5, 1, 'EUR', 18200],
  FESX: ['XEUR', 1, 0, 'EUR', 4900],
};
const NAMES = Object.keys(PRODUCTS);
const EXPIRIES = ['2026-12-18', '2027-03-19', '2027-06-18', '2027-09-17', '2027-12-17', '2028-03-17', '2028-06-16', '2028-09-15', '2028-12-15', '2029-03-16'];
export const KEYS = ['account', 'exchange', 'product', 'expiry', 'strike', 'put_call'] as const;
export const HEADER = [...KEYS, 'quantity', 'price', 'cash', 'currency'].join(',');

/** Labels of injected differences; `break` says whether the tick-rule run must report it. */
export const LABELS = {
  'only-left': { kind: 'only-left', field: '', break: true },
  'only-right': { kind: 'only-right', field: '', break: true },
  quantity: { kind: 'field', field: 'quantity', break: true },
  'price-1-tick': { kind: 'field', field: 'price', break: false },
  'price-2-ticks': { kind: 'field', field: 'price', break: true },
  'cash-beyond': { kind: 'field', field: 'cash', break: true },
  'cash-within': { kind: 'field', field: 'cash', break: false },
} as const;
export type Label = keyof typeof LABELS;


const SPACE = 2 * 50 * EXPIRIES.length * NAMES.length * 1000; // put/call × strikes × expiries × products × accounts

interface Row { key: string[]; qty: number; ticks: number; cents: number; p: number }

/** The i-th distinct key: 7919 is prime to SPACE, so i → i·7919 mod SPACE is one-to-one. */
function keyOf(i: number): { key: string[]; p: number } {
  let n = (i * 7919) % SPACE;
  const pc = n % 2; n = Math.floor(n / 2);
  const strike = n % 50; n = Math.floor(n / 50);
  const exp = n % EXPIRIES.length; n = Math.floor(n / EXPIRIES.length);
  const p = n % NAMES.length; n = Math.floor(n / NAMES.length);
  const product = NAMES[p];
  return { key: [`ACC${String(n).padStart(5, '0')}`, PRODUCTS[product][0], product, EXPIRIES[exp], String(1000 + strike * 25), pc ? 'P' : 'C'], p };
}

function line(r: Row): string {
  const [, tick, dec, ccy] = PRODUCTS[NAMES[r.p]];
  return `${r.key.join(',')},${r.qty},${(r.ticks * tick).toFixed(dec)},${(r.cents / 100).toFixed(2)},${ccy}\n`;
}

async function writeRows(file: string, rows: Row[]) {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows.length; i += 50_000) {
    const ok = out.write(rows.slice(i, i + 50_000).map(line).join(''));
    if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

export interface Generated { left: string; right: string; ticks: string; truth: string; rows: number; injected: Record<Label, number> }

export async function generateRecon(dir: string, rows: number, perLabel: number): Promise<Generated> {
  const rand = seededRandom(7);
  const left: Row[] = [];
  for (let i = 0; i < rows; i++) {
    const { key, p } = keyOf(i);
    const [, tick, , , typical] = PRODUCTS[NAMES[p]];
    left.push({ key, p, qty: 1 + Math.floor(rand() * 500) * (rand() < 0.3 ? -1 : 1), ticks: Math.round((typical * (0.9 + rand() * 0.2)) / tick), cents: Math.floor(rand() * 1e9) - 5e8 });
  }
  const right: Row[] = left.map((r) => ({ ...r }));
  const truth: string[] = ['label,kind,field,expected_break,' + KEYS.join(',')];
  const injected = Object.fromEntries(Object.keys(LABELS).map((l) => [l, 0])) as Record<Label, number>;
  const drop = new Set<number>();
  // Each label gets its own rows, spread over the file, so no row carries two differences.
  const labels = Object.keys(LABELS) as Label[];
  const step = Math.floor(rows / (labels.length * perLabel + 1));
  let at = 0;
  const record = (label: Label, key: string[]) => {
    const l = LABELS[label];
    truth.push(`${label},${l.kind},${l.field},${l.break},${key.join(',')}`);
    injected[label]++;
  };
  for (let k = 0; k < perLabel; k++) {
    for (const label of labels) {
      at += step;
      const r = right[at];
      switch (label) {
        case 'only-left': drop.add(at); break;
        case 'only-right': {
          const extra = keyOf(rows + injected['only-right']);
          right.push({ ...extra, qty: 5, ticks: 1000, cents: 12345 });
          record(label, extra.key);
          continue;
        }
        case 'quantity': r.qty += 1 + (k % 3); break;
        case 'price-1-tick': r.ticks += k % 2 ? 1 : -1; break;
        case 'price-2-ticks': r.ticks += k % 2 ? 2 : -3; break;
        case 'cash-beyond': r.cents += k % 2 ? 6 : -25; break; // 0.06 or 0.25 off: beyond 0.05
        case 'cash-within': r.cents += k % 2 ? 5 : -3; break; // 0.05 or 0.03 off: within 0.05
      }
      record(label, r.key);
    }
  }
  const broker = right.filter((_, i) => !drop.has(i));
  for (let i = broker.length - 1; i > 0; i--) { // brokers never send rows in our order
    const j = Math.floor(rand() * (i + 1));
    [broker[i], broker[j]] = [broker[j], broker[i]];
  }
  const files = { left: path.join(dir, 'internal.csv'), right: path.join(dir, 'broker.csv'), ticks: path.join(dir, 'ticks.csv'), truth: path.join(dir, 'truth.csv') };
  await writeRows(files.left, left);
  await writeRows(files.right, broker);
  await writeFile(files.ticks, `product,tick_size\n${NAMES.map((n) => `${n},${PRODUCTS[n][1]}`).join('\n')}\n`);
  await writeFile(files.truth, `${truth.join('\n')}\n`);
  return { ...files, rows: broker.length, injected };
}
