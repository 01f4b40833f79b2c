/**
 * `--tolerance field=kind:value` → the engine's rule data. Kept apart from the command so the
 * small grammar (and its error messages) can be read in one place.
 */
import type { RuleData } from '../../recon/index';
import { UsageError } from '../command';

/** The name the --tick-table file is attached under as a reference table. */
export const TICK_TABLE = 'ticks';

const KINDS = ['abs', 'rel', 'bps', 'ticks', 'days', 'exact'] as const;

export interface ToleranceOptions {
  readonly relMode: 'symmetric' | 'right';
  readonly tickKey: string;
  readonly hasTickTable: boolean;
}

export function parseTolerance(spec: string, o: ToleranceOptions): RuleData & { field: string } {
  const eq = spec.lastIndexOf('=');
  const field = spec.slice(0, eq).trim();
  const [kind, text, ...extra] = spec.slice(eq + 1).trim().split(':');
  const usage = `--tolerance takes FIELD=KIND:N with KIND one of ${KINDS.join(', ')} (e.g. price=abs:0.05); got "${spec}"`;
  if (eq <= 0 || !field || extra.length || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(usage);
  if (kind === 'exact') {
    if (text !== undefined) throw new UsageError(usage);
    return { field, kind: 'exact' };
  }
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`${usage}: N must be a number ≥ 0`);
  switch (kind) {
    case 'abs': return { field, kind, value };
    case 'bps': return { field, kind, value };
    case 'rel': return { field, kind, value, mode: o.relMode };
    case 'days':
      if (!Number.isInteger(value)) throw new UsageError(`${usage}: days must be a whole number`);
      return { field, kind, value };
    case 'ticks':
      // Tick sizes differ by product, so a ticks rule without the table would compare nothing.
      if (!o.hasTickTable) throw new UsageError(`--tolerance ${field}=ticks needs --tick-table FILE (columns product,tick_size).`);
      return { field, kind, value, tickTable: TICK_TABLE, tickKey: o.tickKey };
    default: throw new UsageError(usage);
  }
}
