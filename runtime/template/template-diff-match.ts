/**
 * Template diff of the match: keys by name with their per-source formulas, tolerance rules and
 * rule sets as plain-English sentences (describeRule) with the fields behind them, severity rules,
 * and the match settings (sources in order, duplicates, aggregation, cluster columns).
 */
import { describeRule } from '../recon/rule-sentence';
import type { DescribeContext } from '../recon/tolerance/types';
import type { RuleData } from '../recon/types';
import { MatchKeySchema, MatchSchema, ToleranceRuleSchema } from './schema';
import { describeSeverityRule } from './template-diff-severity';
import {
  comparedAsJson, compareField, emitAddedRemoved, emitRenames, emitWhole, compareRest, compareWhole, field, humanise, isRecord, itemText, jsonText, listOf, matchItems, normalise, pathOf, recordOf, reordered, sameValue, valueText,
  type DiffSection, type Emit, type Entry, type Json, type Path,
} from './template-diff-support';
import type { SourceRenames } from './template-diff-sections';

const MATCH_FIELDS = ['sources', 'keys', 'rules', 'ruleSets', 'aggregate', 'duplicates', 'severityRules', 'clusterBy'];

/** The match read through its schema (defaults filled where valid), or null when it is not an object. */
export function readMatch(v: unknown): Json | null {
  if (v === undefined) return {};
  return isRecord(v) ? normalise(MatchSchema.shape, v) : null;
}

/** Who a rule sentence may name: "of the broker value" in a one-sided relative rule. */
export function describeContext(match: Json): DescribeContext {
  const sources = Array.isArray(match.sources) ? match.sources : [];
  return { left: typeof sources[0] === 'string' ? sources[0] : undefined, right: typeof sources[1] === 'string' ? sources[1] : undefined };
}

export function diffMatchSettings(emit: Emit, c: { before: Json; after: Json }): void {
  const path = ['match'];
  compareField(emit, { section: 'settings', path: [...path, 'sources'], label: 'Match › sources in order', before: c.before.sources, after: c.after.sources });
  compareField(emit, { section: 'settings', path: [...path, 'duplicates'], label: 'Match › duplicates', before: c.before.duplicates, after: c.after.duplicates });
  compareField(emit, { section: 'settings', path: [...path, 'aggregate'], label: 'Match › aggregate', before: aggregateText(c.before.aggregate), after: aggregateText(c.after.aggregate) });
  compareField(emit, { section: 'settings', path: [...path, 'clusterBy'], label: 'Match › cluster by', before: c.before.clusterBy, after: c.after.clusterBy });
  compareRest(emit, { section: 'settings', path, label: 'Match', before: c.before, after: c.after, known: MATCH_FIELDS });
}

function aggregateText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (isRecord(v) && typeof v.side === 'string' && Array.isArray(v.fields)) return `${valueText(v.fields)} summed on ${v.side}`;
  return jsonText(v);
}

