import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMatchEdit, type MatchEdit } from './match-edits';
import MatchPanel from './MatchPanel.svelte';
import type { Match } from './rules-types';
import { etdMatch, etdSources, etdTemplate } from './testing/etd-fixture';

/** The panel as the page hosts it: edits are recorded, then applied and passed back as props. */
function mount(match: Match = etdMatch) {
  const edits: MatchEdit[] = [];
  let current = match;
  const view = render(MatchPanel, { match, sources: etdSources, referenceTables: etdTemplate.referenceTables, onChange: (e: MatchEdit) => edits.push(e) });
  const apply = async () => {
    for (const edit of edits.splice(0)) current = applyMatchEdit({ match: current, edit });
    await view.rerender({ match: current });
    return current;
  };
  return { edits, apply, current: () => current };
}

const sentence = (owner: string) => screen.getByLabelText(`Rule sentence for ${owner}`).textContent;
const select = (label: string, value: string, scope: HTMLElement = document.body) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

describe('MatchPanel: tolerance rules', () => {
  afterEach(cleanup);

  it('says every rule of the shipped ETD recon in plain English', () => {
    mount();
    expect(sentence('Quantity rule')).toBe('Quantity must match exactly');
    expect(sentence('Price rule')).toBe('Price may differ by up to 1 tick (tick size by Product from the Ticks table)');
    expect(sentence('Cash rule')).toBe('Cash may differ by up to 0.05');
    expect(screen.queryByText(/not finished/)).toBeNull();
  });

  it('updates the sentence while a param is typed, and emits one edit when it is committed', async () => {
    const { edits, apply } = mount();
    const ticks = screen.getByLabelText('Value for Price rule');
    await fireEvent.input(ticks, { target: { value: '2' } });
    expect(sentence('Price rule')).toBe('Price may differ by up to 2 ticks (tick size by Product from the Ticks table)');
    expect(edits).toEqual([]);
    await fireEvent.change(ticks, { target: { value: '2' } });
    expect(edits).toEqual([{ op: 'updateRule', index: 1, patch: { value: 2 }, rule: { ...etdMatch.rules[1], value: 2 } }]);
    const after = await apply();
    expect(after.rules[1]).toEqual({ field: 'Price', kind: 'ticks', value: 2, tickTable: 'Ticks', tickKey: 'Product' });
    expect(sentence('Price rule')).toBe('Price may differ by up to 2 ticks (tick size by Product from the Ticks table)');
  });

  it('swaps the params when the kind changes, and the sentence follows each choice', async () => {
    const { edits, apply } = mount();
    await select('Tolerance for Cash rule', 'rel');
    expect(edits.at(-1)).toEqual({ op: 'updateRule', index: 2, patch: { kind: 'rel', field: 'Cash', value: 0.001, abs: 0, mode: 'symmetric' }, rule: { field: 'Cash', kind: 'rel', value: 0.001, abs: 0, mode: 'symmetric' } });
    await apply();
    expect(sentence('Cash rule')).toBe('Cash may differ by up to 0.1% of the larger value');
    await select('Mode for Cash rule', 'right');
    await apply();
    expect(sentence('Cash rule')).toBe('Cash may differ by up to 0.1% of the broker value');
    await select('Tolerance for Cash rule', 'text');
    expect(edits.at(-1)).toMatchObject({ patch: { kind: 'text', ignoreCase: true, ignoreSpaces: true, value: undefined, abs: undefined, mode: undefined } });
    await apply();
    expect(sentence('Cash rule')).toBe('Cash must match, ignoring case and extra spaces');
    await fireEvent.click(screen.getByLabelText('Ignore case for Cash rule'));
    await apply();
    expect(sentence('Cash rule')).toBe('Cash must match, ignoring extra spaces');
  });

  it('adds a ticks rule with its tick table as one edit, after saying what it lacks', async () => {
    const { edits, apply } = mount({ ...etdMatch, rules: [{ field: 'Quantity', kind: 'exact' }] });
    const form = screen.getByRole('group', { name: 'Add rule' });
    await select('Field for new rule', 'Price', form);
    await select('Tolerance for new rule', 'ticks', form);
    expect(within(form).getByText(/^New:/).textContent).toBe('New: Price may differ by up to 1 tick (no tick size set)');
    await fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(within(form).getByRole('alert').textContent).toContain('Price has no tick size: pick a tick table (looked up by product), a column holding the tick size, or enter one fixed tick size.');
    expect(edits).toEqual([]);

    await select('Tick table for new rule', 'Ticks', form);
    expect(within(form).getByText(/^New:/).textContent).toBe('New: Price may differ by up to 1 tick (tick size by Product from the Ticks table)');
    await fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(edits).toEqual([{ op: 'addRule', rule: { field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks' } }]);
    await apply();
    expect(sentence('Price rule')).toBe('Price may differ by up to 1 tick (tick size by Product from the Ticks table)');
  });

  it('shows invalid params inline, each with its fix, and the sentence waits for required ones', async () => {
    const { apply } = mount({
      ...etdMatch,
      rules: [
        { field: 'Price', kind: 'ticks', value: 1, tickTable: 'Tiks', tickKey: 'Product' },
        { field: 'Cash', kind: 'abs', value: -0.05 },
        { field: 'Contract Month', kind: 'days', value: 1.5 },
        { field: 'Settle', kind: 'exact' },
        { field: 'Quantity', kind: 'ticks', value: 1, tickSize: 1, tickTable: 'Ticks' },
      ],
    });
    const problems = (owner: string) => [...screen.getByLabelText(`Rule sentence for ${owner}`).closest('li')!.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems('Price rule')).toEqual(['Reference table `Tiks` does not exist: did you mean `Ticks`?']);
    expect(problems('Cash rule')).toEqual(['Value must be 0 or more: a tolerance allows a difference, it cannot be negative.']);
    expect(problems('Contract Month rule')).toEqual(['Value must be a whole number, e.g. 2.']);
    // Settle is read from the broker file but mapped to Price: the run would not compare it.
    expect(problems('Settle rule')).toEqual(['`Settle` is not a column of internal, and on broker a column of the file that no target maps: map it on every source, or pick another field.']);
    expect(problems('Quantity rule')).toEqual(['Several tick sizes are set; the fixed size wins, then the column, then the table: clear the ones you do not mean.']);
    expect(sentence('Cash rule')).toBe('Cash: Absolute difference not finished yet');

    // Clearing a required param while typing: the sentence says so at once, with what to enter.
    await fireEvent.input(screen.getByLabelText('Value for Price rule'), { target: { value: '' } });
    expect(sentence('Price rule')).toBe('Price: Ticks not finished yet');
    expect(problems('Price rule')).toContain('Enter value: How many ticks are allowed.');

    await select('Tick table for Price rule', 'Ticks');
    await apply();
    expect(problems('Price rule')).toEqual([]);
  });

  it('edits conditional rule sets: name, when formula, their own rules, order', async () => {
    const { edits, apply } = mount();
    const form = screen.getByRole('form', { name: 'Add a rule set' });
    await fireEvent.input(within(form).getByLabelText('Name of the new rule set'), { target: { value: 'Bunds' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add rule set' }));
    expect(within(form).getByRole('alert').textContent).toContain('Write when the set applies');
    await fireEvent.change(within(form).getByLabelText('When formula of the new rule set'), { target: { value: '[Product] = "FGBL"' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add rule set' }));
    expect(edits).toEqual([{ op: 'addRuleSet', ruleSet: { name: 'Bunds', when: '[Product] = "FGBL"', rules: [] } }]);
    await apply();
    const setSentence = () => screen.getByLabelText('Rule set sentence for Bunds').textContent;
    expect(setSentence()).toBe('When [Product] = "FGBL" on internal rows: the default rules apply (no rules in this set yet).');

    const addInSet = screen.getByRole('group', { name: 'Add rule in Bunds' });
    await select('Field for new rule in Bunds', 'Price', addInSet);
    await select('Tolerance for new rule in Bunds', 'abs', addInSet);
    await fireEvent.change(within(addInSet).getByLabelText('Value for new rule in Bunds'), { target: { value: '0.02' } });
    await fireEvent.click(within(addInSet).getByRole('button', { name: 'Add rule in Bunds' }));
    expect(edits.at(-1)).toEqual({ op: 'addRule', rule: { field: 'Price', kind: 'abs', value: 0.02 }, ruleSet: 0 });
    await apply();
    expect(setSentence()).toBe('When [Product] = "FGBL" on internal rows: Price may differ by up to 0.02; other fields keep the default rules.');
    await fireEvent.input(screen.getByLabelText('Value for Price rule in Bunds'), { target: { value: '0.03' } });
    expect(sentence('Price rule in Bunds')).toBe('Price may differ by up to 0.03');

    await fireEvent.change(screen.getByLabelText('When formula of rule set Bunds'), { target: { value: '[Product] = "FGBL" OR [Product] = "FGBM"' } });
    expect(edits.at(-1)).toEqual({ op: 'updateRuleSet', index: 0, patch: { when: '[Product] = "FGBL" OR [Product] = "FGBM"' } });
    const count = edits.length;
    await fireEvent.change(screen.getByLabelText('When formula of rule set Bunds'), { target: { value: ' ' } });
    expect(edits).toHaveLength(count);
    expect(screen.getByRole('alert').textContent).toContain('Write when the set applies');

    await apply();
    await fireEvent.input(within(form).getByLabelText('Name of the new rule set'), { target: { value: 'Rates' } });
    await fireEvent.change(within(form).getByLabelText('When formula of the new rule set'), { target: { value: '[Product] = "ZN"' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Add rule set' }));
    await apply();
    await fireEvent.change(screen.getByLabelText('Name of rule set Rates'), { target: { value: 'bunds' } });
    expect(within(screen.getByLabelText('Name of rule set Rates').closest('li')!).getByRole('alert').textContent).toBe('A rule set named `Bunds` already exists: choose another name.');
    await fireEvent.click(screen.getByRole('button', { name: 'Move Rates up' }));
    expect(edits.at(-1)).toEqual({ op: 'moveRuleSet', index: 1, to: 0 });
    const moved = await apply();
    expect(moved.ruleSets.map((s) => s.name)).toEqual(['Rates', 'Bunds']);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove rule set Bunds' }));
    expect(edits.at(-1)).toEqual({ op: 'removeRuleSet', index: 1 });
  });

  it('offers as fields only the targets both sources map, as a run compares them', () => {
    // Both files also carry a Trader column that no target maps: key formulas may read it, rules may not.
    const sources = etdSources.map((s) => ({ ...s, columns: [...s.columns, { name: 'Trader', type: 'text' as const, mapped: false }] }));
    render(MatchPanel, { match: etdMatch, sources, referenceTables: etdTemplate.referenceTables, onChange: () => {} });
    const options = [...(screen.getByLabelText('Field for new rule') as HTMLSelectElement).options].map((o) => o.value).filter(Boolean);
    const targets = (name: string) => etdTemplate.mappings[name].map((m) => m.target);
    expect(options.sort()).toEqual(targets('internal').filter((t) => targets('broker').includes(t)).sort());
    expect(options).not.toContain('Trader');
  });
});
