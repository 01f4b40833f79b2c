import type { TemplateDraft } from '../template-draft';

/** A recon draft touching every place a formula lives. */
export function reconDraft(): TemplateDraft {
  return {
    schemaVersion: 1,
    name: 'Positions recon',
    kind: 'recon',
    sources: [
      { name: 'internal', format: 'csv', columns: [{ name: 'Px', type: 'number' }, { name: 'Qty', type: 'number' }, { name: 'Acct', type: 'text' }] },
      { name: 'broker', format: 'csv', columns: [{ name: 'Px', type: 'number' }, { name: 'Account', type: 'text' }] },
    ],
    mappings: {
      internal: [
        { target: 'Notional', formula: 'ROUND([Px]*[Qty], 2)' },
        { target: 'Label', formula: '"[Px]" & [px] & XLOOKUP(1, Rates[Px], Rates[Px])' },
        { target: 'Account', formula: 'TRIM([Acct])' },
      ],
      broker: [
        { target: 'Price', formula: '[Px]' },
        { target: 'Account', formula: 'TRIM([Account])' },
      ],
    },
    validations: [
      { name: 'Price set', formula: '[Px]>0', message: 'No price.' },
      { name: 'Notional set', formula: 'NOT(ISBLANK([Notional]))', message: 'No notional.' },
      { name: 'Broker price', source: 'broker', formula: '[Px]<>0', message: 'Broker has no price.' },
    ],
    match: {
      sources: ['internal', 'broker'],
      keys: [{ name: 'Account', formulas: { internal: '[Account]', broker: '[Account]' } }],
      rules: [{ field: 'Notional', kind: 'abs', value: 0.01 }],
      ruleSets: [{ name: 'Priced', when: '[internal!Px] > 0', rules: [] }],
    },
    referenceTables: { Rates: { columns: ['Px'], rows: [[1]] } },
  };
}
