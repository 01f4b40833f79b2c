import { sql, type Kysely } from 'kysely';

/**
 * Working drafts: the editor autosaves each person's unsaved edits of a template here, so a
 * closed tab or a crash loses nothing, without turning every keystroke into a version.
 * "Save version" turns the working draft into a numbered version (audited) and clears it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('template_working_drafts')
    .addColumn('template_id', 'uuid', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('document', 'jsonb', (c) => c.notNull())
    // The version the edits started from, so the editor can say "based on v3".
    .addColumn('base_version_id', 'uuid', (c) => c.references('template_versions.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('template_working_drafts_pk', ['template_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('template_working_drafts').execute();
}
