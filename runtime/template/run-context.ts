/**
 * The run context a template's formulas see (formula/program.ts RunContext): TODAY() and NOW()
 * from the business date, so a run replays identically, and the template's reference tables
 * by column. Browser-safe: the runner and the studio preview build it the same way.
 */
import { serialFromYmd } from '../formula/library/dates';
import type { RunContext } from '../formula/program';
import type { Template } from './schema';

export function runContextFor({ businessDate, now, referenceTables = {} }: {
  businessDate: string;
  now?: Date;
  referenceTables?: Template['referenceTables'];
}): RunContext {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(businessDate);
  if (!m) throw new RangeError(`The business date must be YYYY-MM-DD, got ${JSON.stringify(businessDate)}`);
  const today = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  const at = now ? today + (now.getUTCHours() * 3600 + now.getUTCMinutes() * 60 + now.getUTCSeconds()) / 86400 : today;
  const tables = Object.fromEntries(Object.entries(referenceTables).map(([name, t]) =>
    [name, Object.fromEntries(t.columns.map((c, i) => [c, Object.freeze(t.rows.map((r) => r[i] ?? null))]))]));
  return Object.freeze({ today, now: at, tables });
}
