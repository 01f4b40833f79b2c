import { sql, type Kysely } from 'kysely';

/**
 * Server runs and break review:
 * - breaks carry what the review grid needs without reading the run: the run's sources, the
 *   sources lacking the row, match suggestions, the names of fields outside tolerance (for the
 *   field filter and facet), the key values as one text (for search), and who resolved it when;
 * - break_comments: the discussion on a break, kept with it until the break is deleted;
 * - runs.heartbeat_at: a running run's process touches it, so a run left behind by a process
 *   that died is recognised (no heartbeat for a while) and marked failed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('breaks')
    .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('missing', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('suggestions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('field_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('key_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('breaks_run_kind_idx').on('breaks').columns(['run_id', 'kind']).execute();
  await db.schema.createIndex('breaks_run_cluster_idx').on('breaks').columns(['run_id', 'cluster']).execute();
  await db.schema.createIndex('breaks_assignee_idx').on('breaks').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('breaks_created_idx').on('breaks').column('created_at').execute();
  await sql`create index breaks_field_names_idx on breaks using gin (field_names)`.execute(db);

  await db.schema
    .createTable('break_comments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('break_id', 'bigint', (c) => c.notNull().references('breaks.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('break_comments_break_idx').on('break_comments').column('break_id').execute();

  await db.schema.alterTable('runs').addColumn('heartbeat_at', 'timestamptz').execute();
  await db.schema.createIndex('runs_status_idx').on('runs').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('runs_status_idx').execute();
  await db.schema.alterTable('runs').dropColumn('heartbeat_at').execute();
  await db.schema.dropTable('break_comments').execute();
  for (const index of ['breaks_field_names_idx', 'breaks_created_idx', 'breaks_assignee_idx', 'breaks_run_cluster_idx', 'breaks_run_kind_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('breaks')
    .dropColumn('sources').dropColumn('missing').dropColumn('suggestions').dropColumn('field_names')
    .dropColumn('key_text').dropColumn('resolved_at').dropColumn('resolved_by')
    .execute();
}
