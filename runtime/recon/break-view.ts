/**
 * A stored break as the review grid sees it: two-way and N-way breaks in one shape, values by
 * source name, so the grid draws N columns side by side without asking which engine made it.
 * Browser-safe: the server's breaks API returns it and the studio's review grid renders it.
 */
import { z } from 'zod';
import type { Severity } from '../finding';
import { BREAK_KINDS, type BreakKind, type CellValue } from './types';

export type BreakStatus = 'open' | 'assigned' | 'resolved';
export const BREAK_STATUSES: readonly BreakStatus[] = ['open', 'assigned', 'resolved'];

export interface BreakViewField {
  readonly field: string;
  /** Per source, in the run's source order; a source lacking the row has no entry. */
  readonly values: Readonly<Record<string, CellValue>>;
  readonly diff: number | null;
  /** The tolerance rule that applied, in plain English. */
  readonly rule: string;
  readonly withinTolerance: boolean;
  readonly measure?: { readonly value: number; readonly unit: string };
  /** Sources whose value is outside tolerance of the reference source's. */
  readonly disagree: readonly string[];
}

export interface BreakViewRow {
  /** The source file's display name (null if unknown), its 1-based row there, and the file's content hash. */
  readonly file: string | null;
  readonly sha256: string;
  readonly row: number;
}

export interface BreakViewSuggestion {
  readonly source: string;
  readonly key: Readonly<Record<string, string>>;
  readonly score: number;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
  readonly lineage: BreakViewRow;
}

export interface BreakView {
  readonly id: number;
  readonly runId: string;
  readonly kind: BreakKind;
  readonly severity: Severity;
  readonly cluster: string;
  readonly key: Readonly<Record<string, string>>;
  /** Every source of the run, in authoritative order (two-way: [left, right]). */
  readonly sources: readonly string[];
  /** Sources that lack the row (only-left, only-right and N-way missing). */
  readonly missing: readonly string[];
  readonly fields: readonly BreakViewField[];
  /** Per source: the rows this break came from (several for duplicates and aggregates). */
  readonly lineage: Readonly<Record<string, readonly BreakViewRow[]>>;
  readonly suggestions: readonly BreakViewSuggestion[];
  readonly status: BreakStatus;
  readonly assignee: { readonly id: string; readonly email: string } | null;
  /** The reason code it was resolved with (see RESOLUTION_REASONS). */
  readonly reason: string | null;
  readonly commentCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Reason codes for resolving a break; `other` needs a comment. */
export const RESOLUTION_REASONS = [
  { code: 'timing', label: 'Timing difference, clears next day' },
  { code: 'booking-fixed', label: 'Booking error, corrected internally' },
  { code: 'counterparty-error', label: 'Counterparty or broker error, raised with them' },
  { code: 'rounding', label: 'Rounding or precision' },
  { code: 'static-data', label: 'Static data difference' },
  { code: 'duplicate', label: 'Duplicate booking' },
  { code: 'other', label: 'Other (explain in a comment)' },
] as const;
export type ResolutionReason = (typeof RESOLUTION_REASONS)[number]['code'];

/** SLA tiers by age of an unresolved break: what the review grid colours. */
export type SlaTier = 'new' | 'due' | 'overdue' | 'closed';
export function slaTier({ status, createdAt, now }: { status: BreakStatus; createdAt: string; now: Date }): SlaTier {
  if (status === 'resolved') return 'closed';
  const days = (now.getTime() - Date.parse(createdAt)) / 86_400_000;
  return days < 1 ? 'new' : days < 3 ? 'due' : 'overdue';
}

const SORTABLE = ['age', 'severity', 'kind', 'cluster', 'status'] as const;

/** The review grid's filters; the breaks API and the export take the same object. */
export const BreakFilterSchema = z.object({
  runId: z.uuid().optional(),
  kind: z.array(z.enum(BREAK_KINDS as [BreakKind, ...BreakKind[]])).optional(),
  field: z.string().max(200).optional(),
  cluster: z.string().max(500).optional(),
  severity: z.array(z.enum(['error', 'warning', 'info'])).optional(),
  status: z.array(z.enum(['open', 'assigned', 'resolved'])).optional(),
  /** A user id, or 'none' for unassigned breaks. */
  assignee: z.union([z.uuid(), z.literal('none')]).optional(),
  /** Only breaks at least this many days old. */
  minAgeDays: z.number().int().min(0).max(3650).optional(),
  /** Free text matched against the key values. */
  search: z.string().max(200).optional(),
  sort: z.object({ by: z.enum(SORTABLE), dir: z.enum(['asc', 'desc']) }).default({ by: 'severity', dir: 'desc' }),
});
export type BreakFilter = z.input<typeof BreakFilterSchema>;

export const BreakActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), ids: z.array(z.number().int()).min(1).max(10_000), assigneeId: z.uuid().nullable() }),
  z.object({ action: z.literal('comment'), ids: z.array(z.number().int()).min(1).max(10_000), comment: z.string().trim().min(1).max(4000) }),
  z.object({
    action: z.literal('resolve'), ids: z.array(z.number().int()).min(1).max(10_000),
    reason: z.enum(RESOLUTION_REASONS.map((r) => r.code) as [ResolutionReason, ...ResolutionReason[]]),
    comment: z.string().trim().max(4000).optional(),
  }),
  z.object({ action: z.literal('reopen'), ids: z.array(z.number().int()).min(1).max(10_000), comment: z.string().trim().max(4000).optional() }),
]);
export type BreakAction = z.input<typeof BreakActionSchema>;

export interface BreakFacets {
  readonly kind: Readonly<Record<string, number>>;
  readonly severity: Readonly<Record<string, number>>;
  readonly status: Readonly<Record<string, number>>;
  readonly field: Readonly<Record<string, number>>;
  /** Biggest first. */
  readonly cluster: readonly { readonly signature: string; readonly count: number }[];
}

export interface BreakPage {
  readonly rows: readonly BreakView[];
  readonly total: number;
  readonly facets: BreakFacets;
}
