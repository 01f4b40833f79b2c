/**
 * The contract between the formula compiler and the sandbox.
 *
 * A template's formulas compile to ONE program that is evaluated once per batch of rows.
 * The compiler owns how formulas become JavaScript; the sandbox owns how columns cross the
 * VM boundary. They meet only here.
 *
 * Runtime values, identical in compiled code and in the reference interpreter:
 *   number    JS number. Dates and datetimes are Excel serial numbers (days since 1899-12-30,
 *             fraction = time of day); the *static* type says whether a column is a date.
 *   text      JS string
 *   boolean   JS boolean
 *   blank     null
 *   error     a FormulaError from the function library (code '#DIV/0!', '#VALUE!', ...)
 *
 * Program source is the text of a function expression:
 *
 *   (function (I, n, L, X) { ...; return [o0, o1, ...]; })
 *
 *   I  array of input columns, in `inputs` order. Each is indexable 0..n-1 and yields a
 *      runtime value (number | string | boolean | null). A Float64Array is a valid column.
 *   n  number of rows in the batch
 *   L  the frozen function library (see library/), the only thing the code may call
 *   X  the frozen run context: { today, now } as serials (the run's business date, so runs
 *      replay identically) and { tables } for reference-table lookups
 *
 * It returns one array per output, in `outputs` order, each of length n, holding runtime values.
 * The source references no global and no identifier taken from user text.
 */

/** Types a source column can have. */
export type ColumnType = 'number' | 'text' | 'boolean' | 'date' | 'datetime';

/** Static result types of a formula. `any` when it depends on the data (e.g. IF mixing types). */
export type ValueType = ColumnType | 'blank' | 'error' | 'any';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

export interface OutputSpec {
  readonly name: string;
  readonly type: ValueType;
}

export interface CompiledProgram {
  readonly source: string;
  /** Only the columns the program reads, in the order `I` carries them. */
  readonly inputs: readonly ColumnSpec[];
  readonly outputs: readonly OutputSpec[];
}

/** The run context handed to every batch as `X`. */
export interface RunContext {
  /** The business date as an Excel serial (integer). */
  readonly today: number;
  /** The run's timestamp as an Excel serial (with fraction). */
  readonly now: number;
  /** Reference tables attached to the template, by name: column name -> values. */
  readonly tables: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;
}
