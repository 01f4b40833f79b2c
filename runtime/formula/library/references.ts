/**
 * Reference-table columns (`Rates[Tenor]`) and array constants (`{1,2}`) at run time.
 * Compiled code resolves a table column once per batch, outside the row loop, and hands
 * functions the context's own array, so lookup caches keyed on array identity keep working
 * across batches. Pure and QuickJS-safe.
 */
import { ERR, type ArrayValue, type FormulaError, type Scalar } from './values';

interface TablesContext {
  readonly tables?: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Own properties only, so a table called `__proto__` or `constructor` can never reach
 * Object.prototype. A missing table or column is #REF!, as a deleted range is in Excel.
 */
export function tableColumn(ctx: TablesContext, table: string, column: string): ArrayValue | FormulaError {
  const tables = ctx.tables;
  if (!tables || typeof tables !== 'object' || !own(tables, table)) return ERR.REF;
  const t = tables[table];
  if (!t || typeof t !== 'object' || !own(t, column)) return ERR.REF;
  const values = t[column];
  return Array.isArray(values) ? (values as ArrayValue) : ERR.REF;
}

export function arrayConstant(values: readonly Scalar[]): ArrayValue {
  return Object.freeze(values.slice());
}
