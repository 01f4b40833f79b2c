import { sql, type Kysely, type Selectable } from 'kysely';
import type { BreakFacets, BreakPage, BreakStatus, BreakView, BreakViewField, BreakViewRow, BreakViewSuggestion } from '../../recon/break-view';
import type { BreaksTable, Database } from '../schema';
import { breakOrder, breakWhere, type BreakQuery } from './break-filter';

/**
 * Stored breaks as the review grid reads them (BreakView), and the run's bulk insert. The key is
 * stored as [name, value] pairs because jsonb reorders object keys and the grid shows the key
 * parts in the template's order.
 */
export type NewBreak = Pick<BreakView, 'kind' | 'severity' | 'cluster' | 'key' | 'sources' | 'missing' | 'fields' | 'lineage' | 'suggestions'>;

/** Rows per INSERT statement. */
export const BREAK_INSERT_BATCH = 500;
const MAX_CLUSTER_FACETS = 100;

export interface BreakExportShape {
  readonly keyNames: readonly string[];
  readonly sources: readonly string[];
  /** Fields outside tolerance somewhere in the filtered set, in the template's rule order (runs' summary `match.fields`). */
  readonly fields: readonly string[];
}

type Row = Selectable<BreaksTable> & { assignee_email: string | null };

const keyOf = (raw: unknown): Record<string, string> =>
  Array.isArray(raw) ? Object.fromEntries(raw as [string, string][]) : { ...(raw as Record<string, string>) };

