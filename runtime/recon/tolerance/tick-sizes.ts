/**
 * Where a ticks rule finds its tick size, resolved once per side into a per-row array:
 *   tickTable + tickKey  the product in column `tickKey` (default Product) looked up in the table
 *   tickColumn           a column of the sources holding the tick size
 *   tickSize             one fixed size
 * The left row's size wins; the right row's is the fallback. Unknown products are reported once,
 * and those rows compare exactly.
 */
import { columnByName, type Table } from '../../table/table';
import { displayCell, numericView } from '../column-views';
import { productKey, referenceTable, tickSizes, type FindingSink } from '../reference-tables';
import type { ReferenceTables } from '../types';
import type { RuleOf } from './types';
import { list } from './words';

export interface TickContext {
  readonly leftTable: Table;
  readonly rightTable: Table;
  readonly left?: string;
  readonly right?: string;
  readonly referenceTables?: ReferenceTables;
  readonly report: FindingSink;
  readonly path: string;
}

export interface TickSizes {
  /** Tick size for a pair of rows; NaN when unknown. */
  at(l: number, r: number): number;
  /** Tick size of one row of one side; NaN when unknown. */
  ofRow(side: 'left' | 'right', row: number): number;
}

const UNKNOWN: TickSizes = { at: () => NaN, ofRow: () => NaN };

export function resolveTickSizes(rule: RuleOf<'ticks'>, ctx: TickContext): TickSizes {
  if (rule.tickSize !== undefined) return { at: () => rule.tickSize!, ofRow: () => rule.tickSize! };
  let sides: [Float64Array | undefined, Float64Array | undefined];
  if (rule.tickColumn !== undefined) {
    const fromColumn = (table: Table) => {
      const c = columnByName(table, rule.tickColumn!);
      return c ? numericView(c).values : undefined;
    };
    sides = [fromColumn(ctx.leftTable), fromColumn(ctx.rightTable)];
    if (!sides[0] && !sides[1]) return missing(rule, ctx, `Column \`${rule.tickColumn}\` holds the tick sizes for ${rule.field}, but neither source has it: map it on either source.`);
  } else if (rule.tickTable !== undefined) {
    const table = referenceTable(ctx.referenceTables, rule.tickTable, `The ticks rule on ${rule.field}`, ctx.report);
    if (!table) return UNKNOWN;
    const sizes = tickSizes(table, rule.tickTable, rule.tickKey, ctx.report);
    const keyColumn = rule.tickKey ?? 'Product';
    const unknown = new Set<string>();
    const sizeOf = (product: string | number | boolean) => {
      const k = productKey(product);
      const size = sizes.get(k) ?? NaN;
      if (size !== size) unknown.add(k);
      return size;
    };
    const fromTable = (table: Table) => {
      const c = columnByName(table, keyColumn);
      if (!c) return undefined;
      const out = new Float64Array(table.rowCount);
      if (c.type === 'text') {
        // One look-up per distinct product, not per row.
        const byCode = Float64Array.from(c.dictionary, (d) => sizeOf(d));
        for (let r = 0; r < out.length; r++) out[r] = c.codes[r] < 0 ? NaN : byCode[c.codes[r]];
        return out;
      }
      const byValue = new Map<number, number>();
      for (let r = 0; r < out.length; r++) {
        const v = displayCell(c, r);
        if (v === null) { out[r] = NaN; continue; }
        let size = byValue.get(c.values[r]);
        if (size === undefined) byValue.set(c.values[r], (size = sizeOf(v)));
        out[r] = size;
      }
      return out;
    };
    sides = [fromTable(ctx.leftTable), fromTable(ctx.rightTable)];
    if (!sides[0] && !sides[1]) return missing(rule, ctx, `The ticks rule on ${rule.field} looks up the product in column \`${keyColumn}\`, which neither source has: map it, or set tickKey to the product column.`);
    if (unknown.size > 0) {
      const names = [...unknown].sort();
      ctx.report({
        code: 'recon.unknown-tick-product',
        severity: 'warning',
        message: `${names.length === 1 ? 'Product' : 'Products'} ${list(names.slice(0, 5).map((n) => `\`${n}\``))}${names.length > 5 ? ` and ${names.length - 5} more` : ''} ${names.length === 1 ? 'is' : 'are'} not in tick table \`${rule.tickTable}\`, so ${rule.field} compares exactly for ${names.length === 1 ? 'it' : 'them'}: add the tick sizes to the table.`,
        location: { source: 'template', path: `$.referenceTables.${rule.tickTable}` },
      });
    }
  } else {
    return missing(rule, ctx, `The ticks rule on ${rule.field} has no tick size: set tickTable and tickKey, tickColumn, or tickSize.`);
  }
  const [L, R] = sides;
  const ofRow = (side: 'left' | 'right', row: number) => (side === 'left' ? L : R)?.[row] ?? NaN;
  return {
    at(l, r) {
      const a = L === undefined ? NaN : L[l];
      return a > 0 ? a : R === undefined ? NaN : R[r];
    },
    ofRow,
  };
}

function missing(rule: RuleOf<'ticks'>, ctx: TickContext, message: string): TickSizes {
  ctx.report({ code: 'recon.no-tick-size', severity: 'error', message: `${message} Until then ${rule.field} compares exactly.`, location: { source: 'template', path: ctx.path } });
  return UNKNOWN;
}
