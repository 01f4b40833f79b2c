/**
 * The live match rate under the Match panel: the real recon engine over the preview's mapped
 * sample tables, fed exactly as the server run feeds it (runtime/recon/template-match.ts).
 * Browser-safe, no Svelte. Key and rule-set formulas have already run (in the preview's sandbox
 * worker): each table carries its key columns, named by keyColumn(), and the rule-set index.
 */
import type { Finding } from '../../runtime/finding';
import { keyColumn, matchFields, reconcileTemplate } from '../../runtime/recon/template-match';
import { BREAK_KINDS, type Break, type BreakKind, type NwayBreak } from '../../runtime/recon/types';
import { columnByName, type Table } from '../../runtime/table/table';
import type { Template } from '../../runtime/template/schema';

export const SAMPLE_BREAKS = 20;

export interface LiveMatch {
  readonly mode: 'two-way' | 'n-way';
  /** The match's sources in authoritative order, with their sample row counts. */
  readonly sources: readonly { readonly name: string; readonly rows: number }[];
  /** 0..1: rows in clean matches ÷ all rows. */
  readonly matchRate: number;
  readonly matched: number;
  readonly perfect: number;
  readonly withinTolerance: number;
  readonly breaks: number;
  readonly byKind: Readonly<Record<BreakKind, number>>;
  /** Per compared field: breaks with that field outside tolerance. */
  readonly byField: Readonly<Record<string, number>>;
  readonly sampleBreaks: readonly (Break | NwayBreak)[];
  /** The engine's findings (unknown tick products, blank keys…), as the run would report them. */
  readonly findings: readonly Finding[];
}

export interface LiveMatchError {
  readonly error: string;
}

export interface LiveMatchInput {
  readonly template: Template;
  /** Per source name: its mapped sample table plus key columns. */
  readonly sources: Readonly<Record<string, Table>>;
  readonly ruleSetIndex?: Int32Array;
}

export function computeLiveMatch({ template, sources, ruleSetIndex }: LiveMatchInput): LiveMatch | LiveMatchError {
  const match = template.match;
  if (!match) return { error: 'This template has no match yet: add a key in the Match panel.' };
  if (match.keys.length === 0) return { error: 'A match needs at least one key: add one under Keys.' };
  const prepared = [];
  for (const name of match.sources) {
    const table = sources[name];
    if (!table) return { error: `No sample rows for \`${name}\` yet: load a sample file for it.` };
    const lacking = match.keys.filter((k) => !columnByName(table, keyColumn(k.name)));
    if (lacking.length) return { error: `The key ${lacking.map((k) => `\`${k.name}\``).join(', ')} has not been computed for \`${name}\` yet: fix its formula under Keys.` };
    prepared.push({ name, table });
  }
  // Suggestions for unmatched rows change no count and cost the most: the live strip skips them.
  const { mode, result } = reconcileTemplate({ template, sources: prepared, ruleSetIndex, suggest: false });
  const { summary } = result;
  const byField: Record<string, number> = Object.fromEntries(matchFields(match).map((f) => [f, 0]));
  for (const b of result.breaks) {
    for (const f of b.fields) if (!f.withinTolerance) byField[f.field] = (byField[f.field] ?? 0) + 1;
  }
  return {
    mode,
    sources: prepared.map((s) => ({ name: s.name, rows: s.table.rowCount })),
    matchRate: summary.matchRate,
    matched: summary.matched,
    perfect: summary.perfect,
    withinTolerance: summary.withinTolerance,
    breaks: summary.breaks,
    byKind: Object.fromEntries(BREAK_KINDS.map((k) => [k, summary.byKind[k] ?? 0])) as Record<BreakKind, number>,
    byField,
    sampleBreaks: result.breaks.slice(0, SAMPLE_BREAKS),
    findings: result.findings,
  };
}

export const isLiveMatch = (v: unknown): v is LiveMatch => typeof v === 'object' && v !== null && 'matchRate' in v;

/** A break kind as the strip names it, with the sources it concerns. */
export function breakKindLabel({ kind, live }: { kind: BreakKind; live: Pick<LiveMatch, 'mode' | 'sources'> }): string {
  const [first, second] = live.sources.map((s) => s.name);
  switch (kind) {
    case 'only-left': return live.mode === 'two-way' ? `only in ${first}` : 'missing from a source';
    case 'only-right': return live.mode === 'two-way' ? `only in ${second}` : `missing from ${first}`;
    case 'field': return 'field differences';
    case 'duplicate': return 'duplicates';
    case 'ambiguous': return 'ambiguous';
    case 'aggregate': return 'aggregate differences';
  }
}

/** 0.875 → "87.5%", 1 → "100%". */
export const formatRate = (rate: number): string => `${Number((rate * 100).toFixed(1))}%`;
