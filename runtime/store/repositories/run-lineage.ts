import type { Kysely } from 'kysely';
import type { Database, RunStatus } from '../schema';

/**
 * What a run was made from: the exact template version (and the content hash it had when the
 * run started) and the input datasets by content hash, so any figure can be traced and replayed.
 */
export interface RunInput {
  readonly datasetId: string | null;
  readonly name: string | null;
  readonly sha256: string | null;
  readonly role: string | null;
}

export interface RunLineage {
  readonly runId: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly businessDate: string;
  readonly createdAt: Date;
  readonly startedBy: string | null;
  readonly template: {
    readonly versionId: string;
    readonly templateId: string;
    readonly name: string;
    readonly version: number;
    readonly status: string;
    /** The version's content hash now. */
    readonly contentHash: string;
  } | null;
  /** The content hash recorded when the run started; differs from the version's only if tampered. */
  readonly templateHash: string | null;
  readonly inputs: readonly RunInput[];
}

/**
 * Input entries are recorded by the run engine; tolerate the shapes it may write: one entry per
 * file `{datasetId, name, sha256, role}`, or per source `{source, files: [{name, sha256}]}`.
 */
function toInputs(raw: unknown): RunInput[] {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (Array.isArray(o.files)) return o.files.flatMap((f) => toInputs({ ...(f as object), role: o.source ?? o.role }));
  return [{ datasetId: text(o.datasetId ?? o.dataset_id), name: text(o.name), sha256: text(o.sha256 ?? o.hash), role: text(o.role ?? o.source) }];
}

export function runLineageRepository(db: Kysely<Database>) {
  return {
    async get({ runId }: { runId: string }): Promise<RunLineage | undefined> {
      const r = await db.selectFrom('runs as r')
        .leftJoin('template_versions as v', 'v.id', 'r.template_version_id')
        .leftJoin('templates as t', 't.id', 'v.template_id')
        .leftJoin('users as u', 'u.id', 'r.started_by')
        .select(['r.id', 'r.kind', 'r.status', 'r.business_date', 'r.created_at', 'r.template_hash', 'r.inputs',
          'u.email as started_by', 'v.id as version_id', 'v.template_id', 'v.version', 'v.status as version_status',
          'v.content_hash', 't.name as template_name'])
        .where('r.id', '=', runId)
        .executeTakeFirst();
      if (!r) return undefined;
      return {
        runId: r.id, kind: r.kind, status: r.status, businessDate: r.business_date, createdAt: r.created_at,
        startedBy: r.started_by ?? null,
        template: r.version_id && r.template_id && r.version !== null && r.content_hash && r.template_name
          ? { versionId: r.version_id, templateId: r.template_id, name: r.template_name, version: r.version, status: r.version_status ?? 'draft', contentHash: r.content_hash }
          : null,
        templateHash: r.template_hash,
        inputs: Array.isArray(r.inputs) ? r.inputs.flatMap(toInputs) : [],
      };
    },
  };
}

export type RunLineageRepository = ReturnType<typeof runLineageRepository>;
