import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../library/index';
import { REFERENCE_COMMAND, renderReference } from './render-reference';

const PATH = new URL('../FUNCTIONS.md', import.meta.url);

describe('FUNCTIONS.md', () => {
  it('is up to date with the registry', () => {
    const committed = readFileSync(PATH, 'utf8');
    const current = renderReference(FUNCTIONS);
    if (committed !== current) {
      throw new Error(`runtime/formula/FUNCTIONS.md is out of date with the function registry: run \`${REFERENCE_COMMAND}\` and commit the result`);
    }
  });

  it('documents every function with its signature, doc and example, grouped by category', () => {
    const page = renderReference(FUNCTIONS);
    for (const f of FUNCTIONS) {
      expect(page).toContain(`### ${f.name}\n`);
      expect(page).toContain(f.doc);
      expect(page).toContain(`\`=${f.example.formula}\` → \`${f.example.result}\``);
    }
    expect(page).toContain('`ROUND(number, [num_digits])` → number');
    expect(page).toContain('`SWITCH(expression, value1, result1, [value, result, ...], [default])`');
    expect(page).toContain('`TODAY()` → date (volatile: reads the run context)');
    expect(page.indexOf('## Logic')).toBeLessThan(page.indexOf('## Math'));
  });
});
