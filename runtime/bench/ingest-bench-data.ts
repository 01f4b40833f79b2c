/**
 * The file `npm run bench:ingest` reads: a deterministic broker-style trade blotter, ten columns
 * that exercise every inference path the delimited reader has.
 *   trade_id   unique text (a dictionary miss per row)      account  500 distinct codes
 *   symbol     40 distinct                                   trade_date  ISO date
 *   settle     DD/MM/YYYY                                    quantity  signed integer
 *   price      4 decimals                                    amount  "1,234,567.89" quoted, (negatives)
 *   buy        Y/N                                           note  mostly blank, some quoted text
 */
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../testing/seeded-random';

const SYMBOLS = Array.from({ length: 40 }, (_, i) => `SYM${String.fromCharCode(65 + (i % 26))}${i}`);


const pad = (n: number, w: number) => String(n).padStart(w, '0');

function grouped(value: number): string {
  const [int, frac] = Math.abs(value).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export async function writeBlotter({ file, rows }: { file: string; rows: number }): Promise<number> {
  const random = seededRandom(42);
  const out = createWriteStream(file);
  let bytes = 0;
  const write = (text: string) => new Promise<void>((resolve) => {
    bytes += Buffer.byteLength(text);
    if (out.write(text)) resolve();
    else out.once('drain', resolve);
  });
  await write('trade_id,account,symbol,trade_date,settle_date,quantity,price,amount,buy,note\n');
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const qty = Math.floor(random() * 2000) - 1000;
    const price = Math.round(random() * 5_000_000) / 10_000;
    const amount = qty * price;
    const amountText = amount < 0 ? `"(${grouped(amount)})"` : `"${grouped(amount)}"`;
    const note = random() < 0.9 ? '' : random() < 0.5 ? '"late, amended"' : 'give-up';
    batch.push(`T${pad(i, 8)},ACC-${pad(Math.floor(random() * 500), 4)},${SYMBOLS[Math.floor(random() * SYMBOLS.length)]},2026-${pad(month, 2)}-${pad(day, 2)},${pad(day, 2)}/${pad(month, 2)}/2026,${qty},${price},${amountText},${random() < 0.5 ? 'Y' : 'N'},${note}`);
    if (batch.length === 10_000) {
      await write(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length) await write(`${batch.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return bytes;
}
