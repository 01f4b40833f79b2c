/**
 * The generated JavaScript of each fixture, recorded so a review shows every codegen change
 * as a diff (DESIGN.md §11.7). Update deliberately with `npx vitest run -u`.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_COLUMNS, FIXTURE_FORMULAS, FIXTURE_TABLES } from '../testing/fixtures';
import { compileOrThrow } from '../testing/run-compiled';

describe('compiled JavaScript', () => {
  for (const f of FIXTURE_FORMULAS) {
    it(`${f.name}: ${f.text}`, () => {
      const program = compileOrThrow({ formulas: [f], columns: FIXTURE_COLUMNS, tables: FIXTURE_TABLES });
      expect(program.source).toMatchSnapshot();
      expect({ inputs: program.inputs, outputs: program.outputs }).toMatchSnapshot();
    });
  }

  it('a whole template: shared column reads and function handles, one loop', () => {
    const program = compileOrThrow({ formulas: FIXTURE_FORMULAS.slice(0, 6), columns: FIXTURE_COLUMNS, tables: FIXTURE_TABLES });
    expect(program.source).toMatchSnapshot();
  });
});
