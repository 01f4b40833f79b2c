import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BarChart from './BarChart.svelte';
import type { BarDatum } from './chart-format';

afterEach(() => cleanup());

const data: BarDatum[] = [
  { label: 'Price', value: 1200, key: 'Price', hint: '3 within tolerance' },
  { label: 'Qty', value: 300, key: 'Qty' },
  { label: '4 other clusters', value: 12 },
];

const bars = (root: ParentNode) => [...root.querySelectorAll<SVGGElement>('g.bar')];

describe('BarChart', () => {
  it('draws a bar per item, scaled to the largest, with its value', () => {
    const { container } = render(BarChart, { title: 'Breaks by field', unit: 'breaks', data });
    const drawn = bars(container);
    expect(drawn.map((g) => [g.dataset.label, g.dataset.value, g.querySelector('text.value')?.textContent])).toEqual([
      ['Price', '1200', '1,200'], ['Qty', '300', '300'], ['4 other clusters', '12', '12'],
    ]);
    const widths = drawn.map((g) => Number(g.querySelector('rect.fill')!.getAttribute('width')));
    expect(widths[1] / widths[0]).toBeCloseTo(0.25);
    expect(widths[2]).toBeGreaterThanOrEqual(2); // a small count still shows
  });

  it('is one image to assistive technology, with the numbers in its label and in a table', () => {
    render(BarChart, { title: 'Breaks by field', unit: 'breaks', data });
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Breaks by field: Price 1,200; Qty 300; 4 other clusters 12 breaks');
    const table = screen.getByRole('table', { name: 'Breaks by field' });
    const rows = within(table).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([['Item', 'breaks', 'Detail'], ['Price', '1200', '3 within tolerance'], ['Qty', '300', ''], ['4 other clusters', '12', '']]);
  });

  it('calls onSelect for a clicked bar that has a key, and offers a keyboard button for each', async () => {
    const onSelect = vi.fn();
    const { container } = render(BarChart, { title: 'Breaks by field', data, onSelect });
    await fireEvent.click(bars(container)[1]);
    expect(onSelect).toHaveBeenLastCalledWith(data[1]);
    await fireEvent.click(bars(container)[2]); // "others" has no key: nothing to filter by
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(bars(container).map((g) => g.classList.contains('clickable'))).toEqual([true, true, false]);
    const button = screen.getByRole('button', { name: 'Review Price' });
    await fireEvent.focus(button);
    expect(bars(container)[0].classList.contains('focused')).toBe(true);
    await fireEvent.click(button);
    expect(onSelect).toHaveBeenLastCalledWith(data[0]);
    expect(screen.queryByRole('button', { name: /Review 4 other/ })).toBeNull();
  });

  it('says so when there is nothing to draw', () => {
    render(BarChart, { title: 'Breaks by field', data: [], emptyText: 'No field is outside tolerance.' });
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No field is outside tolerance.')).toBeTruthy();
  });
});
