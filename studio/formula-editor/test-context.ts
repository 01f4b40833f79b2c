/** Columns and tables the editor tests share: a mapping source and a two-source recon. */
import type { FormulaContext } from './formula-context';

export const MAPPING: FormulaContext = {
  columns: [
    { name: 'Trade Price', type: 'number' },
    { name: 'Quantity', type: 'number' },
    { name: 'Trade Date', type: 'date' },
    { name: 'Side', type: 'text' },
    { name: 'Notional Amount', type: 'number' },
    { name: 'Active', type: 'boolean' },
  ],
  referenceTables: { Fx: ['Ccy', 'Rate'] },
};

export const RECON: FormulaContext = {
  columns: [
    { name: 'Price', source: 'broker', type: 'number' },
    { name: 'Qty', source: 'broker', type: 'number' },
    { name: 'Price', source: 'internal', type: 'number' },
    { name: 'Account', source: 'internal', type: 'text' },
  ],
  sources: ['broker', 'internal', 'ccp'],
};
