/**
 * The template document (DESIGN.md §4): one JSON document, validated by this zod schema, with a
 * schemaVersion that migrates forward (migrations.ts). Browser-safe: the studio edits the same
 * shape the runtime runs.
 */
import { z } from 'zod';

export const CURRENT_SCHEMA_VERSION = 1;

const name = z.string().trim().min(1, 'must not be empty').max(120);
const formula = z.string().trim().min(1, 'a formula is required');
const columnType = z.enum(['number', 'text', 'boolean', 'date', 'datetime']);

export const SourceSchema = z.strictObject({
  name: name.regex(/^[A-Za-z][A-Za-z0-9_ -]*$/, 'use letters, digits, spaces, - and _ (it appears in [source!Column] references)'),
  description: z.string().default(''),
  format: z.enum(['csv', 'xlsx', 'json', 'xml', 'fpml']),
  /** Reader options: delimiter, sheet, headerRow, rowPath, encoding, types per column… */
  options: z.record(z.string(), z.unknown()).default({}),
  /** Columns the template expects; a run reports missing ones before it starts. */
  columns: z.array(z.strictObject({ name, type: columnType.optional() })).default([]),
});

export const MappingSchema = z.strictObject({
  target: name,
  formula,
  description: z.string().default(''),
});

export const ValidationSchema = z.strictObject({
  name,
  /** Runs against this source's mapped rows; the first source when omitted. */
  source: name.optional(),
  formula,
  severity: z.enum(['error', 'warning', 'info']).default('error'),
  message: z.string().trim().min(1, 'say what is wrong and how to fix it'),
});

const toleranceBase = { field: name, severity: z.enum(['error', 'warning', 'info']).optional() };
export const ToleranceRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...toleranceBase, kind: z.literal('exact') }),
  z.strictObject({ ...toleranceBase, kind: z.literal('abs'), value: z.number().nonnegative() }),
  z.strictObject({ ...toleranceBase, kind: z.literal('rel'), value: z.number().nonnegative(), abs: z.number().nonnegative().default(0), mode: z.enum(['symmetric', 'right']).default('symmetric') }),
  /** Tick size: from `tickTable` looked up by the product in column `tickKey`, from a `tickColumn`, or a fixed `tickSize`. */
  z.strictObject({ ...toleranceBase, kind: z.literal('ticks'), value: z.number().nonnegative(), tickTable: name.optional(), tickKey: name.optional(), tickColumn: name.optional(), tickSize: z.number().positive().optional() }),
  z.strictObject({ ...toleranceBase, kind: z.literal('bps'), value: z.number().nonnegative() }),
  z.strictObject({ ...toleranceBase, kind: z.literal('days'), value: z.number().int().nonnegative(), holidays: name.optional() }),
  z.strictObject({ ...toleranceBase, kind: z.literal('text'), ignoreCase: z.boolean().default(true), ignoreSpaces: z.boolean().default(true), equivalents: name.optional() }),
]);

const breakKind = z.enum(['only-left', 'only-right', 'field', 'duplicate', 'ambiguous', 'aggregate']);
/**
 * How serious a break is, by kind, field and magnitude. The first rule whose conditions all hold
 * wins; a condition left out always holds. Magnitudes look at the break's fields outside tolerance.
 */
export const SeverityRuleSchema = z.strictObject({
  kind: z.union([breakKind, z.array(breakKind)]).optional(),
  /** Any of these fields is outside tolerance. */
  field: z.union([name, z.array(name)]).optional(),
  /** |left − right| is at least this (field units; days for dates). */
  minAbsDiff: z.number().nonnegative().optional(),
  /** |left − right| ÷ max(|left|, |right|) is at least this (0.01 = 1%). */
  minRelDiff: z.number().nonnegative().optional(),
  /** |left − right| is at least this many times the rule's allowance. */
  minToleranceMultiple: z.number().nonnegative().optional(),
  severity: z.enum(['error', 'warning', 'info']),
});

export const MatchKeySchema = z.strictObject({
  name,
  /** Per source: a column reference or formula giving the key value. */
  formulas: z.record(z.string(), formula),
  trim: z.boolean().default(true),
  ignoreCase: z.boolean().default(false),
  stripLeadingZeros: z.boolean().default(false),
  /** A reference table mapping aliases to one canonical value (e.g. CME = XCME). */
  aliases: name.optional(),
});

export const MatchSchema = z.strictObject({
  /** The sources in authoritative order: the first is the book of record. */
  sources: z.array(name).min(2),
  keys: z.array(MatchKeySchema).min(1, 'a match needs at least one key'),
  /** Field comparisons: each field is a mapped target column present on every source. */
  rules: z.array(ToleranceRuleSchema).default([]),
  /** Rule sets chosen per row by a filter formula (first match wins), e.g. per asset class. */
  ruleSets: z.array(z.strictObject({ name, when: formula, rules: z.array(ToleranceRuleSchema) })).default([]),
  aggregate: z.strictObject({ side: name, fields: z.array(name).min(1) }).optional(),
  duplicates: z.enum(['optimal-pairing', 'report']).default('optimal-pairing'),
  /** Break severity by kind, field and magnitude; the engine's defaults when omitted. */
  severityRules: z.array(SeverityRuleSchema).optional(),
  /** Columns whose values join a break's cluster signature, e.g. Product. */
  clusterBy: z.array(name).optional(),
});

export const ReferenceTableSchema = z.strictObject({
  columns: z.array(name).min(1),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

export const OutputSchema = z.strictObject({
  name,
  format: z.enum(['csv', 'xlsx', 'json']),
  /** Which mapped columns, in order; all targets when omitted. */
  columns: z.array(name).optional(),
});

export const TemplateSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name,
  description: z.string().default(''),
  kind: z.enum(['mapping', 'recon', 'nway']),
  sources: z.array(SourceSchema).min(1, 'a template reads at least one source'),
  /** Per source name: target column ← formula. */
  mappings: z.record(z.string(), z.array(MappingSchema)).default({}),
  validations: z.array(ValidationSchema).default([]),
  match: MatchSchema.optional(),
  referenceTables: z.record(z.string(), ReferenceTableSchema).default({}),
  outputs: z.array(OutputSchema).default([]),
});

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;
export type TemplateSource = z.infer<typeof SourceSchema>;
export type ToleranceRule = z.infer<typeof ToleranceRuleSchema>;
/** A tolerance rule before defaults are filled in (what engines accept). */
export type ToleranceRuleInput = z.input<typeof ToleranceRuleSchema>;
export type SeverityRule = z.infer<typeof SeverityRuleSchema>;
export type Match = z.infer<typeof MatchSchema>;
