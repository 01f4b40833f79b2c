import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface WorkingDraft {
  readonly templateId: string;
  readonly userId: string;
  readonly document: unknown;
  readonly baseVersionId: string | null;
  readonly updatedAt: Date;
}

/** Autosaved, unversioned edits: one per person and template, replaced on every save. */
export function workingDraftsRepository(db: Kysely<Database>) {
  return {
    async get({ templateId, userId }: { templateId: string; userId: string }): Promise<WorkingDraft | undefined> {
      const r = await db.selectFrom('template_working_drafts').selectAll()
        .where('template_id', '=', templateId).where('user_id', '=', userId).executeTakeFirst();
      return r && { templateId: r.template_id, userId: r.user_id, document: r.document, baseVersionId: r.base_version_id, updatedAt: r.updated_at };
    },

    async save({ templateId, userId, document, baseVersionId }: { templateId: string; userId: string; document: unknown; baseVersionId: string | null }): Promise<Date> {
      const json = JSON.stringify(document);
      const r = await db.insertInto('template_working_drafts')
        .values({ template_id: templateId, user_id: userId, document: json, base_version_id: baseVersionId })
        .onConflict((oc) => oc.columns(['template_id', 'user_id']).doUpdateSet({ document: json, base_version_id: baseVersionId, updated_at: new Date() }))
        .returning('updated_at')
        .executeTakeFirstOrThrow();
      return r.updated_at;
    },

    async discard({ templateId, userId }: { templateId: string; userId: string }): Promise<boolean> {
      const r = await db.deleteFrom('template_working_drafts').where('template_id', '=', templateId).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
