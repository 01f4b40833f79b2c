/**
 * Data and templates for `npm run bench:sandbox`: a deterministic trade blotter and two
 * templates, one of 8 numeric/logic formulas and one of 20 mixed ones (arithmetic, text,
 * dates, IF), compiled by the real compiler.
 */
import { compileProgram } from '../formula/compile/compile-program';
import type { ColumnSpec, CompiledProgram, RunContext } from '../formula/program';
import type { Scalar } from '../formula/library/values';
import { columnFromValues, type InputColumn } from '../sandbox/input-columns';

export const COLUMNS: readonly ColumnSpec[] = [
  { name: 'TradeId', type: 'text' },
  { name: 'Price', type: 'number' },
  { name: 'Qty', type: 'number' },
  { name: 'FxRate', type: 'number' },
  { name: 'Strike', type: 'number' },
  { name: 'Side', type: 'text' },
  { name: 'Ccy', type: 'text' },
  { name: 'TradeDate', type: 'date' },
  { name: 'Active', type: 'boolean' },
];

export const NUMERIC_TEMPLATE = [
  '=[Price]*[Qty]',
  '=ROUND([Price]*[Qty]*[FxRate], 2)',
  '=IF([Qty]>0, [Price], -[Price])',
  '=ABS([Qty])*[Strike]/100',
  '=AND([Price]>0, [Qty]<>0)',
  '=MAX([Price], [Strike])',
  '=([Price]-[Strike])/[Strike]',
  '=IF([Active], [Price]*[FxRate], 0)',
];

export const MIXED_TEMPLATE = [
  '=[Price]*[Qty]',
  '=ROUND([Price]*[Qty]*[FxRate], 2)',
  '=IF([Qty]>0, "LONG", "SHORT")',
  '=[Side] & "-" & UPPER([Ccy])',
  '=LEFT([TradeId], 3)',
  '=LEN([TradeId])',
  '=YEAR([TradeDate])',
  '=MONTH([TradeDate])',
  '=EDATE([TradeDate], 3)',
  '=TEXT([TradeDate], "yyyy-mm-dd")',
  '=IF(ISBLANK([FxRate]), "NO FX", [FxRate])',
  '=ABS([Qty])',
  '=[Price]-[Strike]',
  '=IF(AND([Price]>[Strike], [Side]="BUY"), "ITM", "OTM")',
  '=MID([TradeId], 4, 4)',
  '=TRIM(" " & [Ccy] & " ")',
  '=[TradeDate]+30',
  '=WEEKDAY([TradeDate])',
  '=ROUND([Price]/[Strike], 4)',
  '=IF([Active], "Y", "N")',
];

/**
 * Not one of the two templates the targets name: eight formulas the compiler inlines whole
 * (no library call), so the program costs about what the marshalling does. It shows the
 * batch format's ceiling, whatever the function library's speed.
 */
export const INLINE_TEMPLATE = [
  '=[Price]*[Qty]',
  '=[Price]-[Strike]',
  '=[Qty]+1',
  '=[Price]/[Strike]',
  '=[Price]*[FxRate]',
  '=-[Qty]',
  '=[Strike]*2',
  '=[Price]+[Strike]+[Qty]',
];

export const CONTEXT: RunContext = Object.freeze({ today: 45_600, now: 45_600.5, tables: Object.freeze({}) });

export function compileTemplate(formulas: readonly string[]): CompiledProgram {
  const result = compileProgram({ formulas: formulas.map((text, i) => ({ name: `out${i + 1}`, text })), columns: COLUMNS });
  if (!result.ok) throw new Error(`Bench template does not compile: ${JSON.stringify(result.diagnostics)}`);
  return result.program;
}

export interface BenchData {
  readonly rows: number;
  /** Plain values per column, for the JSON baseline and the unsandboxed run. */
  readonly values: ReadonlyMap<string, readonly Scalar[]>;
  /** The same data in sandbox input shape. */
  readonly columns: ReadonlyMap<string, InputColumn>;
}

/** A seeded generator, so every run measures the same rows. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

export function generateData(rows: number): BenchData {
  const rand = lcg(42);
  const ccys = ['eur', 'usd', 'gbp', 'jpy', 'chf'];
  const make: Record<string, (i: number) => Scalar> = {
    TradeId: (i) => `TRD${String(i).padStart(8, '0')}`,
    Price: () => Math.round(rand() * 10_000) / 100,
    Qty: () => Math.round((rand() - 0.3) * 1_000),
    FxRate: () => (rand() < 0.02 ? null : 0.8 + rand() * 0.4),
    Strike: () => 50 + Math.round(rand() * 100),
    Side: () => (rand() < 0.5 ? 'BUY' : 'SELL'),
    Ccy: () => ccys[Math.floor(rand() * ccys.length)],
    TradeDate: () => 45_000 + Math.floor(rand() * 365),
    Active: () => rand() < 0.9,
  };
  const values = new Map<string, Scalar[]>();
  for (const spec of COLUMNS) values.set(spec.name, Array.from({ length: rows }, (_, i) => make[spec.name](i)));
  const columns = new Map([...values].map(([name, v]) => [name, columnFromValues(v)] as const));
  return { rows, values, columns };
}

export function inputColumns(program: CompiledProgram, data: BenchData): InputColumn[] {
  return program.inputs.map((spec) => data.columns.get(spec.name)!);
}
