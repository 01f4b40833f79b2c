import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { nwayViews, pageOf, RUN_ID, threeWayRun, twoWayRun, twoWayViews } from './break-fixtures';
import { breakRows, cellOf, renderReview, rowFor, SLOW, text, texts } from './review-test-setup';

describe('BreakReview: breaks side by side', SLOW, () => {
  it('shows a two-way field break with both sources, the lit cell, the difference and the rule', () => {
    renderReview();
    expect(within(screen.getByRole('grid')).getAllByRole('columnheader').map(text)).toEqual(['', 'Status', 'Break', 'Key', expect.any(String), 'Owner']);
    expect(texts(screen.getByRole('grid').querySelector('thead .compare-head'), '.head')).toEqual(['Field', 'internal', 'broker', 'Difference']);
    // T1004: Qty 8 vs 9 and Price 18001 vs 18001.05 outside tolerance; Account ACC2 vs acc2 only within it.
    expect(text(cellOf('T1004', 'Qty', 'internal'))).toBe('8');
    expect(cellOf('T1004', 'Qty', 'internal').dataset.tone).toBe('reference');
    expect(text(cellOf('T1004', 'Qty', 'broker'))).toBe('9 (outside tolerance)');
    expect(cellOf('T1004', 'Qty', 'broker').className).toContain('out');
    expect(cellOf('T1004', 'Price', 'broker').dataset.tone).toBe('out');
    expect(text(cellOf('T1004', 'Account', 'broker'))).toBe('acc2 (within tolerance)');
    expect(cellOf('T1004', 'Account', 'broker').className).toContain('within');
    const qty = rowFor('T1004').querySelector('[data-field="Qty"]')!;
    expect(text(qty.querySelector('.diff'))).toBe('−1');
    expect(text(qty.querySelector('.rule'))).toBe('Qty must match exactly');
    expect(qty.getAttribute('title')).toBe('Qty must match exactly');
    // Fields outside tolerance lead, the one within tolerance follows.
    expect([...rowFor('T1004').querySelectorAll('[data-field]')].map((f) => f.getAttribute('data-field'))).toEqual(['Qty', 'Price', 'Account']);
    // The measured unit is said with the difference.
    expect(text(rowFor('T1002').querySelector('[data-field="Price"] .diff'))).toBe('−0.25 (1 tick)');
    expect(text(rowFor('T1002').querySelector('[data-field="Price"] .rule'))).toBe('Price may differ by up to 0 ticks (tick size 0.25)');
  });

  it('shows an N-way break with a column per source, only the disagreeing source lit', () => {
    renderReview({ page: pageOf(nwayViews()) });
    expect(texts(screen.getByRole('grid').querySelector('thead .compare-head'), '.head')).toEqual(['Field', 'internal', 'broker', 'ccp', 'Difference']);
    expect(['internal', 'broker', 'ccp'].map((s) => text(cellOf('T1002', 'Price', s)))).toEqual(['5011', '5011.25 (outside tolerance)', '5011']);
    expect(['internal', 'broker', 'ccp'].map((s) => cellOf('T1002', 'Price', s).dataset.tone)).toEqual(['reference', 'out', 'same']);
    expect(['internal', 'broker', 'ccp'].map((s) => cellOf('T1004', 'Account', s).dataset.tone)).toEqual(['reference', 'within', 'same']);
    expect(text(rowFor('T1004').querySelector('.kind-label'))).toBe('Field difference');
  });

  it('says "— missing" for each source that lacks the row', () => {
    renderReview({ page: pageOf(nwayViews()) });
    const sources = (id: string) => [...rowFor(id).querySelectorAll('[data-source]')].map((c) => `${c.getAttribute('data-source')}: ${text(c)}`);
    expect(sources('T1005')).toEqual(['internal: row 6', 'broker: — missing', 'ccp: — missing']);
    expect(sources('T1500')).toEqual(['internal: — missing', 'broker: row 6', 'ccp: row 6']);
    expect(text(rowFor('T1005').querySelector('.kind-label'))).toBe('Missing in broker, ccp');
    expect(text(rowFor('T1500').querySelector('.kind-label'))).toBe('Missing in internal');
  });

  it('names each value\'s source in the row when the page mixes runs with different sources', () => {
    const mixed = [...twoWayViews().slice(0, 1), ...nwayViews().slice(1, 2)];
    renderReview({ page: pageOf(mixed), filter: {} });
    expect(text(screen.getByRole('grid').querySelector('thead .compare-head'))).toBe('Fields that differ, by source');
    expect(text(cellOf('T1002', 'Price', 'broker'))).toBe('broker 5011.25 (outside tolerance)');
    expect(text(cellOf('T1004', 'Qty', 'ccp'))).toBe('ccp 8');
  });

  it('shows status, SLA tier with age, severity and the owner', () => {
    const views = twoWayViews(undefined, undefined, (_b, i) => (i === 0 ? { createdAt: '2026-11-22T07:30:00.000Z' } : i === 1 ? { createdAt: '2026-11-17T09:30:00.000Z', status: 'assigned', assignee: { id: 'u1', email: 'ana.ops@example.com' }, commentCount: 2 } : i === 2 ? { status: 'resolved', reason: 'timing' } : {}));
    renderReview({ page: pageOf(views) });
    const sla = (id: string) => rowFor(id).querySelector<HTMLElement>('[data-sla]')!;
    expect([text(sla('T1002')), sla('T1002').dataset.sla]).toEqual(['2h · new', 'new']);
    expect([text(sla('T1004')), sla('T1004').dataset.sla]).toEqual(['5d · overdue', 'overdue']);
    expect([text(sla('T1006')), sla('T1006').dataset.sla]).toEqual(['2d · due', 'due']);
    expect(sla('T1005').dataset.sla).toBe('closed');
    expect(text(rowFor('T1004').querySelector('.owner'))).toBe('ana.ops 2 comments');
    expect(text(rowFor('T1002').querySelector('.owner'))).toBe('Unassigned');
    expect(text(rowFor('T1002').querySelector('.badge.sev-error'))).toBe('error');
  });
});

