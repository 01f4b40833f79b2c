/**
 * From what a column's cells showed (a KindTally) or what the user fixed, to the builder that
 * stores it; and, once all rows are in, settling the day/month order of date columns the data
 * left ambiguous. Shared by the streamed delimited reader and the in-memory readers. Browser-safe.
 */
import type { Column, ColumnType } from '../../table/table';
import type { FindingSink } from '../finding-sink';
import type { KindTally } from './kind-tally';
import { BooleanColumnBuilder, DateColumnBuilder, NumberColumnBuilder } from './typed-column-builders';
import { TextColumnBuilder, type CellDecoder } from './text-column-builder';

export type ColumnBuilder = TextColumnBuilder | NumberColumnBuilder | DateColumnBuilder | BooleanColumnBuilder;

export interface ColumnPlan {
  /** 'pending': no values seen yet; the first non-blank cell decides. */
  readonly kind: 'text' | 'number' | 'date' | 'boolean' | 'pending';
  /** The type the user fixed (options.types); cells that do not fit become blanks with a finding. */
  readonly fixed?: ColumnType;
  readonly dayFirst?: boolean;
  readonly watchYmd8?: boolean;
}

export function planColumn({ tally, fixed, dateOrder }: { tally?: KindTally; fixed?: ColumnType; dateOrder?: 'DMY' | 'MDY' }): ColumnPlan {
  const optionOrder = dateOrder === undefined ? undefined : dateOrder === 'DMY';
  if (fixed) return { kind: fixed === 'datetime' ? 'date' : fixed, fixed, dayFirst: optionOrder };
  if (!tally || tally.filled === 0) return { kind: 'pending', dayFirst: optionOrder };
  const kind = tally.kind;
  if (kind === 'number') return { kind };
  if (kind === 'date') {
    if (tally.ymd8 && tally.number) return { kind: 'number', watchYmd8: true };
    return { kind, dayFirst: optionOrder ?? tally.dayFirst };
  }
  return { kind };
}

export function createBuilder(plan: ColumnPlan, capacity: number, decode?: CellDecoder): ColumnBuilder {
  switch (plan.kind) {
    case 'number': return new NumberColumnBuilder(capacity, plan.watchYmd8 === true);
    case 'date': return new DateColumnBuilder(capacity, plan.dayFirst);
    case 'boolean': return new BooleanColumnBuilder(capacity);
    default: return new TextColumnBuilder(capacity, decode);
  }
}

export function finishColumn(builder: ColumnBuilder, name: string, plan: ColumnPlan): Column {
  if (builder instanceof DateColumnBuilder) {
    return builder.finish(name, plan.fixed === 'date' || plan.fixed === 'datetime' ? plan.fixed : undefined);
  }
  return builder.finish(name);
}

/**
 * Date columns whose slashed dates all read both ways (03/04/2026) take the order the user set,
 * else the order the other date columns of the file proved, else day-first (the European
 * convention of the files this product reads), with a warning that says how to change it.
 */
export function settleDateOrder({ columns, dateOrder, sink }: {
  columns: readonly { readonly name: string; readonly builder: ColumnBuilder }[];
  dateOrder?: 'DMY' | 'MDY';
  sink: FindingSink;
}): void {
  const dates = columns.filter((c): c is { name: string; builder: DateColumnBuilder } => c.builder instanceof DateColumnBuilder);
  const proven = dates.filter((c) => c.builder.sawSlashed && c.builder.dayFirst !== undefined);
  const provenOrders = new Set(proven.map((c) => c.builder.dayFirst));
  const fileOrder = provenOrders.size === 1 ? proven[0].builder.dayFirst : undefined;
  for (const { name, builder } of dates) {
    if (builder.dayFirst !== undefined) continue;
    if (!builder.sawUnsettled) continue;
    if (dateOrder) {
      builder.settle(dateOrder === 'DMY');
    } else if (fileOrder !== undefined) {
      builder.settle(fileOrder);
      const by = proven.find((c) => c.builder.dayFirst === fileOrder)!.name;
      sink.add({
        code: 'date-order-from-file', severity: 'info', column: name,
        message: `Column \`${name}\` has only dates like 03/04/2026 that read both ways; they are read ${fileOrder ? 'day-first' : 'month-first'}, like column \`${by}\`, whose dates show it. Set the reader option dateOrder to change it.`,
      });
    } else {
      builder.settle(true);
      sink.add({
        code: 'ambiguous-date-order', severity: 'warning', column: name,
        message: `Column \`${name}\`: every date in it (like 03/04/2026) could be day/month or month/day; they were read day-first (3 April 2026). If they are month-first, set the reader option dateOrder: "MDY".`,
      });
    }
  }
}
