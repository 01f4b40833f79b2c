import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TemplateVersionsTable, VersionStatus } from '../schema';

/**
 * Template versions and their maker-checker lifecycle:
 *   draft → submitted → approved → active      (or submitted → rejected, with a comment)
 * Every status change is a guarded update (`where status = <expected>`), so two reviewers acting
 * at once cannot both succeed; the caller learns which state it found instead.
 */
export interface TemplateVersionRecord {
  readonly id: string;
  readonly templateId: string;
  readonly version: number;
  readonly status: VersionStatus;
  readonly document: unknown;
  readonly contentHash: string;
  readonly message: string;
  readonly authorId: string | null;
  readonly authorEmail: string | null;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly reviewedBy: string | null;
  readonly reviewerEmail: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewComment: string | null;
  readonly activatedAt: Date | null;
  readonly activatedBy: string | null;
}

type Row = Selectable<TemplateVersionsTable> & { author_email: string | null; reviewer_email: string | null };

const toRecord = (r: Row): TemplateVersionRecord => ({
  id: r.id, templateId: r.template_id, version: r.version, status: r.status, document: r.document,
  contentHash: r.content_hash, message: r.message, authorId: r.author_id, authorEmail: r.author_email,
  createdAt: r.created_at, submittedAt: r.submitted_at, reviewedBy: r.reviewed_by, reviewerEmail: r.reviewer_email,
  reviewedAt: r.reviewed_at, reviewComment: r.review_comment, activatedAt: r.activated_at, activatedBy: r.activated_by,
});

export function templateVersionsRepository(db: Kysely<Database>) {
  const select = () => db.selectFrom('template_versions as v')
    .leftJoin('users as a', 'a.id', 'v.author_id')
    .leftJoin('users as r', 'r.id', 'v.reviewed_by')
    .selectAll('v')
    .select(['a.email as author_email', 'r.email as reviewer_email']);

  async function get({ id }: { id: string }): Promise<TemplateVersionRecord | undefined> {
    const row = await select().where('v.id', '=', id).executeTakeFirst();
    return row && toRecord(row as Row);
  }

  return {
    get,

    /** A new template with no versions yet (call in a transaction, then `insertNext`). */
    async insertTemplate(input: { name: string; kind: string; description: string; createdBy: string | null }): Promise<{ id: string }> {
      return db.insertInto('templates')
        .values({ name: input.name, kind: input.kind, description: input.description, origin: 'user', created_by: input.createdBy })
        .returning('id').executeTakeFirstOrThrow();
    },

    async getTemplate({ id }: { id: string }) {
      return db.selectFrom('templates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    },

    /**
     * Inserts the template's next version as a draft. Locks the template row first, so two
     * saves at once get consecutive numbers rather than a unique-key error.
     */
    async insertNext(input: { templateId: string; document: unknown; contentHash: string; message: string; authorId: string | null }): Promise<TemplateVersionRecord | undefined> {
      const template = await db.selectFrom('templates').select('id').where('id', '=', input.templateId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
      if (!template) return undefined;
      const { max } = await db.selectFrom('template_versions').select((eb) => eb.fn.max('version').as('max')).where('template_id', '=', input.templateId).executeTakeFirstOrThrow();
      const { id } = await db.insertInto('template_versions').values({
        template_id: input.templateId, version: (max ?? 0) + 1, status: 'draft', document: JSON.stringify(input.document),
        content_hash: input.contentHash, message: input.message, author_id: input.authorId,
      }).returning('id').executeTakeFirstOrThrow();
      await db.updateTable('templates').set({ updated_at: sql`now()` }).where('id', '=', input.templateId).execute();
      return get({ id });
    },

    /** Replaces a draft's document; only while it is still a draft. */
    async updateDraft(input: { id: string; document: unknown; contentHash: string; message: string }): Promise<TemplateVersionRecord | undefined> {
      const row = await db.updateTable('template_versions')
        .set({ document: JSON.stringify(input.document), content_hash: input.contentHash, message: input.message })
        .where('id', '=', input.id).where('status', '=', 'draft').returning('id').executeTakeFirst();
      return row && get({ id: row.id });
    },

    async listForTemplate({ templateId }: { templateId: string }): Promise<TemplateVersionRecord[]> {
      const rows = await select().where('v.template_id', '=', templateId).orderBy('v.version', 'desc').execute();
      return rows.map((r) => toRecord(r as Row));
    },

    /** Versions in any of `statuses` of every live template, newest first, in one query (the new-run page). */
    async listByStatus({ statuses }: { statuses: readonly VersionStatus[] }): Promise<(TemplateVersionRecord & { templateName: string; templateKind: string })[]> {
      const rows = await select()
        .innerJoin('templates as t', 't.id', 'v.template_id')
        .select(['t.name as template_name', 't.kind as template_kind'])
        .where('t.deleted_at', 'is', null)
        .where('v.status', 'in', [...statuses])
        // As the templates list orders them: people's own templates before the shipped starters.
        .orderBy('t.origin', 'desc').orderBy('t.name').orderBy('v.version', 'desc')
        .execute();
      return rows.map((r) => ({ ...toRecord(r as Row), templateName: r.template_name, templateKind: r.template_kind }));
    },

    /** Moves a version from `from` to `to`; undefined when it was not in `from` (someone else acted). */
    async transition(input: { id: string; from: VersionStatus; to: 'submitted' | 'approved' | 'rejected'; reviewerId?: string | null; comment?: string | null; at: Date }): Promise<TemplateVersionRecord | undefined> {
      const review = input.to === 'submitted'
        ? { submitted_at: input.at, reviewed_by: null, reviewed_at: null, review_comment: null }
        : { reviewed_by: input.reviewerId ?? null, reviewed_at: input.at, review_comment: input.comment ?? null };
      const row = await db.updateTable('template_versions').set({ status: input.to, ...review })
        .where('id', '=', input.id).where('status', '=', input.from).returning('id').executeTakeFirst();
      return row && get({ id: row.id });
    },

    /**
     * Makes an approved version the template's active one; the version active before it goes
     * back to approved (it can be re-activated to roll back). Call in a transaction.
     */
    async activate(input: { id: string; templateId: string; by: string | null; at: Date }): Promise<{ version: TemplateVersionRecord; previous: TemplateVersionRecord | undefined } | undefined> {
      await db.selectFrom('templates').select('id').where('id', '=', input.templateId).forUpdate().executeTakeFirst();
      const previous = await db.updateTable('template_versions').set({ status: 'approved' })
        .where('template_id', '=', input.templateId).where('status', '=', 'active').where('id', '!=', input.id)
        .returning('id').executeTakeFirst();
      const row = await db.updateTable('template_versions').set({ status: 'active', activated_at: input.at, activated_by: input.by })
        .where('id', '=', input.id).where('template_id', '=', input.templateId).where('status', '=', 'approved')
        .returning('id').executeTakeFirst();
      if (!row) return undefined;
      await db.updateTable('templates').set({ updated_at: sql`now()` }).where('id', '=', input.templateId).execute();
      return { version: (await get({ id: row.id }))!, previous: previous && (await get({ id: previous.id })) };
    },
  };
}

export type TemplateVersionsRepository = ReturnType<typeof templateVersionsRepository>;
