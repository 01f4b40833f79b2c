import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, renderColumnsMarkdown } from './columns';
import { PRODUCTS } from './products/registry';

describe('FpML column set', () => {
  it('has unique, documented column names', () => {
    const names = COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COLUMNS) expect(c.doc.length).toBeGreaterThan(10);
  });

  it('keeps the names templates rely on', () => {
    const names = COLUMNS.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([
      'UTI', 'Trade Date', 'Product Type', 'Notional 1', 'Currency 1', 'Notional 2', 'Currency 2', 'Fixed Rate', 'Floating Index',
      'Party 1 LEI', 'Party 2 LEI', 'Effective Date', 'Termination Date', 'Value Date', 'Expiry Date', 'Strike', 'Put/Call',
      'Reference Entity', 'Index Name',
    ]));
  });

  it('COLUMNS.md is the rendered column list (regenerate with renderColumnsMarkdown() when columns change)', () => {
    const file = readFileSync(new URL('./COLUMNS.md', import.meta.url), 'utf8');
    expect(file).toBe(renderColumnsMarkdown());
  });

  it('registers every product the reader documents', () => {
    expect([...PRODUCTS.keys()].sort()).toEqual([
      'capFloor', 'commoditySwap', 'creditDefaultSwap', 'equityOption', 'equitySwapTransactionSupplement', 'fra', 'fxOption',
      'fxSingleLeg', 'fxSwap', 'returnSwap', 'swap', 'swaption',
    ]);
  });
});
