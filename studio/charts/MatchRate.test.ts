import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPercent } from './chart-format';
import MatchRate from './MatchRate.svelte';

afterEach(() => cleanup());

describe('MatchRate', () => {
  it('shows the rate and splits the matched arc into perfect and within tolerance', () => {
    const { container } = render(MatchRate, { matchRate: 0.6, perfect: 2, withinTolerance: 1, breaks: 3 });
    expect(screen.getByTestId('match-rate-text').textContent).toBe('60.0%');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Match rate 60.0%: 2 perfect, 1 within tolerance, 3 breaks');
    const C = 2 * Math.PI * 52;
    const dash = (cls: string) => Number(container.querySelector(`circle.${cls}`)!.getAttribute('stroke-dasharray')!.split(' ')[0]);
    expect(dash('perfect') / C).toBeCloseTo(0.4);
    expect(dash('within') / C).toBeCloseTo(0.2);
    const rows = within(screen.getByRole('table', { name: 'Match rate' })).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([['Match rate', '60.0%'], ['Perfect matches', '2'], ['Matches within tolerance', '1'], ['Breaks', '3']]);
  });

  it('draws no arc for a part that is empty', () => {
    const { container } = render(MatchRate, { matchRate: 0, perfect: 0, withinTolerance: 0, breaks: 4 });
    expect(screen.getByTestId('match-rate-text').textContent).toBe('0%');
    expect(container.querySelectorAll('circle.seg')).toHaveLength(0);
  });

  it('never rounds to a claim the data does not support', () => {
    expect([1, 0.99996, 0.333333, 0.0004, 0, Number.NaN].map(formatPercent)).toEqual(['100%', '99.9%', '33.3%', '<0.1%', '0%', '0%']);
  });
});
