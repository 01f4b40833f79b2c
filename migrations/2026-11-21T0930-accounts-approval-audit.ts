import { sql, type Kysely } from 'kysely';

/**
 * Accounts, maker-checker and the audit trail:
 * - auth_throttle: failed sign-ins per key (`email:<address>` and `ip:<address>`), for rate
 *   limiting and temporary lockout; keyed by email rather than user, so an unknown address is
 *   throttled exactly like a known one and lockout reveals nothing about which accounts exist;
 * - one email per person regardless of case;
 * - template versions: when submitted and activated, by whom; at most one active per template;
 * - audit_log: indexes for the audit page's filters, and a trigger refusing UPDATE and DELETE,
 *   so the log is append-only for the application (the hash chain catches anyone who bypasses it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await sql`create unique index users_email_lower_idx on users (lower(email))`.execute(db);
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .alterTable('template_versions')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('activated_at', 'timestamptz')
    .addColumn('activated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`create unique index template_versions_one_active_idx on template_versions (template_id) where status = 'active'`.execute(db);

  await db.schema.createIndex('audit_log_ts_idx').on('audit_log').column('ts').execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').column('action').execute();
  await sql`create index audit_log_actor_idx on audit_log (lower(actor))`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
  for (const index of ['audit_log_actor_idx', 'audit_log_action_idx', 'audit_log_ts_idx', 'template_versions_one_active_idx', 'sessions_expires_idx', 'users_email_lower_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('template_versions').dropColumn('submitted_at').dropColumn('activated_at').dropColumn('activated_by').execute();
  await db.schema.dropTable('auth_throttle').execute();
}
