/**
 * Sample tables for the preview's tests and bench: a Table from plain values, and a repeatable
 * trade blotter of any size (text, numbers, dates, a few blanks and bad values, like a real
 * file) with a mapping template over it.
 */
import { serialFromYmd } from '../../../runtime/formula/library/dates';
import type { Column, ColumnType, Table } from '../../../runtime/table/table';
import { seededRandom } from '../../../runtime/testing/seeded-random';
import type { TemplateDraft } from '../../editor/template-draft';

type Cell = number | string | boolean | null;

export function tableOf({ columns, datasetId = 'sample-sha256' }: { columns: readonly { name: string; type: ColumnType; values: readonly Cell[] }[]; datasetId?: string }): Table {
  const rowCount = columns[0]?.values.length ?? 0;
  const built = columns.map(({ name, type, values }): Column => {
    if (type === 'text') {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(values, (v) => {
        if (v === null) return -1;
        const s = String(v);
        let k = index.get(s);
        if (k === undefined) index.set(s, (k = dictionary.push(s) - 1));
        return k;
      });
      return { name, type, dictionary, codes };
    }
    const nulls = values.some((v) => v === null) ? Uint8Array.from(values, (v) => (v === null ? 1 : 0)) : undefined;
    return { name, type, values: Float64Array.from(values, (v) => (v === null ? 0 : Number(v))), nulls };
  });
  // Line 1 is the header, so data rows start at line 2.
  return { rowCount, columns: built, origin: { datasetId, rowNumbers: Int32Array.from({ length: rowCount }, (_, i) => i + 2) } };
}

const SIDES = ['B', 'S', 'Buy', 'SELL', ''];
const CCYS = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'EURO'];

export function tradeSample(rows: number, seed = 7): Table {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = serialFromYmd(2026, 1, 2);
  const column = <T extends Cell>(f: (i: number) => T) => Array.from({ length: rows }, (_, i) => f(i));
  return tableOf({
    columns: [
      { name: 'Trade ID', type: 'text', values: column((i) => `T${String(100000 + i)}`) },
      { name: 'Side', type: 'text', values: column(() => pick(SIDES)) },
      { name: 'Qty', type: 'number', values: column(() => Math.round((rnd() - 0.3) * 500)) },
      { name: 'Price', type: 'number', values: column(() => (rnd() < 0.02 ? null : Math.round(rnd() * 1e6) / 100)) },
      { name: 'Trade Date', type: 'date', values: column(() => start + Math.floor(rnd() * 250)) },
      { name: 'Currency', type: 'text', values: column(() => pick(CCYS)) },
      { name: 'Counterparty', type: 'text', values: column(() => (rnd() < 0.05 ? null : `  CP ${Math.floor(rnd() * 40)} Ltd `)) },
    ],
  });
}

/** A mapping template over tradeSample: text, numbers and dates, 4 targets, 2 validations. */
export function tradeTemplate(): TemplateDraft {
  return {
    schemaVersion: 1,
    name: 'Trade blotter',
    kind: 'mapping',
    sources: [{ name: 'blotter', format: 'csv' }],
    mappings: {
      blotter: [
        { target: 'Direction', formula: 'IF(LEFT(UPPER([Side]), 1)="B", "BUY", IF(LEFT(UPPER([Side]), 1)="S", "SELL", #N/A))' },
        { target: 'Notional', formula: 'ROUND([Qty]*[Price], 2)' },
        { target: 'Settle Date', formula: 'WORKDAY([Trade Date], 2)' },
        { target: 'Counterparty', formula: 'UPPER(TRIM([Counterparty]))' },
      ],
    },
    validations: [
      { name: 'Currency is ISO', formula: 'CCY_VALID([Currency])', message: 'Not an ISO 4217 currency.' },
      { name: 'Notional positive', formula: '[Notional]>0', severity: 'warning', message: 'Notional is not positive.' },
    ],
  };
}
