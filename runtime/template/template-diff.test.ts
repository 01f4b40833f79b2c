import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTemplates, inlineDiff, type TemplateChange } from './template-diff';

const ROOT = path.resolve(__dirname, '../../templates');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const shipped = (name: string): Doc => JSON.parse(readFileSync(path.join(ROOT, name, 'template.json'), 'utf8'));
const recon = () => shipped('etd-position-recon');
const blotter = () => shipped('excel-trade-blotter');
const positions = () => shipped('broker-etd-positions');
/** The changes without the grouping, in a form that reads well in a failing assertion. */
const changesOf = (before: unknown, after: unknown): TemplateChange[] => [...diffTemplates({ before, after }).changes];

describe('diffTemplates: identity', () => {
  it('finds no differences between a template and itself, for every shipped template', () => {
    const names = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const diff = diffTemplates({ before: shipped(name), after: shipped(name) });
      expect(diff, name).toEqual({ changes: [], groups: [], notes: [] });
    }
  });

  it('ignores key order and defaults written out or left out', () => {
    const after = recon();
    after.mappings.broker[0] = { formula: after.mappings.broker[0].formula, target: 'Account', description: '' };
    after.match.keys[0].trim = true;
    after.match.duplicates = 'optimal-pairing';
    after.sources[0].options = {};
    const v = positions();
    const w = positions();
    delete v.validations[0].severity; // the default is error, which w states
    expect(changesOf(recon(), after)).toEqual([]);
    expect(changesOf(v, w)).toEqual([]);
  });
});

describe('diffTemplates: mappings', () => {
  it('shows a changed formula as text, with an inline diff of what was typed', () => {
    const after = blotter();
    after.mappings.blotter[11].formula = after.mappings.blotter[11].formula.replace(', 2)', ', 4)');
    const [change, ...rest] = changesOf(blotter(), after);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ section: 'mappings', change: 'changed', path: '$.mappings.blotter[11].formula', label: 'blotter › Notional', format: 'formula' });
    expect(change.before).toContain('Contracts[Multiplier]), 2)');
    expect(inlineDiff(change.before!, change.after!).filter((s) => s.op !== 'same')).toEqual([{ op: 'del', text: '2' }, { op: 'add', text: '4' }]);
  });

  it('shows a column inserted in the middle as one addition, not a cascade', () => {
    const after = blotter();
    after.mappings.blotter.splice(3, 0, { target: 'Venue Name', formula: 'XLOOKUP([MIC], Venues[MIC], Venues[Name], "")' });
    expect(changesOf(blotter(), after)).toEqual([
      { section: 'mappings', change: 'added', path: '$.mappings.blotter[3]', label: 'blotter › Venue Name', after: 'XLOOKUP([MIC], Venues[MIC], Venues[Name], "")', format: 'formula' },
    ]);
  });

  it('shows a removed column with its old formula at its old place', () => {
    const after = blotter();
    after.mappings.blotter.splice(4, 1);
    expect(changesOf(blotter(), after)).toEqual([
      { section: 'mappings', change: 'removed', path: '$.mappings.blotter[4]', label: 'blotter › Root', before: 'LEFT([Instrument Symbol], LEN([Instrument Symbol])-2)', format: 'formula' },
    ]);
  });

  it('shows a target renamed with the same formula as a rename, and other edits to it beside', () => {
    const after = blotter();
    after.mappings.blotter[0].target = 'Trade Reference';
    after.mappings.blotter[0].description = 'The desk trade id';
    expect(changesOf(blotter(), after)).toEqual([
      { section: 'mappings', change: 'renamed', path: '$.mappings.blotter[0].target', label: 'blotter › Trade Reference', before: 'Trade ID', after: 'Trade Reference', format: 'text' },
      { section: 'mappings', change: 'added', path: '$.mappings.blotter[0].description', label: 'blotter › Trade Reference › description', after: 'The desk trade id', format: 'text' },
    ]);
  });

  it('treats a renamed target whose formula changed too as a removal and an addition', () => {
    const after = blotter();
    after.mappings.blotter[0] = { target: 'Trade Reference', formula: 'UPPER([Trade Id])' };
    expect(changesOf(blotter(), after).map((c) => [c.change, c.label])).toEqual([
      ['removed', 'blotter › Trade ID'],
      ['added', 'blotter › Trade Reference'],
    ]);
  });

  it('reports a column moved as one change of order', () => {
    const after = blotter();
    const [moved] = after.mappings.blotter.splice(0, 1);
    after.mappings.blotter.push(moved);
    const changes = changesOf(blotter(), after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ change: 'changed', label: 'blotter › column order', path: '$.mappings.blotter' });
    expect(changes[0].before!.startsWith('Trade ID, Trade Date')).toBe(true);
    expect(changes[0].after!.endsWith('Account, Trade ID')).toBe(true);
  });

  it('follows a renamed source, so its mappings are not all removed and re-added', () => {
    const after = recon();
    after.sources[1].name = 'clearer';
    after.mappings = { internal: after.mappings.internal, clearer: after.mappings.broker };
    after.match.sources = ['internal', 'clearer'];
    for (const key of after.match.keys) key.formulas = { internal: key.formulas.internal, clearer: key.formulas.broker };
    expect(changesOf(recon(), after).map((c) => [c.section, c.change, c.label, c.before, c.after])).toEqual([
      ['settings', 'changed', 'Match › sources in order', 'internal, broker', 'internal, clearer'],
      ['sources', 'renamed', 'clearer', 'broker', 'clearer'],
    ]);
  });
});

