import { fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { breakRows, renderReview, SLOW } from './review-test-setup';

const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.breakId;
async function press(key: string) {
  await fireEvent.keyDown(document.activeElement!, { key });
  await tick();
}

describe('BreakReview: keyboard review', SLOW, () => {
  it('moves the focus with j/k and the arrow keys, with one row in the tab order', async () => {
    renderReview();
    const rows = breakRows();
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    rows[0].focus();
    await press('j');
    expect(focusedId()).toBe('2');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focusedId()).toBe('4');
    await press('k');
    expect(focusedId()).toBe('3');
    await press('ArrowUp');
    expect(focusedId()).toBe('2');
    expect(breakRows().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1]);
    expect(breakRows()[1].className).toContain('focused');
    await press('End');
    await press('j'); // stays on the last row
    expect(focusedId()).toBe('6');
    await press('Home');
    await press('k');
    expect(focusedId()).toBe('1');
  });

  it('toggles selection with x and Space', async () => {
    renderReview();
    breakRows()[0].focus();
    await press('x');
    await press('j');
    await press(' ');
    expect(breakRows().map((r) => r.getAttribute('aria-selected'))).toEqual(['true', 'true', 'false', 'false', 'false', 'false']);
    await press('x');
    expect(breakRows()[1].getAttribute('aria-selected')).toBe('false');
  });

  it('opens the focused break with Enter and closes it with Escape, focus back on the row', async () => {
    renderReview();
    breakRows()[1].focus();
    await press('Enter');
    expect(screen.getByTestId('break-detail').getAttribute('aria-label')).toBe('Break TradeId T1004 in detail');
    expect(breakRows()[1].getAttribute('aria-expanded')).toBe('true');
    await press('Escape');
    expect(screen.queryByTestId('break-detail')).toBeNull();
    expect(focusedId()).toBe('2');
  });

  it('leaves keys alone while typing in a form inside the grid', async () => {
    renderReview();
    breakRows()[0].focus();
    await press('Enter');
    const close = screen.getByRole('button', { name: /Close detail/ });
    close.focus();
    await press('j');
    await press('x');
    expect(document.activeElement).toBe(close);
    expect(breakRows()[0].getAttribute('aria-selected')).toBe('false');
  });

  it('is a multi-selectable grid whose rows say whether they are selected', () => {
    renderReview();
    const grid = screen.getByRole('grid', { name: 'Breaks' });
    expect(grid.getAttribute('aria-multiselectable')).toBe('true');
    expect(breakRows().every((r) => r.getAttribute('aria-selected') === 'false')).toBe(true);
  });
});
