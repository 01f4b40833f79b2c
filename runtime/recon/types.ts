/**
 * The reconciliation engine's inputs and results (DESIGN.md §4). Browser-safe plain data: the
 * studio computes a live match rate with the same engine the runner uses.
 */
import type { Finding, Severity } from '../finding';
import type { Table } from '../table/table';
import type { SeverityRule, ToleranceRuleInput } from '../template/schema';

export type { SeverityRule };
/** A tolerance rule as data: `{field, kind: 'ticks', value: 1, …}` (template schema; defaults optional). */
export type RuleData = ToleranceRuleInput;
export type BreakKind = 'only-left' | 'only-right' | 'field' | 'duplicate' | 'ambiguous' | 'aggregate';
export const BREAK_KINDS: readonly BreakKind[] = ['only-left', 'only-right', 'field', 'duplicate', 'ambiguous', 'aggregate'];
export type BreakSeverity = Severity;

export interface ReconSource {
  readonly name: string;
  readonly table: Table;
}

/** Reference tables attached to the template: `{columns, rows}` by name. */
export interface ReferenceTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}
export type ReferenceTables = Readonly<Record<string, ReferenceTable>>;

/**
 * One part of a composite key. Key formulas run in the sandbox before recon, so each part is an
 * ordinary column of every source: `columns` names it per source.
 */
export interface KeySpec {
  readonly name: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly trim?: boolean;
  readonly ignoreCase?: boolean;
  readonly stripLeadingZeros?: boolean;
  /** Aliases to one canonical value (CME = XCME): pairs, or the name of a two-column reference table (alias → canonical). */
  readonly aliases?: readonly { readonly from: string; readonly to: string }[] | string;
}

export interface RuleSet {
  readonly name: string;
  readonly rules: readonly RuleData[];
}

export interface AggregateSpec {
  /** The source whose rows are grouped by key and summed (the allocations, the trades). */
  readonly side: string;
  readonly fields: readonly string[];
}

interface CommonInput {
  readonly keys: readonly KeySpec[];
  readonly rules?: readonly RuleData[];
  /**
   * Rule sets chosen per row by a `when` formula. A rule set's rules replace the default rule of
   * the same field; fields it does not name keep the default rule.
   */
  readonly ruleSets?: readonly RuleSet[];
  readonly referenceTables?: ReferenceTables;
  readonly duplicates?: 'optimal-pairing' | 'report';
  readonly severityRules?: readonly SeverityRule[];
  /** Columns whose values join a break's cluster signature (e.g. Product). */
  readonly clusterBy?: readonly string[];
  /** Findings about blank keys, per source, before they collapse into one count (default 100). */
  readonly maxKeyFindings?: number;
}

export interface ReconcileInput extends CommonInput {
  readonly left: ReconSource;
  readonly right: ReconSource;
  /** Per LEFT row: the index of the first rule set whose `when` held, or -1 for the default rules. */
  readonly ruleSetIndex?: Int32Array;
  readonly aggregate?: AggregateSpec;
  /** Candidates for unmatched rows (default true). */
  readonly suggest?: boolean;
}

export interface ReconcileManyInput extends CommonInput {
  /** In authoritative order: the first is the book of record. */
  readonly sources: readonly ReconSource[];
  /** Per row of the FIRST source (book of record): rule set index, -1 for the default rules. */
  readonly ruleSetIndex?: Int32Array;
}

/** Where a row came from: its file's content hash, its 1-based row there, and its index in the table. */
export interface LineageRef {
  readonly datasetId: string;
  readonly row: number;
  readonly index: number;
}

export type CellValue = number | string | boolean | null;

export interface BreakField {
  readonly field: string;
  readonly left: CellValue;
  readonly right: CellValue;
  /** left − right on 15-digit decimals (calendar days for dates); null for text or blanks. */
  readonly diff: number | null;
  /** The rule in plain English. */
  readonly rule: string;
  readonly tolerance: RuleData;
  readonly withinTolerance: boolean;
  /** The difference in the rule's unit, when it has one: 2 ticks, 0.7 bps, 3 business days. */
  readonly measure?: { readonly value: number; readonly unit: string };
}

export interface SuggestionReason {
  readonly code: 'typo' | 'transposition' | 'one-tick' | 'swapped' | 'day-month';
  readonly key: string;
  readonly message: string;
}