function toView(r: Row, commentCount: number): BreakView {
  return {
    id: r.id, runId: r.run_id, kind: r.kind, severity: r.severity as BreakView['severity'], cluster: r.cluster ?? '',
    key: keyOf(r.key), sources: r.sources, missing: r.missing,
    fields: r.fields as BreakViewField[], lineage: r.lineage as Record<string, BreakViewRow[]>, suggestions: r.suggestions as BreakViewSuggestion[],
    status: r.status, assignee: r.assignee_id && r.assignee_email ? { id: r.assignee_id, email: r.assignee_email } : null,
    reason: r.reason, commentCount, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

export function breaksRepository(db: Kysely<Database>) {
  /**
   * A sorted page in two steps: the page's ids (sorting narrow rows), then those rows whole,
   * so sorting 100k breaks never drags their JSON along.
   */
  async function views({ filter, limit, offset }: { filter: BreakQuery; limit: number; offset: number }): Promise<BreakView[]> {
    const page = await db.selectFrom('breaks as b').select('b.id').where(breakWhere(filter)).orderBy(breakOrder(filter.sort)).limit(limit).offset(offset).execute();
    return byIds({ ids: page.map((r) => r.id) });
  }

  /** Breaks by id, in the order given; ids that do not exist are left out. */
  async function byIds({ ids }: { ids: readonly number[] }): Promise<BreakView[]> {
    if (ids.length === 0) return [];
    const found = await db.selectFrom('breaks as b').leftJoin('users as u', 'u.id', 'b.assignee_id')
      .selectAll('b').select('u.email as assignee_email')
      .where('b.id', 'in', ids)
      .execute() as Row[];
    const counts = await db.selectFrom('break_comments').select((eb) => ['break_id', eb.fn.countAll<number>().as('n')])
      .where('break_id', 'in', ids).groupBy('break_id').execute();
    const comments = new Map(counts.map((c) => [Number(c.break_id), c.n]));
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toView(r, comments.get(id) ?? 0)] : [];
    });
  }

  /** Counts over the whole filtered set (paging ignored): one scan with grouping sets, one for fields. */
  async function facets(filter: BreakQuery): Promise<{ total: number; facets: BreakFacets }> {
    const where = breakWhere(filter);
    const grouped = await sql<{ kind: string | null; severity: string | null; status: string | null; cluster: string | null; g: number; n: number }>`
      select b.kind, b.severity, b.status, b.cluster,
             grouping(b.kind, b.severity, b.status, b.cluster) as g, count(*) as n
      from breaks b where ${where}
      group by grouping sets ((b.kind), (b.severity), (b.status), (b.cluster))`.execute(db);
    const fields = await sql<{ field: string; n: number }>`
      select f as field, count(*) as n from breaks b cross join unnest(b.field_names) as f
      where ${where} group by f order by n desc, f`.execute(db);
    const kind: Record<string, number> = {};
    const severity: Record<string, number> = {};
    const status: Record<string, number> = {};
    const cluster: { signature: string; count: number }[] = [];
    let total = 0;
    // grouping() is a bit mask over (kind, severity, status, cluster): 0b0111 means "by kind".
    for (const r of grouped.rows) {
      const g = Number(r.g);
      if (g === 0b0111) { kind[r.kind!] = r.n; total += r.n; }
      else if (g === 0b1011) severity[r.severity!] = r.n;
      else if (g === 0b1101) status[r.status!] = r.n;
      else if (g === 0b1110) cluster.push({ signature: r.cluster ?? '', count: r.n });
    }
    cluster.sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature));
    return { total, facets: { kind, severity, status, field: Object.fromEntries(fields.rows.map((r) => [r.field, r.n])), cluster: cluster.slice(0, MAX_CLUSTER_FACETS) } };
  }

  return {
    views,
    byIds,
    facets,

    async page({ filter, limit, offset }: { filter: BreakQuery; limit: number; offset: number }): Promise<BreakPage> {
      const [rows, counted] = [await views({ filter, limit, offset }), await facets(filter)];
      return { rows, total: counted.total, facets: counted.facets };
    },

    async get({ id }: { id: number }): Promise<BreakView | undefined> {
      const [view] = await views({ filter: { ids: [id] }, limit: 1, offset: 0 });
      return view;
    },

    async count(filter: BreakQuery): Promise<number> {
      const { n } = await db.selectFrom('breaks as b').select((eb) => eb.fn.countAll<number>().as('n')).where(breakWhere(filter)).executeTakeFirstOrThrow();
      return n;
    },

    /**
     * Inserts a run's breaks in batches; call inside the run's finishing transaction. Each batch
     * travels as one JSON parameter expanded by jsonb_to_recordset: thousands of small bound
     * parameters per statement cost far more to send and parse than one document.
     */
    async insertMany({ runId, breaks }: { runId: string; breaks: readonly NewBreak[] }): Promise<number> {
      for (let at = 0; at < breaks.length; at += BREAK_INSERT_BATCH) {
        const batch = breaks.slice(at, at + BREAK_INSERT_BATCH).map((b) => {
          const key = Object.entries(b.key);
          return {
            kind: b.kind, severity: b.severity, cluster: b.cluster, key, key_text: key.map(([, v]) => v).join(' '),
            sources: b.sources, missing: b.missing, fields: b.fields, lineage: b.lineage, suggestions: b.suggestions,
            field_names: [...new Set(b.fields.filter((f) => !f.withinTolerance).map((f) => f.field))],
          };
        });
        await sql`
          insert into breaks (run_id, kind, severity, cluster, key, key_text, sources, missing, fields, lineage, suggestions, field_names)
          select ${runId}::uuid, r.kind, r.severity, r.cluster, r.key, r.key_text, r.sources, r.missing, r.fields, r.lineage, r.suggestions,
                 array(select jsonb_array_elements_text(r.field_names))
          from rows from (jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as (kind text, severity text, cluster text, key jsonb, key_text text,
               sources jsonb, missing jsonb, fields jsonb, lineage jsonb, suggestions jsonb, field_names jsonb)) with ordinality
               as r(kind, severity, cluster, key, key_text, sources, missing, fields, lineage, suggestions, field_names, n)
          order by r.n`.execute(db);
      }
      return breaks.length;
    },

    /** The ids of every break the filter matches, in its sort order (the export walks these). */
    async ids({ filter, limit }: { filter: BreakQuery; limit: number }): Promise<number[]> {
      const rows = await db.selectFrom('breaks as b').select('b.id').where(breakWhere(filter)).orderBy(breakOrder(filter.sort)).limit(limit).execute();
      return rows.map((r) => r.id);
    },

    /** Key names, sources and broken fields across the filtered set: the export's columns. */
    async exportShape(filter: BreakQuery): Promise<BreakExportShape> {
      const where = breakWhere(filter);
      const shapes = await sql<{ keys: string[] | null; sources: string[] }>`
        select distinct (select jsonb_agg(e.v->>0 order by e.o) from jsonb_array_elements(b.key) with ordinality as e(v, o)) as keys, b.sources
        from breaks b where ${where}`.execute(db);
      const broken = await sql<{ field: string }>`
        select distinct f as field from breaks b cross join unnest(b.field_names) as f where ${where}`.execute(db);
      // Column order is the template's rule order, which each run records in its summary.
      const orders = await sql<{ fields: string[] | null }>`
        select distinct r.summary->'match'->'fields' as fields from runs r
        where r.id in (select distinct b.run_id from breaks b where ${where})`.execute(db);
      const order = [...new Set(orders.rows.flatMap((r) => (Array.isArray(r.fields) ? r.fields : [])))];
      const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
      const fields = broken.rows.map((r) => r.field).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      const union = (lists: readonly (readonly string[] | null)[]) => [...new Set(lists.flatMap((l) => l ?? []))];
      return { keyNames: union(shapes.rows.map((r) => r.keys)), sources: union(shapes.rows.map((r) => r.sources)), fields };
    },

    async countByStatus(): Promise<Record<BreakStatus, number>> {
      const rows = await db.selectFrom('breaks').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const out = { open: 0, assigned: 0, resolved: 0 };
      for (const r of rows) out[r.status] = r.n;
      return out;
    },
  };
}

export type BreaksRepository = ReturnType<typeof breaksRepository>;
