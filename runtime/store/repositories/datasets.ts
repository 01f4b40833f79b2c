import type { Kysely } from 'kysely';
import type { Database, Dataset, DatasetColumn } from '../schema';

export interface DatasetSummary {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly format: string;
  readonly rowCount: number;
  readonly columns: readonly DatasetColumn[];
  readonly uploadedAt: Date;
}

const toSummary = (d: Dataset): DatasetSummary => ({
  id: d.id, name: d.name, sha256: d.sha256, sizeBytes: d.size_bytes, format: d.format,
  rowCount: d.row_count, columns: d.columns, uploadedAt: d.uploaded_at,
});

export function datasetsRepository(db: Kysely<Database>) {
  return {
    async insert(input: {
      name: string; sha256: string; sizeBytes: number; format: string; rowCount: number;
      columns: readonly DatasetColumn[]; uploadedBy?: string | null;
    }): Promise<DatasetSummary> {
      const row = await db
        .insertInto('datasets')
        .values({
          name: input.name, sha256: input.sha256, size_bytes: input.sizeBytes, format: input.format,
          row_count: input.rowCount, columns: JSON.stringify(input.columns), uploaded_by: input.uploadedBy ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSummary(row);
    },

    async list(): Promise<DatasetSummary[]> {
      const rows = await db.selectFrom('datasets').selectAll().orderBy('uploaded_at', 'desc').orderBy('name').execute();
      return rows.map(toSummary);
    },

    async get(id: string): Promise<DatasetSummary | undefined> {
      const row = await db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSummary(row);
    },

    async findBySha256(sha256: string): Promise<DatasetSummary | undefined> {
      const row = await db.selectFrom('datasets').selectAll().where('sha256', '=', sha256).orderBy('uploaded_at').executeTakeFirst();
      return row && toSummary(row);
    },

    async count(): Promise<number> {
      const { n } = await db.selectFrom('datasets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return n;
    },
  };
}

export type DatasetsRepository = ReturnType<typeof datasetsRepository>;