describe('BreakReview: detail', SLOW, () => {
  it('opens on click with every field, lineage per source and the comment count', async () => {
    renderReview();
    await fireEvent.click(rowFor('T1004'));
    const detail = screen.getByTestId('break-detail');
    expect(rowFor('T1004').getAttribute('aria-expanded')).toBe('true');
    expect(text(detail.querySelector('h3'))).toBe('TradeId T1004');
    expect([...detail.querySelectorAll('[data-field]')].map((f) => f.getAttribute('data-field'))).toEqual(['Qty', 'Price', 'Account']);
    const lineage = [...detail.querySelectorAll('table.lineage tr')].map((tr) => texts(tr, 'th, td').join(' | '));
    expect(lineage).toEqual(['internal | internal-positions.csv | row 5', 'broker | broker-statement.csv | row 5']);
    expect(text(detail.querySelector('dl'))).toContain('Comments0 comments');
  });

  it('lists likely partners of an unmatched row, with score, reasons and the candidate key, one click to inspect', async () => {
    const { calls } = renderReview({ withInspect: true });
    await fireEvent.click(rowFor('T1006'));
    const detail = screen.getByTestId('break-detail');
    expect(texts(detail.querySelector('table.lineage'), 'th, td')).toEqual(['internal', 'internal-positions.csv', 'row 7', 'broker', '— missing']);
    const items = within(detail).getAllByTestId('suggestion');
    // The engine's own candidates: T1007 one character away ranks first.
    expect(items.map((li) => text(li.querySelector('.ckey')))).toEqual(['TradeId T1007', 'TradeId T1500']);
    expect(text(items[0])).toContain('TradeId T1006 and T1007 differ by one character');
    expect(text(items[0])).toContain('74% likely');
    expect(text(items[0].querySelector('.where'))).toBe('broker · broker-statement.csv row 7');
    await fireEvent.click(within(items[0]).getByRole('button', { name: 'Inspect TradeId T1007' }));
    expect(calls.onInspectCandidate).toHaveBeenCalledWith(expect.objectContaining({ source: 'broker', key: { TradeId: 'T1007' }, score: 0.737, lineage: { file: 'broker-statement.csv', sha256: 'sha-broker', row: 7 } }));
  });

  it('closes with the Close button and with Escape', async () => {
    renderReview();
    await fireEvent.click(rowFor('T1002'));
    await fireEvent.click(screen.getByRole('button', { name: /Close detail/ }));
    expect(screen.queryByTestId('break-detail')).toBeNull();
    await fireEvent.click(rowFor('T1002'));
    await fireEvent.keyDown(screen.getByRole('button', { name: /Close detail/ }), { key: 'Escape' });
    expect(screen.queryByTestId('break-detail')).toBeNull();
  });
});

