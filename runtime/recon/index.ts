/**
 * The reconciliation engine (DESIGN.md §2, §4): host TypeScript on columnar tables, browser-safe,
 * no user code on the hot path.
 *   reconcile         two sources, with optional many-to-one aggregation
 *   reconcileMany     N sources in authoritative order (the first is the book of record)
 *   describeRule      a tolerance rule in plain English
 *   suggestCandidates likely partners for unmatched rows (typos, swaps, one tick off)
 *   TOLERANCE_KINDS   the registry of rule kinds, for the rule editor
 */
export { reconcile } from './reconcile';
export { reconcileMany } from './nway';
export { describeRule } from './rule-sentence';
export { suggestCandidates, type SuggestCandidatesInput, type SuggestionsByRow } from './suggest/suggest-candidates';
export type { BlockingStats } from './suggest/blocking';
export { TOLERANCE_KINDS, toleranceKind } from './tolerance/registry';
export type { ToleranceKind, ParamSpec, DescribeContext } from './tolerance/types';
export { DEFAULT_SEVERITY_RULES } from './severity';
export { PAIRING_LIMITS } from './pairing';
export * from './types';