export interface Suggestion {
  readonly source: string;
  readonly lineage: LineageRef;
  readonly key: Readonly<Record<string, string>>;
  /** 0..1, higher is likelier. */
  readonly score: number;
  readonly reasons: readonly SuggestionReason[];
}

export interface Break {
  readonly key: Readonly<Record<string, string>>;
  readonly kind: BreakKind;
  readonly fields: readonly BreakField[];
  readonly severity: BreakSeverity;
  readonly cluster: string;
  readonly lineage: { readonly left?: readonly LineageRef[]; readonly right?: readonly LineageRef[] };
  readonly suggestions?: readonly Suggestion[];
}

export interface NwayBreakField extends BreakField {
  /** Per source present: its value. `left` is the reference source's, `right` the first disagreeing one's. */
  readonly values: Readonly<Record<string, CellValue>>;
  readonly reference: string;
  /** Sources whose value is outside tolerance of the reference's. */
  readonly disagree: readonly string[];
}

export interface NwayBreak {
  readonly key: Readonly<Record<string, string>>;
  /** 'only-left': the book of record has the row and some source lacks it; 'only-right': the book of record lacks it. */
  readonly kind: BreakKind;
  readonly present: readonly string[];
  readonly missing: readonly string[];
  readonly disagree: readonly string[];
  readonly fields: readonly NwayBreakField[];
  readonly severity: BreakSeverity;
  readonly cluster: string;
  readonly lineage: Readonly<Record<string, readonly LineageRef[]>>;
}

export interface FieldCounts {
  readonly compared: number;
  readonly identical: number;
  readonly withinTolerance: number;
  readonly breaks: number;
  /** Largest |left − right| among breaks (datacompy's max_diff); 0 when none. */
  readonly maxDiff: number;
  /** Breaks where exactly one side is blank (datacompy's null_diff). */
  readonly nullDiff: number;
}

export interface ClusterSummary {
  readonly signature: string;
  readonly kind: BreakKind;
  readonly count: number;
  readonly description: string;
}

export interface ReconSummary {
  readonly left: { readonly name: string; readonly rows: number; readonly blankKeys: number };
  readonly right: { readonly name: string; readonly rows: number; readonly blankKeys: number };
  /** Pairs (or aggregated groups) with no field outside tolerance. */
  readonly matched: number;
  /** …of which every compared field is identical. */
  readonly perfect: number;
  /** …of which some field differs within tolerance. */
  readonly withinTolerance: number;
  /** Rows on both sides in clean pairs ÷ all rows on both sides. */
  readonly matchRate: number;
  readonly breaks: number;
  readonly byKind: Readonly<Record<BreakKind, number>>;
  readonly byField: Readonly<Record<string, FieldCounts>>;
  /** Biggest stories first. */
  readonly clusters: readonly ClusterSummary[];
  /** datacompy's report counts, for analysts who know it. */
  readonly datacompy: {
    readonly commonRows: number;
    readonly onlyLeft: number;
    readonly onlyRight: number;
    readonly unequalRows: number;
    readonly equalRows: number;
    readonly byColumn: readonly { readonly column: string; readonly mismatches: number; readonly maxDiff: number; readonly nullDiff: number }[];
  };
}

export interface ReconResult {
  readonly breaks: readonly Break[];
  readonly summary: ReconSummary;
  readonly findings: readonly Finding[];
}

export interface NwaySummary {
  readonly sources: readonly { readonly name: string; readonly rows: number; readonly blankKeys: number }[];
  /** Distinct keys seen (tuples). */
  readonly tuples: number;
  /** Tuples present in every source with every field in tolerance. */
  readonly matched: number;
  readonly perfect: number;
  readonly withinTolerance: number;
  readonly matchRate: number;
  readonly breaks: number;
  readonly byKind: Readonly<Record<BreakKind, number>>;
  /** Per source: tuples it lacks. */
  readonly missingBySource: Readonly<Record<string, number>>;
  /**
   * Per field: agree[i][j] counts tuples where sources i and j both have the row and agree within
   * tolerance; compared[i][j] counts tuples where both have it. Indices follow `sources`.
   */
  readonly agreement: Readonly<Record<string, { readonly agree: readonly (readonly number[])[]; readonly compared: readonly (readonly number[])[] }>>;
  readonly clusters: readonly ClusterSummary[];
}

export interface NwayResult {
  readonly breaks: readonly NwayBreak[];
  readonly summary: NwaySummary;
  readonly findings: readonly Finding[];
}