describe('BreakReview: grouping, paging, export and empty states', SLOW, () => {
  it('groups by cluster with the description and count in each header, biggest first', async () => {
    const two = twoWayRun();
    const views = twoWayViews(two);
    const clusterDescriptions = Object.fromEntries(two.summary.clusters.map((c) => [c.signature, c.description]));
    renderReview({ page: pageOf([...views, { ...views[1], id: 99, key: { TradeId: 'T1099' } }]), clusterDescriptions });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Group by cluster' }));
    const groups = [...screen.getByRole('grid').querySelectorAll('tr.group')];
    expect(text(groups[0])).toContain('Price lower in internal by 1 tick; Qty lower in internal by about 1 (Product NQ) 2 breaks');
    expect(groups.map((g) => g.getAttribute('data-cluster'))).toEqual(['field|Price:-1tick|Qty:-1e0|Product=NQ', 'field|Price:-1tick|Product=ES', 'only-left|Product=CL', 'only-left|Product=ES', 'only-right|Product=CL', 'only-right|Product=ES']);
    expect(breakRows().map((r) => r.dataset.breakId)).toEqual(['2', '99', '1', '4', '3', '6', '5']);
    await fireEvent.click(within(groups[0] as HTMLElement).getByRole('button', { name: 'Select these' }));
    expect(breakRows().filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.dataset.breakId)).toEqual(['2', '99']);
  });

  it('offers more rows and exports the filtered view', async () => {
    const { calls } = renderReview({ page: pageOf(twoWayViews(), 240), withLoadMore: true });
    expect(text(screen.getByText(/^Showing 6 of 240$/))).toBe('Showing 6 of 240');
    await fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export XLSX' }));
    expect(calls.onLoadMore).toHaveBeenCalledTimes(1);
    expect(calls.onExport.mock.calls).toEqual([['csv'], ['xlsx']]);
  });

  it('says a run matched everything when it has no breaks at all', () => {
    const { calls } = renderReview({ page: pageOf([]) });
    expect(screen.getByRole('heading', { name: 'This run matched everything' })).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(calls.onFilterChange).not.toHaveBeenCalled();
  });

  it('offers to clear the filters when they hide every break', async () => {
    const { calls } = renderReview({ page: pageOf([]), filter: { runId: RUN_ID, kind: ['duplicate'], search: 'T9', sort: { by: 'age', dir: 'asc' } } });
    expect(screen.getByRole('heading', { name: 'No breaks match these filters' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(calls.onFilterChange).toHaveBeenCalledWith({ runId: RUN_ID, sort: { by: 'age', dir: 'asc' } });
  });

  it('shows a skeleton while the first page loads, and keeps rows visible (busy) on later loads', async () => {
    const { rerender } = renderReview({ page: pageOf([]), loading: true });
    expect(screen.getByTestId('review-loading').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('heading', { name: /matched everything/ })).toBeNull();
    await rerender({ page: pageOf(twoWayViews()), loading: true });
    expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('true');
    expect(breakRows()).toHaveLength(6);
  });

  it('shows a load error with a way to retry the same query', async () => {
    const filter = { runId: RUN_ID, kind: ['field' as const] };
    const { calls } = renderReview({ page: pageOf([]), error: 'HTTP 502', filter });
    expect(text(screen.getByRole('alert'))).toBe('Could not load the breaks: HTTP 502. Check your connection, then try again.');
    expect(screen.queryByRole('heading', { name: /matched everything/ })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'try again' }));
    expect(calls.onFilterChange).toHaveBeenCalledWith(filter);
  });

  it('renders the N-way engine result for every break it made', () => {
    renderReview({ page: pageOf(nwayViews()) });
    expect(breakRows().map((r) => r.getAttribute('aria-label'))).toHaveLength(threeWayRun().breaks.length);
  });
});
