/**
 * The DuckDB peer for `npm run bench:recon`, run as its own process so its time is a whole
 * process's, like ours: read both CSVs, full outer join on the keys, count datacompy's figures
 * with a flat tolerance. Prices and cash are read as DECIMAL so `abs(l − r) <= tol` is exact
 * decimal arithmetic, the same formula our engine applies on 15-digit decimals.
 * Usage: recon-duckdb.ts <left.csv> <right.csv> <priceTol> <cashTol>; prints one JSON line.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const KEYS = ['account', 'exchange', 'product', 'expiry', 'strike', 'put_call'];
const [leftFile, rightFile, priceTol, cashTol] = process.argv.slice(2);

const columns = `{${[...KEYS.map((k) => `'${k}': 'VARCHAR'`), "'quantity': 'BIGINT'", "'price': 'DECIMAL(18,6)'", "'cash': 'DECIMAL(18,2)'", "'currency': 'VARCHAR'"].join(', ')}}`;
const read = (file: string) => `read_csv('${file.replace(/'/g, "''")}', header = true, columns = ${columns})`;
const on = KEYS.map((k) => `l.${k} = r.${k}`).join(' AND ');
/** A column breaks when one side is blank and the other not, or both are there and differ beyond tolerance. */
const off = (c: string, tol?: string) =>
  `((l.${c} IS NULL) <> (r.${c} IS NULL) OR ${tol ? `abs(l.${c} - r.${c}) > ${tol}` : `l.${c} <> r.${c}`})`;
const breaks = { quantity: off('quantity'), price: off('price', priceTol), cash: off('cash', cashTol), currency: off('currency') };

const sql = `
WITH l AS (SELECT *, true AS present FROM ${read(leftFile)}),
     r AS (SELECT *, true AS present FROM ${read(rightFile)}),
     j AS (SELECT l.present AS lp, r.present AS rp, ${Object.entries(breaks).map(([c, e]) => `coalesce(${e}, false) AS b_${c}`).join(', ')}
           FROM l FULL OUTER JOIN r ON ${on})
SELECT count(*) FILTER (WHERE lp AND rp) AS common,
       count(*) FILTER (WHERE lp AND rp IS NULL) AS only_left,
       count(*) FILTER (WHERE lp IS NULL AND rp) AS only_right,
       count(*) FILTER (WHERE lp AND rp AND (${Object.keys(breaks).map((c) => `b_${c}`).join(' OR ')})) AS unequal_rows,
       ${Object.keys(breaks).map((c) => `count(*) FILTER (WHERE lp AND rp AND b_${c}) AS ${c}`).join(', ')}
FROM j`;

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const row = reader.getRowObjects()[0];
const n = (v: unknown) => Number(v);
process.stdout.write(`${JSON.stringify({
  common: n(row.common), only_left: n(row.only_left), only_right: n(row.only_right), unequal_rows: n(row.unequal_rows),
  by_column: Object.fromEntries(Object.keys(breaks).map((c) => [c, n(row[c])])), duration_ms: Math.round(performance.now() - started),
})}\n`);
