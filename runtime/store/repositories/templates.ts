import { sql, type Kysely } from 'kysely';
import type { Database, Template, VersionStatus } from '../schema';

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly origin: 'user' | 'shipped';
  readonly latestVersion: number | null;
  readonly latestVersionId: string | null;
  readonly latestStatus: VersionStatus | null;
  /** Who wrote the latest version (null for shipped starters and removed users). */
  readonly latestAuthorEmail: string | null;
  readonly versionCount: number;
  readonly updatedAt: Date;
}

/** A live (not deleted) template row. */
export interface TemplateRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly origin: 'user' | 'shipped';
  readonly updatedAt: Date;
}

const toRecord = (r: Template): TemplateRecord => ({ id: r.id, name: r.name, kind: r.kind, description: r.description, origin: r.origin, updatedAt: r.updated_at });

export function templatesRepository(db: Kysely<Database>) {
  return {
    async list(): Promise<TemplateSummary[]> {
      const rows = await db
        .selectFrom('templates as t')
        .leftJoin(
          (eb) =>
            eb.selectFrom('template_versions as tv')
              .leftJoin('users as u', 'u.id', 'tv.author_id')
              .distinctOn('tv.template_id')
              .select(['tv.template_id', 'tv.id as version_id', 'tv.version', 'tv.status', 'u.email as author_email'])
              .orderBy('tv.template_id').orderBy('tv.version', 'desc')
              .as('v'),
          (join) => join.onRef('v.template_id', '=', 't.id'),
        )
        .leftJoin(
          (eb) => eb.selectFrom('template_versions').select((e) => ['template_id', e.fn.countAll<number>().as('n')]).groupBy('template_id').as('c'),
          (join) => join.onRef('c.template_id', '=', 't.id'),
        )
        .select(['t.id', 't.name', 't.kind', 't.description', 't.origin', 't.updated_at', 'v.version_id', 'v.version', 'v.status', 'v.author_email', 'c.n'])
        .where('t.deleted_at', 'is', null)
        .orderBy('t.origin', 'desc').orderBy('t.name')
        .execute();
      return rows.map((r) => ({
        id: r.id, name: r.name, kind: r.kind, description: r.description, origin: r.origin,
        latestVersion: r.version ?? null, latestVersionId: r.version_id ?? null, latestStatus: r.status ?? null,
        latestAuthorEmail: r.author_email ?? null, versionCount: r.n ?? 0, updatedAt: r.updated_at,
      }));
    },

    /** A live template by id; undefined once deleted or archived. */
    async get({ id }: { id: string }): Promise<TemplateRecord | undefined> {
      const row = await db.selectFrom('templates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Renames a live user template; false when there is none (or it is shipped). */
    async rename({ id, name }: { id: string; name: string }): Promise<boolean> {
      const row = await db.updateTable('templates').set({ name, updated_at: sql`now()` })
        .where('id', '=', id).where('deleted_at', 'is', null).where('origin', '=', 'user')
        .returning('id').executeTakeFirst();
      return row !== undefined;
    },

    /** Runs made from any of the template's versions: their lineage must survive a delete. */
    async runCount({ id }: { id: string }): Promise<number> {
      const { n } = await db.selectFrom('runs as r')
        .innerJoin('template_versions as v', 'v.id', 'r.template_version_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('v.template_id', '=', id)
        .executeTakeFirstOrThrow();
      return n;
    },

    /** Hides a template and frees its name, keeping its versions for the runs that cite them. */
    async archive({ id }: { id: string }): Promise<boolean> {
      const row = await db.updateTable('templates').set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where('id', '=', id).where('deleted_at', 'is', null).where('origin', '=', 'user')
        .returning('id').executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Deletes a template and its versions for good, only while no run cites them: the check is in
     * the same statement, so a run started meanwhile makes it return false rather than lose lineage.
     */
    async remove({ id }: { id: string }): Promise<boolean> {
      const row = await db.deleteFrom('templates').where('id', '=', id).where('origin', '=', 'user')
        .where(({ not, exists, selectFrom }) => not(exists(
          selectFrom('runs as r').innerJoin('template_versions as v', 'v.id', 'r.template_version_id')
            .select('r.id').whereRef('v.template_id', '=', 'templates.id'),
        )))
        .returning('id').executeTakeFirst();
      return row !== undefined;
    },

    async findByName(name: string) {
      return db.selectFrom('templates').selectAll()
        .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    },

    /** Creates a template with its first version, in one transaction. */
    async createWithVersion(input: {
      name: string; kind: string; description: string; origin: 'user' | 'shipped';
      document: unknown; contentHash: string; message: string; status: VersionStatus; authorId?: string | null;
    }): Promise<{ templateId: string; versionId: string }> {
      return db.transaction().execute(async (tx) => {
        const t = await tx.insertInto('templates')
          .values({ name: input.name, kind: input.kind, description: input.description, origin: input.origin, created_by: input.authorId ?? null })
          .returning('id').executeTakeFirstOrThrow();
        const v = await tx.insertInto('template_versions')
          .values({
            template_id: t.id, version: 1, status: input.status, document: JSON.stringify(input.document),
            content_hash: input.contentHash, message: input.message, author_id: input.authorId ?? null,
          })
          .returning('id').executeTakeFirstOrThrow();
        return { templateId: t.id, versionId: v.id };
      });
    },
  };
}

export type TemplatesRepository = ReturnType<typeof templatesRepository>;
