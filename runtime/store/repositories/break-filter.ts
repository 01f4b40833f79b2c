import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { BreakFilterSchema } from '../../recon/break-view';

/**
 * The review grid's filter as SQL over `breaks as b`: one place, so the page, its facets, its
 * total and the export always agree on which breaks match. Every value is a bound parameter.
 */
export type BreakQuery = Omit<z.output<typeof BreakFilterSchema>, 'sort'> & {
  readonly sort?: z.output<typeof BreakFilterSchema>['sort'];
  /** Only these breaks (for reading back one break or the ones just changed). */
  readonly ids?: readonly number[];
};

/** LIKE's wildcards in user text match themselves. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function breakWhere(f: BreakQuery): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.ids) parts.push(f.ids.length ? sql`b.id in (${sql.join(f.ids)})` : sql`false`);
  if (f.runId) parts.push(sql`b.run_id = ${f.runId}`);
  if (f.kind?.length) parts.push(sql`b.kind in (${sql.join(f.kind)})`);
  if (f.field) parts.push(sql`b.field_names @> array[${f.field}]::text[]`);
  if (f.cluster !== undefined) parts.push(sql`b.cluster = ${f.cluster}`);
  if (f.severity?.length) parts.push(sql`b.severity in (${sql.join(f.severity)})`);
  if (f.status?.length) parts.push(sql`b.status in (${sql.join(f.status)})`);
  if (f.assignee === 'none') parts.push(sql`b.assignee_id is null`);
  else if (f.assignee) parts.push(sql`b.assignee_id = ${f.assignee}`);
  if (f.minAgeDays) parts.push(sql`b.created_at <= now() - make_interval(days => ${f.minAgeDays})`);
  const search = f.search?.trim();
  if (search) parts.push(sql`b.key_text ilike ${`%${likeEscape(search)}%`}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

const SEVERITY_RANK = sql`case b.severity when 'error' then 3 when 'warning' then 2 else 1 end`;
const STATUS_RANK = sql`case b.status when 'open' then 1 when 'assigned' then 2 else 3 end`;

/** ORDER BY for the grid's sort, with the id last so pages never overlap or skip. */
export function breakOrder(sort: BreakQuery['sort'] = { by: 'severity', dir: 'desc' }): RawBuilder<unknown> {
  const dir = sql.raw(sort.dir === 'asc' ? 'asc' : 'desc');
  switch (sort.by) {
    // Age ascending is youngest first: the newest created_at.
    case 'age': return sql`b.created_at ${sql.raw(sort.dir === 'asc' ? 'desc' : 'asc')}, b.id`;
    case 'severity': return sql`${SEVERITY_RANK} ${dir}, b.id`;
    case 'status': return sql`${STATUS_RANK} ${dir}, b.id`;
    case 'kind': return sql`b.kind ${dir}, b.id`;
    case 'cluster': return sql`b.cluster ${dir}, b.id`;
  }
}
