/**
 * A Table from cells already in memory (Excel, JSON, XML), typed by the same rules as the
 * streamed reader (kind-tally.ts): the whole column is tallied first, then built. Values that
 * arrive typed count as themselves: JSON and Excel numbers are numbers, booleans booleans,
 * Excel date cells dates (as serials); text goes through the text rules. Browser-safe.
 */
import type { Table } from '../../table/table';
import { valueText } from '../../table/table-text';
import type { FindingSink } from '../finding-sink';
import { fixedType, unknownTypedColumns, type TypingOptions } from '../reader-options';
import { createBuilder, finishColumn, planColumn, settleDateOrder, type ColumnBuilder, type ColumnPlan } from './column-plan';
import { KindTally } from './kind-tally';
import { TextColumnBuilder, MISFIT, type PushStatus } from './text-column-builder';
import { BooleanColumnBuilder, DateColumnBuilder, NumberColumnBuilder } from './typed-column-builders';

/** An Excel date cell: the serial (days since 1899-12-30, time as the fraction). */
export interface SerialDate {
  readonly serial: number;
}

export type CellValue = string | number | boolean | SerialDate | null | undefined;

export function buildValueTable({ datasetId, names, columns, rowNumbers, options, sink }: {
  datasetId: string;
  names: readonly string[];
  /** Column-major: columns[c][r]. Shorter columns are padded with blanks. */
  columns: readonly (readonly CellValue[])[];
  rowNumbers: Int32Array;
  options: TypingOptions;
  sink: FindingSink;
}): Table {
  const rowCount = rowNumbers.length;
  const nulls = new Set((options.nullValues ?? []).map((v) => v.trim()));
  const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === 'string' && (v.trim() === '' || nulls.has(v.trim())));
  const built: { name: string; builder: ColumnBuilder; plan: ColumnPlan }[] = names.map((name, c) => {
    const cells = columns[c] ?? [];
    const fixed = fixedType(options, name);
    let tally: KindTally | undefined;
    if (!fixed) {
      tally = new KindTally();
      for (const v of cells) {
        if (isBlank(v)) continue;
        if (typeof v === 'string') tally.addText(v);
        else if (typeof v === 'number') tally.addNumber();
        else if (typeof v === 'boolean') tally.addBoolean();
        else tally.addDate(v!.serial % 1 !== 0);
      }
    }
    let plan = planColumn({ tally, fixed, dateOrder: options.dateOrder });
    if (plan.kind === 'pending') plan = { kind: 'text' };
    const builder = createBuilder(plan, rowCount);
    for (let r = 0; r < rowCount; r++) {
      const v = cells[r];
      if (isBlank(v)) { builder.pushBlank(); continue; }
      if (push(builder, v!) === MISFIT) {
        builder.pushBlank();
        sink.add({
          code: 'bad-value', severity: 'warning', row: rowNumbers[r], column: name,
          message: `Row ${rowNumbers[r]}, column \`${name}\`: ${describe(v!)} is not a ${plan.fixed ?? plan.kind}, the type fixed for this column; the cell is left blank.`,
        });
      }
    }
    return { name, builder, plan };
  });
  settleDateOrder({ columns: built, dateOrder: options.dateOrder, sink });
  for (const missing of unknownTypedColumns(options, names)) {
    sink.add({ code: 'unknown-typed-column', severity: 'warning', column: missing, message: `The reader option types names column \`${missing}\`, which the data does not have. Its columns are: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.` });
  }
  return {
    rowCount,
    columns: built.map(({ name, builder, plan }) => finishColumn(builder, name, plan)),
    origin: { datasetId, rowNumbers },
  };
}

function push(builder: ColumnBuilder, v: Exclude<CellValue, null | undefined>): PushStatus {
  if (builder instanceof TextColumnBuilder) return builder.pushString(textOf(v));
  if (typeof v === 'string') return builder.pushString(v);
  if (builder instanceof NumberColumnBuilder) {
    if (typeof v === 'number') { builder.pushValue(v); return 0; }
    if (typeof v === 'object') { builder.pushValue(v.serial); return 0; }
    return MISFIT;
  }
  if (builder instanceof DateColumnBuilder) {
    if (typeof v === 'object') { builder.pushSerial(v.serial); if (v.serial % 1 !== 0) builder.hasTime = true; return 0; }
    // A number in a column fixed to dates is an Excel serial.
    if (typeof v === 'number' && v >= 0 && v < 2958466) { builder.pushSerial(v); if (v % 1 !== 0) builder.hasTime = true; return 0; }
    return MISFIT;
  }
  if (builder instanceof BooleanColumnBuilder) {
    if (typeof v === 'boolean') { builder.pushValue(v ? 1 : 0); return 0; }
    if (v === 0 || v === 1) { builder.pushValue(v); return 0; }
    return MISFIT;
  }
  return MISFIT;
}

/** A typed value shown in a text column. */
function textOf(v: Exclude<CellValue, null | undefined>): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return valueText('number', v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return valueText(v.serial % 1 !== 0 ? 'datetime' : 'date', v.serial);
}

function describe(v: Exclude<CellValue, null | undefined>): string {
  const text = textOf(v);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