describe('diffTemplates: sources', () => {
  it('shows reader options and expected columns by name', () => {
    const after = blotter();
    after.sources[0].options.sheet = 'Trades';
    after.sources[0].options.headerRow = 3;
    after.sources[0].columns.splice(2, 0, { name: 'Trader', type: 'text' });
    after.sources[0].columns.find((c: Doc) => c.name === 'Economics Price').type = 'text';
    expect(changesOf(blotter(), after).map((c) => [c.change, c.path, c.label, c.before, c.after])).toEqual([
      ['changed', '$.sources[0].options.sheet', 'blotter › reader option sheet', 'Blotter', 'Trades'],
      ['added', '$.sources[0].options.headerRow', 'blotter › reader option headerRow', undefined, '3'],
      ['added', '$.sources[0].columns[2]', 'blotter › column Trader', undefined, 'text'],
      ['changed', '$.sources[0].columns[9]', 'blotter › column Economics Price', 'number', 'text'],
    ]);
  });
});

describe('diffTemplates: validations', () => {
  it('shows severity and message edits by validation name', () => {
    const after = positions();
    after.validations[1].severity = 'warning';
    after.validations[1].message = 'Unknown exchange: add its MIC to the Venues table.';
    expect(changesOf(positions(), after)).toEqual([
      { section: 'validations', change: 'changed', path: '$.validations[1].severity', label: 'Exchange is known › severity', before: 'error', after: 'warning', format: 'text' },
      { section: 'validations', change: 'changed', path: '$.validations[1].message', label: 'Exchange is known › message', before: positions().validations[1].message, after: 'Unknown exchange: add its MIC to the Venues table.', format: 'text' },
    ]);
  });

  it('shows an added validation with its formula, severity and message', () => {
    const after = positions();
    after.validations.unshift({ name: 'Account present', formula: 'NOT(ISBLANK([Account]))', severity: 'warning', message: 'Fill in the account.' });
    expect(changesOf(positions(), after)).toEqual([{
      section: 'validations', change: 'added', path: '$.validations[0]', label: 'Account present', after: 'NOT(ISBLANK([Account]))', format: 'formula',
      details: [{ name: 'severity', after: 'warning' }, { name: 'message', after: 'Fill in the account.' }],
    }]);
  });
});

