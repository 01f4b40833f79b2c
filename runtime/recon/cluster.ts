/**
 * Root-cause signatures, so 4,000 breaks read as a dozen stories. A signature is the break's kind,
 * then for each field outside tolerance (sorted by name) its direction and magnitude bucket, then
 * the values of the cluster-by columns (e.g. Product):
 *   field|Price:+1tick|Product=ES          every ES price one tick higher on the left
 *   field|Qty:-1e2                         quantities about a hundred lower on the left
 *   only-right|Product=NQ                  NQ rows the left never booked
 * Buckets: a measured unit (ticks, bps, business days) up to 5 by its whole count, beyond that
 * and for plain differences by power of ten. Same causes give the same signature across runs.
 */
import { columnByName } from '../table/table';
import type { FindingSink } from './reference-tables';
import type { BreakField, BreakKind, CellValue, ReconSource } from './types';

export interface ClusterInput {
  readonly kind: BreakKind;
  /** The fields outside tolerance. */
  readonly broken: readonly BreakField[];
  readonly by: readonly (readonly [string, CellValue])[];
  readonly left: string;
  readonly right: string;
  /** Extra signature parts with their words, e.g. N-way's missing sources: ['missing', 'ccp']. */
  readonly extra?: readonly (readonly [string, string])[];
  /** Overrides the kind's lead words ("Only in internal"). */
  readonly lead?: string;
}

const UNIT_SHORT: Record<string, string> = { ticks: 'tick', bps: 'bp', 'business days': 'bd', '%': 'pct' };

function decade(x: number): number {
  return Math.floor(Math.log10(x) + 1e-12);
}

function bucket(f: BreakField): { code: string; words: string } {
  if (f.left === null) return { code: 'blank-left', words: 'blank' };
  if (f.right === null) return { code: 'blank-right', words: 'blank' };
  if (f.diff === null) return { code: '≠', words: 'different' };
  const sign = f.diff > 0 ? '+' : '-';
  const m = f.measure;
  if (m && UNIT_SHORT[m.unit] && m.unit !== '%') {
    const v = Math.abs(m.value);
    if (v <= 5) {
      const n = Math.ceil(v - 1e-9);
      return { code: `${sign}${n}${UNIT_SHORT[m.unit]}`, words: `${n} ${n === 1 ? m.unit.replace(/s$/, '').replace(/^bps$/, 'bp') : m.unit}` };
    }
    const e = decade(v);
    return { code: `${sign}1e${e}${UNIT_SHORT[m.unit]}`, words: `about ${10 ** e} ${m.unit}` };
  }
  const d = Math.abs(f.diff);
  const e = decade(d);
  return { code: `${sign}1e${e}`, words: `about ${e < 0 ? (10 ** e).toFixed(-e) : 10 ** e}` };
}

export function clusterOf(input: ClusterInput): { signature: string; description: string } {
  const fields = [...input.broken].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const parts: string[] = [input.kind];
  const words: string[] = [];
  for (const f of fields) {
    const b = bucket(f);
    parts.push(`${f.field}:${b.code}`);
    if (b.code === 'blank-left') words.push(`${f.field} blank in ${input.left}`);
    else if (b.code === 'blank-right') words.push(`${f.field} blank in ${input.right}`);
    else if (b.code === '≠') words.push(`${f.field} differs`);
    else words.push(`${f.field} ${f.diff! > 0 ? 'higher' : 'lower'} in ${input.left} by ${b.words}`);
  }
  for (const [name, value] of input.extra ?? []) parts.push(`${name}=${value}`);
  const by = input.by.filter(([, v]) => v !== null);
  for (const [col, v] of by) parts.push(`${col}=${String(v)}`);
  const lead: Record<BreakKind, string> = {
    'only-left': `Only in ${input.left}`,
    'only-right': `Only in ${input.right}`,
    field: 'Fields differ',
    aggregate: 'Totals differ',
    duplicate: 'Duplicate keys',
    ambiguous: 'Ambiguous pairing',
  };
  const head = input.lead ?? lead[input.kind];
  const what = words.length === 0 ? head : input.kind === 'field' && !input.lead ? words.join('; ') : `${head}: ${words.join('; ')}`;
  const notes = [...(input.extra ?? []).map(([n, v]) => `${n} ${v}`), ...by.map(([c, v]) => `${c} ${String(v)}`)];
  const where = notes.length ? ` (${notes.join(', ')})` : '';
  return { signature: parts.join('|'), description: `${what}${where}` };
}

/** A cluster-by column no source has is a template mistake worth saying. */
export function checkClusterBy(clusterBy: readonly string[] | undefined, sources: readonly ReconSource[], report: FindingSink): void {
  for (const name of clusterBy ?? []) {
    if (sources.some((s) => columnByName(s.table, name))) continue;
    report({ code: 'recon.unknown-cluster-column', severity: 'warning', message: `Cluster-by column \`${name}\` is in none of the sources, so it does not split clusters: map it, or remove it from clusterBy.`, location: { source: 'template', path: '$.match.clusterBy' } });
  }
}
