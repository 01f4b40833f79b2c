import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from './boundary/check-boundaries';

const ROOT = path.resolve(__dirname, '..');

describe('folder boundaries (DESIGN.md §3)', () => {
  it('hold across the repository', () => {
    const violations = checkBoundaries({ root: ROOT });
    expect(violations.map((v) => `${v.file}:${v.line} ${v.message}`)).toEqual([]);
  });

  it('catch every kind of violation in the must-fail fixture', () => {
    const violations = checkBoundaries({ root: path.join(__dirname, 'boundary/fixtures/violations') });
    const summary = violations.map((v) => `${v.file}:${v.line}`);
    expect(summary).toEqual(expect.arrayContaining([
      'runtime/formula/uses-ui.ts:2', // svelte
      'runtime/formula/uses-ui.ts:3', // node:fs in a browser-safe module
      'runtime/formula/uses-ui.ts:4', // Node-only runtime module
      'runtime/formula/uses-ui.ts:6', // document and window
      'studio/widgets/Leaky.svelte:3', // $lib/server
      'studio/widgets/Leaky.svelte:4', // pg
      'studio/widgets/Leaky.svelte:5', // runtime/store
    ]));
    expect(violations.filter((v) => v.line === 6 && v.file.endsWith('uses-ui.ts')).map((v) => v.message)).toEqual([
      expect.stringContaining('`document`'),
      expect.stringContaining('`window`'),
    ]);
    // Comments, strings and property names that merely say "window" are not violations.
    expect(violations.some((v) => v.file.endsWith('uses-ui.ts') && v.line >= 7)).toBe(false);
  });
});
