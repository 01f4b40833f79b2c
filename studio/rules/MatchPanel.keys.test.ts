import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMatchEdit, type MatchEdit } from './match-edits';
import MatchPanel from './MatchPanel.svelte';
import type { Match } from './rules-types';
import { etdMatch, etdSources, etdTemplate } from './testing/etd-fixture';

function mount(match: Match | undefined, more: Record<string, unknown> = {}) {
  const edits: MatchEdit[] = [];
  let current = match;
  const view = render(MatchPanel, { match, sources: etdSources, referenceTables: etdTemplate.referenceTables, onChange: (e: MatchEdit) => edits.push(e), ...more });
  const apply = async () => {
    for (const edit of edits.splice(0)) current = applyMatchEdit({ match: current, edit });
    await view.rerender({ match: current });
    return current!;
  };
  return { edits, apply };
}

const keySentence = (name: string) => screen.getByLabelText(`Key sentence for ${name}`).textContent;

describe('MatchPanel: keys and options', () => {
  afterEach(cleanup);

  it('toggles key normalisation, one edit per toggle, and the key sentence follows', async () => {
    const { edits, apply } = mount(etdMatch);
    expect(keySentence('Account')).toBe('Account: internal [Account] = broker [Account], trimmed');
    const normalise = screen.getByRole('group', { name: 'Normalise key Account' });
    await fireEvent.click(within(normalise).getByLabelText('Ignore case'));
    await fireEvent.click(within(normalise).getByLabelText('Strip leading zeros'));
    await fireEvent.click(within(normalise).getByLabelText('Trim spaces'));
    await fireEvent.change(within(normalise).getByLabelText('Alias table for key Account'), { target: { value: 'Venues' } });
    expect(edits).toEqual([
      { op: 'updateKey', index: 0, patch: { ignoreCase: true } },
      { op: 'updateKey', index: 0, patch: { stripLeadingZeros: true } },
      { op: 'updateKey', index: 0, patch: { trim: false } },
      { op: 'updateKey', index: 0, patch: { aliases: 'Venues' } },
    ]);
    const after = await apply();
    expect(after.keys[0]).toMatchObject({ trim: false, ignoreCase: true, stripLeadingZeros: true, aliases: 'Venues' });
    expect(keySentence('Account')).toBe('Account: internal [Account] = broker [Account], ignoring case, leading zeros stripped, aliases from the Venues table');
    await fireEvent.change(screen.getByLabelText('Alias table for key Account'), { target: { value: '' } });
    expect(edits).toEqual([{ op: 'updateKey', index: 0, patch: { aliases: undefined } }]);
    expect('aliases' in (await apply()).keys[0]).toBe(false);
  });

  it('takes each source\'s key part from a picked column or a typed formula', async () => {
    const { edits, apply } = mount(etdMatch);
    // A plain column reference shows as a column; the month's TEXT(...) shows as a formula.
    expect((screen.getByLabelText('Column of broker for key Venue') as HTMLSelectElement).value).toBe('Venue');
    expect((screen.getByLabelText('Formula of broker for key Contract Month') as HTMLInputElement).value).toBe('TEXT([Contract Month], "yyyy-mm")');

    await fireEvent.change(screen.getByLabelText('Column of broker for key Venue'), { target: { value: 'MIC' } });
    expect(edits.at(-1)).toEqual({ op: 'updateKey', index: 1, patch: { formulas: { internal: '[Venue]', broker: '[MIC]' } } });
    await fireEvent.change(screen.getByLabelText('How broker gives key Venue'), { target: { value: 'formula' } });
    await fireEvent.change(screen.getByLabelText('Formula of broker for key Venue'), { target: { value: 'UPPER([MIC])' } });
    expect(edits.at(-1)).toEqual({ op: 'updateKey', index: 1, patch: { formulas: { internal: '[Venue]', broker: 'UPPER([MIC])' } } });
    await apply();
    expect(keySentence('Venue')).toBe('Venue: internal [Venue] = broker UPPER([MIC]), trimmed');
  });

  it('adds a key part from same-named columns and refuses a name already used', async () => {
    const { edits, apply } = mount({ ...etdMatch, keys: [etdMatch.keys[0]] });
    const form = screen.getByRole('form', { name: 'Add a key part' });
    await fireEvent.input(within(form).getByLabelText('New key part'), { target: { value: 'account' } });
    await fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('A key part named `Account` already exists: choose another name.');
    await fireEvent.input(within(form).getByLabelText('New key part'), { target: { value: 'Product' } });
    await fireEvent.submit(form);
    expect(edits).toEqual([{ op: 'addKey', key: { name: 'Product', formulas: { internal: '[Product]', broker: '[Product]' }, trim: true, ignoreCase: false, stripLeadingZeros: false } }]);
    await apply();
    // Only the internal source has Exchange: the broker's part is left for the analyst, and the panel says so.
    await fireEvent.input(within(form).getByLabelText('New key part'), { target: { value: 'Exchange' } });
    await fireEvent.submit(form);
    await apply();
    expect(keySentence('Exchange')).toBe('Exchange: internal [Exchange] = broker (not set), trimmed');
    expect(screen.getByText('Exchange has no value for broker: pick a column or write a formula.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove key Exchange' }));
    expect(edits).toEqual([{ op: 'removeKey', index: 2 }]);
  });

  it('names a key column the source lacks and an alias table the template lacks', () => {
    mount({ ...etdMatch, keys: [{ ...etdMatch.keys[0], formulas: { internal: '[Acount]', broker: '[Account]' }, aliases: 'Acounts' }] });
    expect(screen.getByText('internal has no column `Acount`: pick one of its columns, or map it first.')).toBeTruthy();
    expect(screen.getByText('Alias table `Acounts` does not exist: pick one of the template\'s reference tables.')).toBeTruthy();
  });

  it('sets match options: source order, duplicates, aggregation and clustering', async () => {
    const { edits, apply } = mount(etdMatch);
    await fireEvent.click(screen.getByRole('button', { name: 'Move broker up' }));
    await fireEvent.change(screen.getByLabelText('Duplicate keys'), { target: { value: 'report' } });
    await fireEvent.change(screen.getByLabelText('Aggregate side'), { target: { value: 'internal' } });
    await fireEvent.click(within(screen.getByRole('group', { name: 'Cluster breaks by' })).getByLabelText('Product'));
    expect(edits).toEqual([
      { op: 'setMatchOption', option: 'sources', value: ['broker', 'internal'] },
      { op: 'setMatchOption', option: 'duplicates', value: 'report' },
      { op: 'setMatchOption', option: 'aggregate', value: { side: 'internal', fields: ['Quantity'] } },
      { op: 'setMatchOption', option: 'clusterBy', value: ['Product'] },
    ]);
    const after = await apply();
    expect(after).toMatchObject({ sources: ['broker', 'internal'], duplicates: 'report', aggregate: { side: 'internal', fields: ['Quantity'] }, clusterBy: ['Product'] });
    await fireEvent.click(within(screen.getByRole('group', { name: 'Fields summed' })).getByLabelText('Cash'));
    expect(edits.at(-1)).toEqual({ op: 'setMatchOption', option: 'aggregate', value: { side: 'internal', fields: ['Quantity', 'Cash'] } });
    await fireEvent.change(screen.getByLabelText('Aggregate side'), { target: { value: '' } });
    expect(edits.at(-1)).toEqual({ op: 'setMatchOption', option: 'aggregate', value: undefined });
  });

  it('offers to set up matching when the template has none yet', async () => {
    const { edits } = mount(undefined);
    await fireEvent.click(screen.getByRole('button', { name: 'Set up matching' }));
    expect(edits).toEqual([{ op: 'createMatch', match: { sources: ['internal', 'broker'], keys: [], rules: [], ruleSets: [], duplicates: 'optimal-pairing' } }]);
  });

  it('asks for a key when the match has none', () => {
    mount({ ...etdMatch, keys: [] });
    expect(screen.getByRole('alert').textContent).toBe('A match needs at least one key part: add one below.');
  });

  it('shows everything and offers no edits when read-only', () => {
    mount(etdMatch, { readOnly: true });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: /Add|Remove|Move/ })).toBeNull();
    expect(screen.getByLabelText('Rule sentence for Price rule').textContent).toContain('1 tick');
    expect((screen.getByLabelText('Value for Price rule') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('TEXT([Contract Month], "yyyy-mm")', { selector: 'code' })).toHaveLength(2);
  });
});
