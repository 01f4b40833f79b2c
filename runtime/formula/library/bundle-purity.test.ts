/**
 * The library must bundle with esbuild to one IIFE and run where there is no Intl, no clock
 * and no Node (QuickJS). Here the bundle runs in a fresh V8 realm with those taken away, and
 * random compiled programs using it must still agree with the host's reference interpreter.
 */
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../compile/compile-program';
import { evaluate } from '../interpret/evaluate';
import { parseFormula } from '../syntax/parser';
import { FormulaGenerator, prng, RANDOM_COLUMNS, RANDOM_TABLES } from '../testing/random-formula';
import { CONTEXT } from '../testing/run-compiled';
import type { Scalar } from './values';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Errors from another realm are not `instanceof` ours: compare by code. */
const normal = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'code' in v ? `error ${(v as { code: string }).code}` : v);

const POISON = `
  'use strict';
  delete globalThis.Intl;
  globalThis.Date = undefined;
  for (const [proto, names] of [[String.prototype, ['localeCompare', 'toLocaleUpperCase', 'toLocaleLowerCase']], [Number.prototype, ['toLocaleString']], [Array.prototype, ['toLocaleString']]]) {
    for (const name of names) Object.defineProperty(proto, name, { value: () => { throw new Error(name + ' is not available in QuickJS builds'); } });
  }
`;

describe('library bundle', () => {
  let bundle = '';
  beforeAll(async () => {
    const out = await build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', globalName: 'FormulaLibrary', platform: 'neutral', target: 'es2020', logLevel: 'silent' });
    bundle = out.outputFiles[0].text;
  });

  it('bundles to a self-contained script that names no host API', () => {
    expect(bundle).toMatch(/^"use strict";\nvar FormulaLibrary = \(\(\) => \{/);
    for (const banned of ['require(', 'process.', 'Intl.', 'Date.now', 'new Date', 'globalThis.', 'window.', 'document.', 'import(']) {
      expect(bundle, banned).not.toContain(banned);
    }
  });

  it('runs random compiled programs without Intl or Date, agreeing with the host interpreter', () => {
    const realm = createContext({});
    runInContext(POISON, realm);
    runInContext(`${bundle}\nvar L = FormulaLibrary.createLibrary();`, realm);
    const random = prng(99);
    const generator = new FormulaGenerator(random);
    const rows = [
      { n1: 2.675, n2: 0, d: 45366, t: 'abc', b: true, "we'ird [name]": ' 1,234.5 ' },
      { n1: -1, n2: 1e308, d: 1, t: '12', b: false, "we'ird [name]": '' },
      { n1: null, n2: null, d: null, t: null, b: null, "we'ird [name]": null },
    ] as Record<string, Scalar>[];
    const context = { ...CONTEXT, tables: { Rates: { Tenor: ['1M', '3M'], Rate: [0.03, 0.04] } } };
    const mismatches: string[] = [];
    for (let batch = 0; batch < 15; batch++) {
      const formulas = Array.from({ length: 20 }, (_, k) => ({ name: `f${k}`, text: generator.formula() }));
      const compiled = compileProgram({ formulas, columns: RANDOM_COLUMNS, tables: RANDOM_TABLES });
      if (!compiled.ok) throw new Error(compiled.diagnostics[0].message);
      realm.__input = { I: compiled.program.inputs.map((c) => rows.map((r) => r[c.name] ?? null)), n: rows.length, X: context };
      const outputs = runInContext(`(${compiled.program.source})(__input.I, __input.n, L, __input.X)`, realm) as unknown[][];
      formulas.forEach((f, k) => {
        const parsed = parseFormula(f.text);
        if (!parsed.ok) throw new Error(f.text);
        rows.forEach((row, i) => {
          const expected = normal(evaluate({ ast: parsed.ast, row, context }));
          const actual = normal(outputs[k][i]);
          if (!Object.is(actual, expected)) mismatches.push(`${f.text} row ${i}: bundle ${String(actual)}, host ${String(expected)}`);
        });
      });
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
