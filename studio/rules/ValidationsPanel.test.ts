import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FormulaEditorArgs, Validation } from './rules-types';
import ValidationsPanel from './ValidationsPanel.svelte';

const validations: Validation[] = [
  { name: 'Positive quantity', formula: '[Quantity] > 0', severity: 'error', message: 'Quantity must be positive: check the sign.' },
  { name: 'Known venue', formula: 'MIC_VALID([Venue])', severity: 'warning', message: 'Venue is not a MIC: map it through Venues.' },
  { name: 'Has LEI', formula: 'LEI_VALID([LEI])', severity: 'info', message: 'LEI missing: ask the client.' },
];

function setup(props: Partial<Parameters<typeof render<typeof ValidationsPanel>>[1] & object> = {}) {
  const callbacks = { onAdd: vi.fn(), onUpdate: vi.fn(), onRemove: vi.fn(), onShowFailing: vi.fn() };
  const view = render(ValidationsPanel, { validations, failures: undefined, ...callbacks, ...props });
  return { ...view, ...callbacks };
}

const rowOf = (name: string) => screen.getByLabelText(`Name of ${name}`).closest('tr')!;

describe('ValidationsPanel', () => {
  afterEach(cleanup);

  it('shows each rule\'s failing-row count as a button that filters the grid to those rows', async () => {
    const { onShowFailing } = setup({ failures: { 'Positive quantity': 12, 'Known venue': 0, 'Has LEI': 3 } });
    const button = screen.getByRole('button', { name: 'Show the 12 rows failing Positive quantity' });
    expect(button.textContent?.trim()).toBe('12 failing');
    await fireEvent.click(button);
    expect(onShowFailing).toHaveBeenCalledWith('Positive quantity');
    expect(within(rowOf('Known venue')).getByText('All rows pass')).toBeTruthy();
    expect(within(rowOf('Known venue')).queryByRole('button', { name: /failing/ })).toBeNull();
    expect(screen.getByText('2 of 3 rules failing')).toBeTruthy();
  });

  it('tells "no data yet" apart from 0 failing and from a formula error', () => {
    const { rerender } = setup({ failures: undefined });
    expect(screen.getAllByText('No data yet')).toHaveLength(3);
    expect(screen.queryByText('All rows pass')).toBeNull();

    rerender({ failures: { 'Positive quantity': 0, 'Known venue': 5 }, diagnostics: { 'Known venue': 'Unknown function `MIC_VALD`: did you mean `MIC_VALID`?' } });
    expect(within(rowOf('Positive quantity')).getByText('All rows pass')).toBeTruthy();
    // The error wins over a stale count, and its message (with the fix) is shown under the row.
    expect(within(rowOf('Known venue')).getByText('Formula error')).toBeTruthy();
    expect(within(rowOf('Known venue')).queryByRole('button', { name: /failing/ })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('did you mean `MIC_VALID`?');
    // A rule the preview has not counted yet (just added) has no data, not 0.
    expect(within(rowOf('Has LEI')).getByText('No data yet')).toBeTruthy();
  });

  it('emits one update per committed change and refuses a name another rule has', async () => {
    const { onUpdate, onRemove } = setup();
    await fireEvent.change(screen.getByLabelText('Severity of Known venue'), { target: { value: 'error' } });
    expect(onUpdate).toHaveBeenLastCalledWith(1, { severity: 'error' });
    await fireEvent.change(screen.getByLabelText('Formula of Positive quantity'), { target: { value: '[Quantity] >= 1' } });
    expect(onUpdate).toHaveBeenLastCalledWith(0, { formula: '[Quantity] >= 1' });
    await fireEvent.change(screen.getByLabelText('Name of Has LEI'), { target: { value: 'known VENUE' } });
    expect(screen.getByRole('alert').textContent).toBe('A validation named `Known venue` already exists: choose another name.');
    expect(onUpdate).toHaveBeenCalledTimes(2);
    await fireEvent.change(screen.getByLabelText('Message of Has LEI'), { target: { value: '  ' } });
    expect(screen.getByRole('alert').textContent).toContain('cannot be empty');
    expect(onUpdate).toHaveBeenCalledTimes(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Has LEI' }));
    expect(onRemove).toHaveBeenCalledWith(2);
  });

  it('adds a rule with a fresh unique name and error severity, and says what is missing first', async () => {
    const { onAdd } = setup();
    const form = screen.getByRole('form', { name: 'Add a validation rule' });
    const name = within(form).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Check 4');
    expect((within(form).getByLabelText('Severity') as HTMLSelectElement).value).toBe('error');

    await fireEvent.input(name, { target: { value: 'positive QUANTITY' } });
    await fireEvent.submit(form);
    const problems = within(form).getByRole('alert').textContent!;
    expect(problems).toContain('A validation named `Positive quantity` already exists: choose another name.');
    expect(problems).toContain('Write a formula that is TRUE for a good row');
    expect(problems).toContain('Say what is wrong and how to fix it');
    expect(onAdd).not.toHaveBeenCalled();

    await fireEvent.input(name, { target: { value: 'Price set' } });
    await fireEvent.change(within(form).getByLabelText('Formula of the new rule'), { target: { value: 'NOT(ISBLANK([Price]))' } });
    await fireEvent.change(within(form).getByLabelText('Severity'), { target: { value: 'warning' } });
    await fireEvent.input(within(form).getByLabelText('Message'), { target: { value: 'Price is blank: fill it in.' } });
    await fireEvent.submit(form);
    expect(onAdd).toHaveBeenCalledWith({ name: 'Price set', formula: 'NOT(ISBLANK([Price]))', severity: 'warning', message: 'Price is blank: fill it in.' });
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('asks for the source of a new rule when the template has several', async () => {
    const { onAdd } = setup({ validations: [], sources: ['internal', 'broker'] });
    const form = screen.getByRole('form', { name: 'Add a validation rule' });
    await fireEvent.change(within(form).getByLabelText('Source'), { target: { value: 'broker' } });
    await fireEvent.change(within(form).getByLabelText('Formula of the new rule'), { target: { value: '[Qty] > 0' } });
    await fireEvent.input(within(form).getByLabelText('Message'), { target: { value: 'Qty must be positive.' } });
    await fireEvent.submit(form);
    expect(onAdd).toHaveBeenCalledWith({ name: 'Check 1', formula: '[Qty] > 0', severity: 'error', message: 'Qty must be positive.', source: 'broker' });
  });

  it('renders formulas through the page\'s formula editor when it plugs one in', async () => {
    const seen: FormulaEditorArgs[] = [];
    const formulaEditor = createRawSnippet((args: () => FormulaEditorArgs) => ({
      render: () => `<textarea data-editor="monaco" aria-label="${args().ariaLabel}"></textarea>`,
      setup(node: Element) {
        seen.push(args());
        (node as HTMLTextAreaElement).value = args().value;
        node.addEventListener('change', () => args().onChange((node as HTMLTextAreaElement).value));
      },
    }));
    const { onUpdate, container } = setup({ formulaEditor });
    expect(container.querySelectorAll('[data-editor="monaco"]')).toHaveLength(4); // three rules and the add form
    expect(seen.map((a) => [a.ariaLabel, a.value])[0]).toEqual(['Formula of Positive quantity', '[Quantity] > 0']);
    await fireEvent.change(screen.getByLabelText('Formula of Known venue'), { target: { value: 'MIC_VALID(UPPER([Venue]))' } });
    expect(onUpdate).toHaveBeenCalledWith(1, { formula: 'MIC_VALID(UPPER([Venue]))' });
  });

  it('shows the rules without inputs when read-only', () => {
    setup({ readOnly: true, failures: { 'Positive quantity': 2 } });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('[Quantity] > 0')).toBeTruthy();
    // Filtering to failing rows is still allowed: it changes the view, not the template.
    expect(screen.getByRole('button', { name: 'Show the 2 rows failing Positive quantity' })).toBeTruthy();
  });
});
