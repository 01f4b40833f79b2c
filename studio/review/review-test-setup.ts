/**
 * Rendering the review grid in tests with the engine-made fixtures and recording callbacks.
 * Tests only.
 */
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, vi } from 'vitest';
import type { BreakAction, BreakFilter, BreakPage } from '$runtime/recon/break-view';
import BreakReview from './BreakReview.svelte';
import { NOW, pageOf, RUN_ID, twoWayViews, USERS } from './break-fixtures';

afterEach(() => cleanup());

/**
 * Role queries over a whole grid are slow in jsdom (each computes accessible names), and the
 * machine is shared: a generous timeout keeps a loaded run from failing on time alone.
 */
export const SLOW = { timeout: 30_000 };

export interface ReviewOverrides {
  page?: BreakPage;
  filter?: BreakFilter;
  loading?: boolean;
  error?: string;
  canResolve?: boolean;
  canEdit?: boolean;
  clusterDescriptions?: Readonly<Record<string, string>>;
  onAction?: (action: BreakAction) => Promise<void>;
  withLoadMore?: boolean;
  withInspect?: boolean;
}

export function renderReview(overrides: ReviewOverrides = {}) {
  const calls = {
    onFilterChange: vi.fn<(filter: BreakFilter) => void>(),
    onAction: vi.fn(overrides.onAction ?? (async (_action: BreakAction) => {})),
    onLoadMore: vi.fn<() => void>(),
    onExport: vi.fn<(format: 'csv' | 'xlsx') => void>(),
    onInspectCandidate: vi.fn(),
  };
  const result = render(BreakReview, {
    page: overrides.page ?? pageOf(twoWayViews()),
    filter: overrides.filter ?? { runId: RUN_ID },
    loading: overrides.loading ?? false,
    error: overrides.error,
    users: USERS,
    canResolve: overrides.canResolve ?? true,
    canEdit: overrides.canEdit ?? true,
    now: NOW,
    clusterDescriptions: overrides.clusterDescriptions,
    onFilterChange: calls.onFilterChange,
    onAction: calls.onAction,
    onExport: calls.onExport,
    ...(overrides.withLoadMore ? { onLoadMore: calls.onLoadMore } : {}),
    ...(overrides.withInspect ? { onInspectCandidate: calls.onInspectCandidate } : {}),
  });
  return { ...result, calls };
}

/** The grid row of the break whose key contains `id`. */
export function rowFor(id: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^Break ${id},`) });
}

/** The break rows in display order (not the header, group or detail rows). */
export function breakRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((r) => r.hasAttribute('data-break-id'));
}

/** The cell of `source` for `field` in the row of break `id`. */
export function cellOf(id: string, field: string, source: string): HTMLElement {
  const cell = rowFor(id).querySelector<HTMLElement>(`[data-field="${field}"] [data-source="${source}"]`);
  if (!cell) throw new Error(`No ${source} cell for ${field} in break ${id}`);
  return cell;
}

export const bulk = () => within(screen.getByTestId('bulk-actions'));
export const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The text of each element matching `selector` under `root`. */
export const texts = (root: Element | null, selector: string) => [...(root?.querySelectorAll(selector) ?? [])].map(text);
