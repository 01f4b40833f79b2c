import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { BreakFilter } from '$runtime/recon/break-view';
import { nwayViews, pageOf, RUN_ID, USERS } from './break-fixtures';
import { renderReview, SLOW, text } from './review-test-setup';

const filters = () => within(screen.getByRole('search', { name: 'Filter breaks' }));
const chip = (group: string, name: RegExp) => within(filters().getByRole('group', { name: group })).getByRole('button', { name });

describe('BreakReview: filters', SLOW, () => {
  it('shows facet counts beside the options', () => {
    renderReview({ page: pageOf(nwayViews()) });
    expect(text(chip('Kind', /^Field difference/))).toBe('Field difference 2');
    expect(text(chip('Kind', /^Missing from a source/))).toBe('Missing from a source 2');
    expect(text(chip('Kind', /^Not in internal/))).toBe('Not in internal 2');
    expect(text(chip('Severity', /^error/))).toBe('error 6');
    expect(text(chip('Status', /^open/))).toBe('open 6');
    const field = filters().getByRole('combobox', { name: 'Field' }) as HTMLSelectElement;
    expect([...field.options].map((o) => o.text)).toEqual(['Any field', 'Price (2)', 'Qty (1)']);
    const cluster = filters().getByRole('combobox', { name: 'Cluster' }) as HTMLSelectElement;
    expect(cluster.options).toHaveLength(7);
    expect(cluster.options[1].text).toBe('Field difference · Price -1tick · Product ES (1)');
  });

  it('toggles kind, severity and status chips into the filter', async () => {
    const { calls } = renderReview({ filter: { runId: RUN_ID, kind: ['field'] } });
    expect(chip('Kind', /^Field difference/).getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(chip('Kind', /^Only in internal/));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, kind: ['field', 'only-left'] });
    await fireEvent.click(chip('Kind', /^Field difference/));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID });
    await fireEvent.click(chip('Severity', /^warning/));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, kind: ['field'], severity: ['warning'] });
    await fireEvent.click(chip('Status', /^assigned/));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, kind: ['field'], status: ['assigned'] });
  });

  it('sets field, cluster, assignee (unassigned too) and minimum age', async () => {
    const { calls } = renderReview();
    const set = (name: string, value: string) => fireEvent.change(filters().getByRole('combobox', { name }), { target: { value } });
    await set('Field', 'Qty');
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, field: 'Qty' });
    await set('Cluster', 'only-left|Product=ES');
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, cluster: 'only-left|Product=ES' });
    await set('Assignee', 'none');
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, assignee: 'none' });
    await set('Assignee', USERS[0].id);
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, assignee: USERS[0].id });
    await set('Age', '3');
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, minAgeDays: 3 });
  });

  it('searches keys on Enter, and after a pause while typing', async () => {
    const { calls } = renderReview();
    const box = filters().getByRole('searchbox', { name: 'Search keys' });
    await fireEvent.input(box, { target: { value: ' T100 ' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(calls.onFilterChange).toHaveBeenCalledTimes(1);
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, search: 'T100' });
    vi.useFakeTimers();
    try {
      await fireEvent.input(box, { target: { value: 'T15' } });
      expect(calls.onFilterChange).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(300);
      expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, search: 'T15' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorts, flips the direction, and clears only the narrowing filters', async () => {
    const filter: BreakFilter = { runId: RUN_ID, severity: ['error'], search: 'T1', sort: { by: 'age', dir: 'desc' } };
    const { calls } = renderReview({ filter });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'cluster' } });
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ ...filter, sort: { by: 'cluster', dir: 'desc' } });
    await fireEvent.click(screen.getByRole('button', { name: /Descending; switch to ascending/ }));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ ...filter, sort: { by: 'age', dir: 'asc' } });
    await fireEvent.click(filters().getByRole('button', { name: 'Clear 2 filters' }));
    expect(calls.onFilterChange).toHaveBeenLastCalledWith({ runId: RUN_ID, sort: { by: 'age', dir: 'desc' } });
  });

  it('has no clear button when nothing narrows the view', () => {
    renderReview({ filter: { runId: RUN_ID, sort: { by: 'kind', dir: 'asc' } } });
    expect(filters().queryByRole('button', { name: /^Clear/ })).toBeNull();
  });
});