export function diffKeys(emit: Emit, c: { before: unknown; after: unknown; renames: SourceRenames }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'keys', path: ['match', 'keys'], label: 'Match keys', before: c.before, after: c.after });
  const m = matchItems({ before, after, identity: (v) => field(v, 'name'), likeness: (v) => (isRecord(v) && isRecord(v.formulas) ? jsonText(v.formulas) : undefined) });
  const label = (e: Entry) => field(e.value, 'name') ?? `Key ${e.index + 1}`;
  emitAddedRemoved(emit, m, {
    section: 'keys', path: (e) => ['match', 'keys', e.index], label,
    show: (v) => {
      const f = recordOf(v.formulas);
      if (!f) return { text: jsonText(v), format: 'json' };
      const per = Object.entries(f).map(([src, text]) => ({ name: src, text: valueText(text) }));
      return { text: per.map((d) => `${d.name}: ${d.text}`).join(' · ') || 'no formulas yet', format: 'text', details: per };
    },
  });
  emitRenames(emit, m, { section: 'keys', path: (e) => ['match', 'keys', e.index, 'name'], label });
  const olderName = new Map([...c.renames].map(([old, now]) => [now, old]));
  for (const p of [...m.pairs, ...m.renamed]) {
    if (comparedAsJson(emit, { section: 'keys', path: ['match', 'keys', p.after.index], label: label(p.after), before: p.before.value, after: p.after.value })) continue;
    const b = normalise(MatchKeySchema.shape, p.before.value);
    const a = normalise(MatchKeySchema.shape, p.after.value);
    const name = label(p.after);
    const path = ['match', 'keys', p.after.index];
    const bf = recordOf(b.formulas);
    const af = recordOf(a.formulas);
    if (!bf || !af) compareWhole(emit, { section: 'keys', path: [...path, 'formulas'], label: `${name} › formulas`, before: b.formulas, after: a.formulas });
    else {
      const seen = new Set<string>();
      for (const src of Object.keys(af)) {
        const old = olderName.has(src) && olderName.get(src)! in bf ? olderName.get(src)! : src;
        seen.add(old);
        compareField(emit, { section: 'keys', path: [...path, 'formulas', src], label: `${name} › ${src}`, before: bf[old], after: af[src], format: 'formula' });
      }
      for (const src of Object.keys(bf)) if (!seen.has(src)) compareField(emit, { section: 'keys', path: [...path, 'formulas', src], label: `${name} › ${src}`, before: bf[src], after: undefined, format: 'formula' });
    }
    for (const key of ['trim', 'ignoreCase', 'stripLeadingZeros', 'aliases']) compareField(emit, { section: 'keys', path: [...path, key], label: `${name} › ${humanise(key)}`, before: b[key], after: a[key] });
    compareRest(emit, { section: 'keys', path, label: name, before: b, after: a, known: ['name', 'formulas', 'trim', 'ignoreCase', 'stripLeadingZeros', 'aliases'] });
  }
}

/** A rule with its kind's defaults filled in, when its kind is known. */
function readRule(v: unknown): Json | unknown {
  if (!isRecord(v)) return v;
  const kind = isRecord(v) ? v.kind : undefined;
  const option = ToleranceRuleSchema.options.find((o) => o.shape.kind.value === kind);
  return normalise(option?.shape, v);
}

function sentence(rule: unknown, ctx: DescribeContext): string {
  if (!isRecord(rule) || typeof rule.field !== 'string') return jsonText(rule);
  try {
    return describeRule(rule as unknown as RuleData, ctx);
  } catch {
    // A half-written rule a kind cannot describe: show what is written.
    return jsonText(rule);
  }
}

const ruleFields = (rule: unknown) => Object.entries(isRecord(rule) ? rule : {}).filter(([k]) => k !== 'field').map(([k, v]) => ({ name: humanise(k), text: valueText(v) }));

export function diffRules(emit: Emit, c: { section: DiffSection; path: Path; prefix: string; before: unknown; after: unknown; ctx: { before: DescribeContext; after: DescribeContext } }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: c.section, path: c.path, label: `${c.prefix}rules`, before: c.before, after: c.after });
  // Identity is field + kind; a field whose kind changed pairs up by field alone.
  const m = matchItems({ before, after, identity: (v) => (field(v, 'field') ? `${field(v, 'field')}\u0000${valueText(isRecord(v) ? v.kind : undefined)}` : undefined), likeness: (v) => field(v, 'field') });
  const label = (e: Entry) => `${c.prefix}${field(e.value, 'field') ?? `rule ${e.index + 1}`}`;
  for (const [list, change, ctx] of [[m.removed, 'removed', c.ctx.before], [m.added, 'added', c.ctx.after]] as const) {
    for (const e of list) {
      emitWhole(emit, { section: c.section, change, path: [...c.path, e.index], label: label(e), value: e.value, show: (v) => ({ text: sentence(readRule(v), ctx), format: 'sentence', details: ruleFields(readRule(v)) }) });
    }
  }
  for (const p of [...m.pairs, ...m.renamed]) {
    const b = readRule(p.before.value);
    const a = readRule(p.after.value);
    if (sameValue(b, a)) continue;
    const bf: Json = isRecord(b) ? b : {};
    const af: Json = isRecord(a) ? a : {};
    const details = [...new Set([...Object.keys(bf), ...Object.keys(af)])].filter((k) => !sameValue(bf[k], af[k])).map((k) => ({ name: humanise(k), before: valueText(bf[k]), after: valueText(af[k]) }));
    emit({ section: c.section, change: 'changed', path: pathOf([...c.path, p.after.index]), label: label(p.after), before: sentence(b, c.ctx.before), after: sentence(a, c.ctx.after), format: 'sentence', details });
  }
}

