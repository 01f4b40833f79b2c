import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { PastedFormula } from './formula-paste';
import FormulaPaste from './FormulaPaste.svelte';

function mount(refuse?: string) {
  const pasted: PastedFormula[][] = [];
  let closed = 0;
  render(FormulaPaste, { source: 'broker', existing: ['Price'], onPaste: (f: readonly PastedFormula[]) => { pasted.push([...f]); return refuse; }, onClose: () => { closed++; } });
  return { pasted, closed: () => closed };
}

const type = (text: string) => fireEvent.input(screen.getByTestId('formula-paste-text'), { target: { value: text } });
const addButton = () => screen.getByRole('button', { name: /^Add/ }) as HTMLButtonElement;

describe('FormulaPaste', () => {
  afterEach(cleanup);

  it('shows what it read, says which targets it replaces, and adds them all in one edit', async () => {
    const { pasted, closed } = mount();
    expect(addButton().disabled).toBe(true);
    await type('Notional\t=ROUND([Settle] * [Net Qty], 2)\nPrice\t[Settle]');
    expect(screen.getByTestId('formula-paste-summary').textContent).toBe('2 targets: Notional, Price (1 already here: their formula is replaced)');
    expect(addButton().textContent).toBe('Add 2 targets');
    await fireEvent.click(addButton());
    expect(pasted).toEqual([[{ target: 'Notional', formula: 'ROUND([Settle] * [Net Qty], 2)' }, { target: 'Price', formula: '[Settle]' }]]);
    expect(closed()).toBe(1);
  });

  it('says which line to fix and adds nothing while a line does not read', async () => {
    const { pasted } = mount();
    await type('Notional\t[Settle]\nSide');
    expect(screen.getByRole('status').textContent).toMatch(/^Line 2 has no formula/);
    expect(addButton().disabled).toBe(true);
    expect(pasted).toEqual([]);
  });

  it('keeps the text and shows the editor\'s reason when the paste is refused', async () => {
    const { closed } = mount('"Acct" is a column of broker: pick another target name.');
    await type('Acct\t[Acct]');
    await fireEvent.click(addButton());
    expect(screen.getByRole('alert').textContent).toBe('"Acct" is a column of broker: pick another target name.');
    expect((screen.getByTestId('formula-paste-text') as HTMLTextAreaElement).value).toBe('Acct\t[Acct]');
    expect(closed()).toBe(0);
  });
});
