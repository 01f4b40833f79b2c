import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reconcile } from '$runtime/recon/reconcile';
import { tableOf } from '$runtime/recon/test-tables';
import { threeWayRun, twoWayRun } from '../review/break-fixtures';
import RunSummaryCharts from './RunSummaryCharts.svelte';
import { clusterSeries } from './summary-series';

afterEach(() => cleanup());

/** The numbers a chart's accessible table holds, as label → value. */
function numbersIn(name: string): Record<string, string> {
  const table = screen.getByRole('table', { name });
  return Object.fromEntries(within(table).getAllByRole('row').slice(1).map((r) => [r.children[0].textContent, r.children[1].textContent]));
}

describe('RunSummaryCharts', { timeout: 30_000 }, () => {
  it('charts a two-way run: match rate, breaks by kind, by field and by cluster', () => {
    render(RunSummaryCharts, { summary: twoWayRun().summary });
    expect(screen.getByTestId('match-rate-text').textContent).toBe('33.3%');
    expect(numbersIn('Breaks by kind')).toEqual({ 'Only in internal': '2', 'Only in broker': '2', 'Field difference': '2' });
    expect(numbersIn('Breaks by field')).toEqual({ Price: '2', Qty: '1' });
    expect(numbersIn('Breaks by cluster')).toEqual({
      'Price lower in internal by 1 tick (Product ES)': '1',
      'Price lower in internal by 1 tick; Qty lower in internal by about 1 (Product NQ)': '1',
      'Only in internal (Product CL)': '1', 'Only in internal (Product ES)': '1',
      'Only in broker (Product CL)': '1', 'Only in broker (Product ES)': '1',
    });
    expect(screen.queryByRole('table', { name: 'Keys missing, by source' })).toBeNull();
    expect(screen.getByTestId('summary-breaks').textContent).toBe('6');
  });

  it('charts an N-way run with disagreements per field and the keys each source lacks', () => {
    render(RunSummaryCharts, { summary: threeWayRun().summary });
    expect(numbersIn('Breaks by kind')).toEqual({ 'Missing from a source': '2', 'Not in internal': '2', 'Field difference': '2' });
    // Price: the broker disagrees on T1002 and T1004; Qty: on T1004.
    expect(numbersIn('Disagreements with internal, by field')).toEqual({ Price: '2', Qty: '1' });
    expect(numbersIn('Keys missing, by source')).toEqual({ internal: '2', broker: '2', ccp: '3' });
    expect(screen.getByRole('img', { name: /^Keys missing, by source/ }).getAttribute('aria-label')).toBe('Keys missing, by source: internal 2; broker 2; ccp 3 keys missing');
  });

  it('hands the page a filter when a bar is clicked', async () => {
    const onSelect = vi.fn();
    const { container } = render(RunSummaryCharts, { summary: twoWayRun().summary, onSelect });
    const bar = (label: string) => container.querySelector(`g.bar[data-label="${label}"]`)!;
    await fireEvent.click(bar('Field difference'));
    await fireEvent.click(bar('Qty'));
    await fireEvent.click(bar('Only in internal (Product CL)'));
    expect(onSelect.mock.calls).toEqual([[{ kind: 'field' }], [{ field: 'Qty' }], [{ cluster: 'only-left|Product=CL' }]]);
  });

  it('keeps the ten biggest clusters and sums the rest into "others"', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `T${i}`);
    const result = reconcile({
      left: { name: 'internal', table: tableOf('internal', { Id: ids, Product: ids.map((_, i) => `P${i}`) }) },
      right: { name: 'broker', table: tableOf('broker', { Id: [], Product: [] }) },
      keys: [{ name: 'Id', columns: { internal: 'Id', broker: 'Id' } }],
      clusterBy: ['Product'],
      suggest: false,
    });
    const series = clusterSeries(result.summary);
    expect(series).toHaveLength(11);
    expect(series[10]).toEqual({ label: '4 other clusters', value: 4, tone: 'muted' });
    render(RunSummaryCharts, { summary: result.summary });
    expect(numbersIn('Breaks by cluster')['4 other clusters']).toBe('4');
  });

  it('shows a friendly state when a run has no breaks', () => {
    const result = reconcile({
      left: { name: 'internal', table: tableOf('internal', { Id: ['A', 'B'], Qty: [1, 2] }) },
      right: { name: 'broker', table: tableOf('broker', { Id: ['A', 'B'], Qty: [1, 2] }) },
      keys: [{ name: 'Id', columns: { internal: 'Id', broker: 'Id' } }],
      rules: [{ field: 'Qty', kind: 'exact' }],
    });
    render(RunSummaryCharts, { summary: result.summary });
    expect(screen.getByTestId('summary-no-breaks').textContent).toContain('Every row of internal, broker found its partner within tolerance.');
    expect(screen.getByTestId('match-rate-text').textContent).toBe('100%');
    expect(screen.queryByRole('table', { name: 'Breaks by kind' })).toBeNull();
  });
});
