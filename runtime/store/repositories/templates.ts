import type { Kysely } from 'kysely';
import type { Database, VersionStatus } from '../schema';

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly origin: 'user' | 'shipped';
  readonly latestVersion: number | null;
  readonly latestStatus: VersionStatus | null;
  readonly updatedAt: Date;
}

export function templatesRepository(db: Kysely<Database>) {
  return {
    async list(): Promise<TemplateSummary[]> {
      const rows = await db
        .selectFrom('templates as t')
        .leftJoin(
          (eb) =>
            eb.selectFrom('template_versions')
              .distinctOn('template_id')
              .select(['template_id', 'version', 'status'])
              .orderBy('template_id').orderBy('version', 'desc')
              .as('v'),
          (join) => join.onRef('v.template_id', '=', 't.id'),
        )
        .select(['t.id', 't.name', 't.kind', 't.description', 't.origin', 't.updated_at', 'v.version', 'v.status'])
        .where('t.deleted_at', 'is', null)
        .orderBy('t.origin', 'desc').orderBy('t.name')
        .execute();
      return rows.map((r) => ({
        id: r.id, name: r.name, kind: r.kind, description: r.description, origin: r.origin,
        latestVersion: r.version ?? null, latestStatus: r.status ?? null, updatedAt: r.updated_at,
      }));
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