export function diffRuleSets(emit: Emit, c: { before: unknown; after: unknown; ctx: { before: DescribeContext; after: DescribeContext } }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'ruleSets', path: ['match', 'ruleSets'], label: 'Rule sets', before: c.before, after: c.after });
  const m = matchItems({ before, after, identity: (v) => field(v, 'name'), likeness: (v) => (isRecord(v) ? jsonText({ when: v.when, rules: v.rules }) : undefined) });
  const label = (e: Entry) => field(e.value, 'name') ?? `Rule set ${e.index + 1}`;
  for (const [list, change, ctx] of [[m.removed, 'removed', c.ctx.before], [m.added, 'added', c.ctx.after]] as const) {
    for (const e of list) {
      emitWhole(emit, {
        section: 'ruleSets', change, path: ['match', 'ruleSets', e.index], label: label(e), value: e.value,
        show: (v) => {
          const rules = Array.isArray(v.rules) ? v.rules : [];
          return {
            ...itemText(v, 'when'),
            summary: `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`,
            details: rules.map((r, i) => ({ name: field(r, 'field') ?? `rule ${i + 1}`, text: sentence(readRule(r), ctx) })),
          };
        },
      });
    }
  }
  emitRenames(emit, m, { section: 'ruleSets', path: (e) => ['match', 'ruleSets', e.index, 'name'], label });
  for (const p of m.pairs) {
    const name = label(p.after);
    if (comparedAsJson(emit, { section: 'ruleSets', path: ['match', 'ruleSets', p.after.index], label: name, before: p.before.value, after: p.after.value })) continue;
    const b = p.before.value as Json;
    const a = p.after.value as Json;
    const path = ['match', 'ruleSets', p.after.index];
    compareField(emit, { section: 'ruleSets', path: [...path, 'when'], label: `${name} › when`, before: b.when, after: a.when, format: 'formula' });
    diffRules(emit, { section: 'ruleSets', path: [...path, 'rules'], prefix: `${name} › `, before: b.rules, after: a.rules, ctx: c.ctx });
    compareRest(emit, { section: 'ruleSets', path, label: name, before: b, after: a, known: ['name', 'when', 'rules'] });
  }
  if (reordered(m.pairs)) {
    const names = (side: 'before' | 'after') => [...m.pairs].sort((x, y) => x[side].index - y[side].index).map((p) => label(p.after)).join(', ');
    // The first rule set whose filter holds wins, so the order is part of the meaning.
    emit({ section: 'ruleSets', change: 'changed', path: pathOf(['match', 'ruleSets']), label: 'Rule set order', before: names('before'), after: names('after'), format: 'text' });
  }
}

export function diffSeverityRules(emit: Emit, c: { before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'rules', path: ['match', 'severityRules'], label: 'Severity rules', before: c.before, after: c.after });
  // Same content pairs first; what is left pairs in order (a rule edited in place).
  const m = matchItems({ before, after, identity: (v) => jsonText(v), likeness: () => 'severity rule' });
  const label = (e: Entry) => `Severity rule ${e.index + 1}`;
  const path = (e: Entry) => pathOf(['match', 'severityRules', e.index]);
  for (const e of m.added) emit({ section: 'rules', change: 'added', path: path(e), label: label(e), after: describeSeverityRule(e.value), format: 'sentence' });
  for (const e of m.removed) emit({ section: 'rules', change: 'removed', path: path(e), label: label(e), before: describeSeverityRule(e.value), format: 'sentence' });
  for (const p of m.renamed) emit({ section: 'rules', change: 'changed', path: path(p.after), label: label(p.after), before: describeSeverityRule(p.before.value), after: describeSeverityRule(p.after.value), format: 'sentence' });
  if (reordered(m.pairs)) {
    const list = (side: 'before' | 'after') => [...m.pairs].sort((x, y) => x[side].index - y[side].index).map((p) => describeSeverityRule(p.after.value)).join('; ');
    // The first severity rule that holds wins.
    emit({ section: 'rules', change: 'changed', path: pathOf(['match', 'severityRules']), label: 'Severity rule order', before: list('before'), after: list('after'), format: 'text' });
  }
}