describe('diffTemplates: match', () => {
  it('shows a key formula changed for one source, labelled by key and source', () => {
    const after = recon();
    after.match.keys[2].formulas.broker = 'XLOOKUP([Product], Symbols[Broker], Symbols[Internal], [Product])';
    expect(changesOf(recon(), after)).toEqual([
      { section: 'keys', change: 'changed', path: '$.match.keys[2].formulas.broker', label: 'Product › broker', before: '[Product]', after: 'XLOOKUP([Product], Symbols[Broker], Symbols[Internal], [Product])', format: 'formula' },
    ]);
  });

  it('shows a tolerance rule changed as its sentence before and after, with the field that moved', () => {
    const after = recon();
    after.match.rules[1].value = 2;
    expect(changesOf(recon(), after)).toEqual([{
      section: 'rules', change: 'changed', path: '$.match.rules[1]', label: 'Price', format: 'sentence',
      before: 'Price may differ by up to 1 tick (tick size by Product from the Ticks table)',
      after: 'Price may differ by up to 2 ticks (tick size by Product from the Ticks table)',
      details: [{ name: 'value', before: '1', after: '2' }],
    }]);
  });

  it('pairs a rule whose kind changed by its field, and adds a new rule without disturbing the others', () => {
    const after = recon();
    after.match.rules[2] = { field: 'Cash', kind: 'rel', value: 0.001 };
    after.match.rules.splice(0, 0, { field: 'Account', kind: 'text' });
    const changes = changesOf(recon(), after);
    expect(changes.map((c) => [c.change, c.path, c.label, c.before, c.after])).toEqual([
      ['added', '$.match.rules[0]', 'Account', undefined, 'Account must match, ignoring case and extra spaces'],
      ['changed', '$.match.rules[3]', 'Cash', 'Cash may differ by up to 0.05', 'Cash may differ by up to 0.1% of the larger value'],
    ]);
    expect(changes[1].details).toContainEqual({ name: 'kind', before: 'abs', after: 'rel' });
  });

  it('shows an added rule set with its filter and its rules as sentences', () => {
    const after = recon();
    after.match.ruleSets = [{ name: 'Energy', when: '[Product]="CL"', rules: [{ field: 'Price', kind: 'abs', value: 0.02 }, { field: 'Cash', kind: 'exact' }] }];
    expect(changesOf(recon(), after)).toEqual([{
      section: 'ruleSets', change: 'added', path: '$.match.ruleSets[0]', label: 'Energy', format: 'formula', after: '[Product]="CL"', summary: '2 rules',
      details: [{ name: 'Price', after: 'Price may differ by up to 0.02' }, { name: 'Cash', after: 'Cash must match exactly' }],
    }]);
    const later = structuredClone(after);
    later.match.ruleSets[0].when = '[Product]="CL" OR [Product]="B"';
    later.match.ruleSets[0].rules[0].value = 0.03;
    expect(changesOf(after, later).map((c) => [c.section, c.label, c.before, c.after])).toEqual([
      ['ruleSets', 'Energy › when', '[Product]="CL"', '[Product]="CL" OR [Product]="B"'],
      ['ruleSets', 'Energy › Price', 'Price may differ by up to 0.02', 'Price may differ by up to 0.03'],
    ]);
  });

  it('says severity rules in words and notices when their order changes', () => {
    const before = recon();
    before.match.severityRules = [{ kind: 'field', field: 'Price', minToleranceMultiple: 10, severity: 'error' }, { kind: ['only-left', 'only-right'], severity: 'warning' }];
    const after = structuredClone(before);
    after.match.severityRules.reverse();
    expect(changesOf(before, after)).toEqual([{
      section: 'rules', change: 'changed', path: '$.match.severityRules', label: 'Severity rule order', format: 'text',
      before: 'Field breaks on Price, off by at least 10 times the allowance: error; Only-left or only-right breaks: warning',
      after: 'Only-left or only-right breaks: warning; Field breaks on Price, off by at least 10 times the allowance: error',
    }]);
  });

  it('shows a whole match added to a mapping template as its settings, keys and rules', () => {
    const after = positions();
    after.match = { sources: ['broker', 'broker'], keys: [{ name: 'Account', formulas: { broker: '[Account]' } }], rules: [{ field: 'Net Quantity', kind: 'exact' }] };
    expect(diffTemplates({ before: positions(), after }).groups.map((g) => [g.title, g.changes.map((c) => `${c.change} ${c.label}`)])).toEqual([
      ['Settings', ['added Match › sources in order', 'added Match › duplicates']],
      ['Match keys', ['added Account']],
      ['Rules', ['added Net Quantity']],
    ]);
  });
});

describe('diffTemplates: reference tables and outputs', () => {
  it('summarises rows added, removed and changed, listing them by their lookup key', () => {
    const after = recon();
    after.referenceTables.Ticks.rows.push(['ZB', 0.03125], ['ZF', 0.0078125], ['SR3', 0.005]);
    const [change, ...rest] = changesOf(recon(), after);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ section: 'reference tables', change: 'changed', path: '$.referenceTables.Ticks.rows', label: 'Ticks › rows', before: '9 rows', after: '12 rows', summary: '3 rows added' });
    expect(change.details).toEqual([{ name: 'added', after: 'ZB · 0.03125' }, { name: 'added', after: 'ZF · 0.0078125' }, { name: 'added', after: 'SR3 · 0.005' }]);

    const edited = recon();
    edited.referenceTables.Ticks.rows[0][1] = 0.5;
    edited.referenceTables.Ticks.rows.splice(3, 1);
    expect(changesOf(recon(), edited)[0]).toMatchObject({ summary: '1 row removed, 1 changed', details: [{ name: 'removed', before: 'FGBL · 0.01' }, { name: 'changed', before: 'ES · 0.25', after: 'ES · 0.5' }] });
  });

  it('compares whole rows when the first cell repeats, and notices a new order', () => {
    const before = { ...positions(), referenceTables: { Pairs: { columns: ['A', 'B'], rows: [['x', 1], ['x', 2]] } } };
    const after = structuredClone(before);
    after.referenceTables.Pairs.rows[1] = ['x', 3];
    expect(changesOf(before, after)[0]).toMatchObject({ summary: '1 row added, 1 removed' });
    after.referenceTables.Pairs.rows = [['x', 2], ['x', 1]];
    expect(changesOf(before, after)[0]).toMatchObject({ summary: 'row order changed' });
  });

  it('shows tables and outputs added, removed and renamed', () => {
    const after = positions();
    after.referenceTables.Markets = after.referenceTables.Venues;
    delete after.referenceTables.Venues;
    after.outputs[0].format = 'json';
    after.outputs.push({ name: 'summary', format: 'xlsx', columns: ['Account', 'Net Quantity'] });
    expect(changesOf(positions(), after).map((c) => [c.section, c.change, c.label, c.before, c.after])).toEqual([
      ['reference tables', 'renamed', 'Markets', 'Venues', 'Markets'],
      ['outputs', 'changed', 'positions › format', 'csv', 'json'],
      ['outputs', 'added', 'summary', undefined, 'xlsx: Account, Net Quantity'],
    ]);
  });
});
