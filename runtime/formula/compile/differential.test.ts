/**
 * The compiler is held to the reference interpreter: every fixture formula and a few thousand
 * random well-typed formulas must give identical results, row by row, compiled and
 * interpreted. Seeded, so a failure names the formula and reproduces.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../interpret/evaluate';
import type { Scalar } from '../library/values';
import type { RunContext } from '../program';
import { parseFormula } from '../syntax/parser';
import { FIXTURE_COLUMNS, FIXTURE_CONTEXT, FIXTURE_FORMULAS, FIXTURE_ROWS, FIXTURE_TABLES } from '../testing/fixtures';
import { FormulaGenerator, prng, RANDOM_COLUMNS, RANDOM_TABLES } from '../testing/random-formula';
import { compileOrThrow, runRows, sameValue, show } from '../testing/run-compiled';
import { compileProgram } from './compile-program';

type Row = Readonly<Record<string, Scalar>>;

/** Differences as readable lines; empty when compiled and interpreted agree everywhere. */
function differences(formulas: readonly { name: string; text: string }[], rows: readonly Row[], context: RunContext, compiledOutputs: Scalar[][]): string[] {
  const out: string[] = [];
  formulas.forEach((f, k) => {
    const parsed = parseFormula(f.text);
    if (!parsed.ok) throw new Error(`${f.text}: ${parsed.diagnostics[0].message}`);
    rows.forEach((row, i) => {
      const interpreted = evaluate({ ast: parsed.ast, row, context });
      const compiled = compiledOutputs[i][k];
      if (!sameValue(compiled, interpreted)) out.push(`${f.text} on row ${i}: compiled ${show(compiled)}, interpreted ${show(interpreted)}`);
    });
  });
  return out;
}

describe('differential: fixtures', () => {
  it('compiles all fixtures into one program whose outputs equal the interpreter on every row', () => {
    const program = compileOrThrow({ formulas: FIXTURE_FORMULAS, columns: FIXTURE_COLUMNS, tables: FIXTURE_TABLES });
    const outputs = runRows(program, FIXTURE_ROWS, FIXTURE_CONTEXT);
    expect(differences(FIXTURE_FORMULAS, FIXTURE_ROWS, FIXTURE_CONTEXT, outputs)).toEqual([]);
    // Not vacuous: the fixtures produce numbers, text, booleans, blanks and errors.
    const kinds = new Set(outputs.flat().map((v) => (v === null ? 'blank' : typeof v)));
    expect([...kinds].sort()).toEqual(['blank', 'boolean', 'number', 'object', 'string']);
  });

  it('gives the same results when each fixture is compiled on its own', () => {
    for (const f of FIXTURE_FORMULAS) {
      const program = compileOrThrow({ formulas: [f], columns: FIXTURE_COLUMNS, tables: FIXTURE_TABLES });
      expect(differences([f], FIXTURE_ROWS, FIXTURE_CONTEXT, runRows(program, FIXTURE_ROWS, FIXTURE_CONTEXT))).toEqual([]);
    }
  });
});

function randomRows(random: () => number, count: number): Row[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const numbers = [0, 1, -1, 2.675, 0.1, 0.30000000000000004, -7.5, 1e15, 1e308, 45366, 1e-10, null];
  const texts = ['', 'a', 'A', '12', 'TRUE', 'abc', ' 1,234.5 ', '#N/A', 'x"y', null];
  return Array.from({ length: count }, () => ({
    n1: pick(numbers),
    n2: pick(numbers),
    d: pick([45366, 45366.25, 1, 0, 2958465, null]),
    t: pick(texts),
    b: pick([true, false, null]),
    "we'ird [name]": pick(texts),
  }));
}

describe('differential: random formulas from the grammar', () => {
  const SEEDS = [1, 2, 3, 4];
  const PER_SEED = 800;
  const BATCH = 20;
  const context: RunContext = {
    ...FIXTURE_CONTEXT,
    tables: { Rates: { Tenor: ['1M', '3M', 'abc', ''], Rate: [0.031, 0.0325, 12, -1] } },
  };

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${PER_SEED} formulas, compiled = interpreted`, () => {
      const random = prng(seed);
      const generator = new FormulaGenerator(random);
      const rows = randomRows(random, 12);
      const failures: string[] = [];
      const results = new Set<string>();
      for (let start = 0; start < PER_SEED; start += BATCH) {
        const formulas = Array.from({ length: BATCH }, (_, k) => ({ name: `f${start + k}`, text: generator.formula() }));
        const compiled = compileProgram({ formulas, columns: RANDOM_COLUMNS, tables: RANDOM_TABLES });
        if (!compiled.ok) {
          failures.push(...compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => `does not compile: ${formulas.find((f) => f.name === d.formula)?.text}: ${d.message}`));
          continue;
        }
        const outputs = runRows(compiled.program, rows, context);
        outputs.flat().forEach((v) => results.add(v === null ? 'blank' : typeof v === 'object' ? (v as { code: string }).code : typeof v));
        failures.push(...differences(formulas, rows, context, outputs));
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // The generator must reach every kind of value, errors included, or the test proves little.
      for (const kind of ['number', 'string', 'boolean', 'blank', '#VALUE!', '#N/A', '#DIV/0!']) expect(results).toContain(kind);
    });
  }
});
