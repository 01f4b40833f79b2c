import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { tableOf } from '../../runtime/recon/test-tables';
import { computeLiveMatch, isLiveMatch } from './live-match';
import MatchPanel from './MatchPanel.svelte';
import { etdMatch, etdSources, etdTemplate } from './testing/etd-fixture';

// Mapped ETD sample rows with their computed keys: one perfect, one a tick apart, one 2 ticks off, one each side only.
const keys = (rows: string[][]) => Object.fromEntries(etdMatch.keys.map((k, i) => [`key: ${k.name}`, rows.map((r) => r[i])]));
const internal = tableOf('internal', {
  Product: ['ES', 'ES', 'FGBL', 'ES'], Quantity: [1, 2, 3, 4], Price: [100, 101, 130, 90], Cash: [5, 0, 1, 2],
  ...keys([['A', 'XCME', 'ES', '2025-03'], ['B', 'XCME', 'ES', '2025-03'], ['C', 'XEUR', 'FGBL', '2025-06'], ['D', 'XCME', 'ES', '2025-03']]),
});
const broker = tableOf('broker', {
  Product: ['ES', 'ES', 'FGBL', 'ES'], Quantity: [1, 2, 3, 4], Price: [100, 101.25, 130.02, 90], Cash: [5, 0, 1, 2],
  ...keys([['A', 'XCME', 'ES', '2025-03'], ['B', 'XCME', 'ES', '2025-03'], ['C', 'XEUR', 'FGBL', '2025-06'], ['E', 'XCME', 'ES', '2025-03']]),
});

const strip = () => screen.getByRole('region', { name: 'Live match rate' });
const show = (liveMatch: unknown) => render(MatchPanel, { match: etdMatch, sources: etdSources, referenceTables: etdTemplate.referenceTables, liveMatch: liveMatch as never, onChange: () => {} });

describe('the live match strip', () => {
  afterEach(cleanup);

  it('shows the engine\'s figures for the sample rows', () => {
    const live = computeLiveMatch({ template: etdTemplate, sources: { internal, broker } });
    if (!isLiveMatch(live)) throw new Error(live.error);
    show(live);
    expect(live).toMatchObject({ matched: 2, perfect: 1, withinTolerance: 1, breaks: 3, byField: { Quantity: 0, Price: 1, Cash: 0 } });
    expect(screen.getByTestId('match-rate').textContent).toBe('50%');
    expect(screen.getByTestId('matched').textContent).toBe(String(live.matched));
    expect(screen.getByTestId('perfect').textContent).toBe(String(live.perfect));
    expect(screen.getByTestId('within-tolerance').textContent).toBe(String(live.withinTolerance));
    expect(screen.getByTestId('breaks').textContent).toBe(String(live.breaks));
    expect(screen.getByTestId('kind-only-left').textContent).toBe('1 only in internal');
    expect(screen.getByTestId('kind-only-right').textContent).toBe('1 only in broker');
    expect(screen.getByTestId('kind-field').textContent).toBe('1 field differences');
    expect(screen.getByTestId('field-Price').textContent).toBe('Price 1');
    expect(screen.queryByTestId('field-Quantity')).toBeNull();
    expect(strip().textContent).toContain('on 4 internal, 4 broker sample rows');
  });

  it('shows the engine\'s warnings, such as a product missing from the tick table', () => {
    const odd = tableOf('broker', { Product: ['ZZ'], Quantity: [1], Price: [1], Cash: [0], ...keys([['A', 'XCME', 'ZZ', '2025-03']]) });
    const left = tableOf('internal', { Product: ['ZZ'], Quantity: [1], Price: [1.5], Cash: [0], ...keys([['A', 'XCME', 'ZZ', '2025-03']]) });
    const live = computeLiveMatch({ template: etdTemplate, sources: { internal: left, broker: odd } });
    show(live);
    expect(strip().querySelector('.findings li.warning')?.textContent).toContain('Product `ZZ` is not in tick table `Ticks`');
  });

  it('tells no data, matching and an error apart', async () => {
    const view = show(undefined);
    expect(strip().textContent).toContain('no sample data yet');
    await view.rerender({ liveMatch: 'pending' });
    expect(strip().textContent).toContain('Matching the sample rows');
    await view.rerender({ liveMatch: computeLiveMatch({ template: etdTemplate, sources: { internal } }) });
    expect(screen.getByRole('alert').textContent).toBe('Live match unavailable: No sample rows for `broker` yet: load a sample file for it.');
    expect(screen.queryByTestId('match-rate')).toBeNull();
  });
});
