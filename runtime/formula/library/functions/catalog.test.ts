/**
 * Registry-level checks for the text, date, regex, lookup and domain functions: every example
 * is true, specs are well-formed, impls never throw, and the modules stay sandbox-safe.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, type Value } from '../values';
import { DATE_FUNCTIONS } from './date';
import { DOMAIN_FUNCTIONS } from './domain';
import { LOOKUP_FUNCTIONS } from './lookup';
import { REGEX_FUNCTIONS } from './regex';
import { CTX, display, evaluateExample, OWN_FUNCTIONS } from './test-harness';
import { TEXT_FUNCTIONS } from './text';

const HERE = dirname(fileURLToPath(import.meta.url));
const LIBRARY = resolve(HERE, '..');

describe('registry entries', () => {
  it.each(OWN_FUNCTIONS.map((f) => [f.name, f] as const))('%s example is true', (_name, f) => {
    expect(display(evaluateExample(f.example.formula), f.returns)).toBe(f.example.result);
  });

  it('has unique upper-case names and the right category per export', () => {
    const names = OWN_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    const groups: [readonly FunctionSpec[], string[]][] = [
      [TEXT_FUNCTIONS, ['text']],
      [DATE_FUNCTIONS, ['date']],
      [REGEX_FUNCTIONS, ['regex']],
      [LOOKUP_FUNCTIONS, ['lookup']],
      [DOMAIN_FUNCTIONS, ['domain']],
    ];
    for (const [list, cats] of groups) for (const f of list) expect(cats).toContain(f.category);
  });

  it.each(OWN_FUNCTIONS.map((f) => [f.name, f] as const))('%s spec is well-formed', (_name, f) => {
    expect(f.doc).not.toMatch(/\n/);
    expect(f.doc.length).toBeGreaterThan(10);
    expect(typeof f.impl).toBe('function');
    expect(f.lazy).toBeFalsy();
    // Optional parameters follow the required ones; only a trailing group repeats.
    let seenOptional = false;
    for (const p of f.params) {
      if (p.optional) seenOptional = true;
      else if (!p.repeating) expect(seenOptional).toBe(false);
      expect(p.name).toMatch(/^[a-z_0-9]+$/);
    }
    expect(f.example.formula.startsWith(`${f.name}(`)).toBe(true);
  });
});

describe('impls never throw', () => {
  const ODD: (Value | undefined)[] = [
    undefined, null, '', 'abc', '2025-03-15', '(?', '*', 0, -1, 1.5, 3e6, 1e308, -1e308, true, false,
    [], ['a', 1, null, true], [ERR.NA], ERR.NA, ERR.DIV0,
  ];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };

  it.each(OWN_FUNCTIONS.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const impl = f.impl as NonNullable<FunctionSpec['impl']>;
    const arity = Math.max(1, f.params.length + 1);
    for (let k = 0; k < 400; k++) {
      const n = rand(arity + 1);
      const args = Array.from({ length: n }, () => ODD[rand(ODD.length)]) as Value[];
      let out: Value | undefined;
      expect(() => (out = impl(args, CTX))).not.toThrow();
      expect(out).not.toBeUndefined();
      const scalars = Array.isArray(out) ? out : [out];
      for (const v of scalars) {
        const ok = v === null || ['string', 'boolean'].includes(typeof v) || v instanceof FormulaError || Number.isFinite(v);
        if (!ok) throw new Error(`${f.name}(${JSON.stringify(args)}) returned ${String(v)}`);
      }
    }
  });
});

describe('sandbox safety', () => {
  const own = [
    'arg-coerce.ts', 'date-format.ts', 'date-pattern.ts', 'dates.ts', 'decimal-math.ts', 'format-tokens.ts',
    'iso-codes.ts', 'lookup-index.ts', 'number-format.ts', 'regex-cache.ts',
    ...readdirSync(join(LIBRARY, 'functions'))
      .filter((f) => /^(text|date|regex|lookup|domain)[a-z-]*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => `functions/${f}`),
  ];

  it.each(own)('%s uses no host API and imports only the library', (file) => {
    const src = readFileSync(join(LIBRARY, file), 'utf8');
    const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const banned of [/\bnew Date\b/, /\bDate\.\w/, /\bMath\.random\b/, /\bIntl\b/, /toLocale\w*/, /\bprocess\./, /\brequire\(/, /\bglobalThis\b/, /\bwindow\b/]) {
      expect(code).not.toMatch(banned);
    }
    for (const m of code.matchAll(/from '([^']+)'/g)) {
      expect(m[1].startsWith('.')).toBe(true);
      expect(resolve(dirname(join(LIBRARY, file)), m[1]).startsWith(LIBRARY)).toBe(true);
    }
  });
});
