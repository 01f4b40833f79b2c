import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import { actorLabel, roleAtLeast, type Actor } from '../auth/roles';
import { inTransaction } from '../store/index';
import type { RunInputFile } from '../store/repositories/runs';
import { parseTemplate } from '../template/validate';
import { launchRun } from './execute-run';

/**
 * Starts a run of record on the server: an approved or active template version on stored
 * datasets, for a business date. Checks everything it can up front and refuses with the field
 * at fault; then records the run (queued) with its audit entry and works on it in the
 * background, so the request returns at once with the run id the Runs page follows.
 */
export interface StartRunInput {
  readonly app: App;
  readonly actor: Actor;
  readonly correlationId?: string | null;
  readonly versionId: string;
  /** Per template source: the datasets it reads (several files of one source are concatenated). */
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  /** YYYY-MM-DD: what TODAY() returns in the run. */
  readonly businessDate: string;
}

const RUNNABLE = ['approved', 'active'];

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export async function startRun(input: StartRunInput): Promise<Outcome<{ runId: string }>> {
  const { app, actor } = input;
  if (!roleAtLeast(actor.role, 'analyst')) return refuse('forbidden', 'needs-analyst', `Starting a run needs the analyst role; you are ${actor.role}. Ask an admin for access.`);
  if (!validDate(input.businessDate)) return refuse('invalid', 'bad-business-date', `The business date must be a real date as YYYY-MM-DD, e.g. 2026-11-20; got "${input.businessDate}".`, 'businessDate');
  const version = await app.repos.templateVersions.get({ id: input.versionId });
  if (!version) return refuse('not-found', 'no-version', 'No template version with that id; pick the template again from the Templates page.', 'versionId');
  if (!RUNNABLE.includes(version.status)) {
    return refuse('conflict', 'version-not-approved', `Version ${version.version} is ${version.status}; runs of record use an approved or active version only. Submit it for approval (maker-checker), or try it on sample files in the studio preview.`, 'versionId');
  }
  const parsed = parseTemplate({ doc: version.document, source: `version ${version.version}` });
  if (!parsed.ok) {
    const first = parsed.findings.find((f) => f.severity === 'error') ?? parsed.findings[0];
    return refuse('invalid', 'bad-template', `Version ${version.version} does not validate (${first?.location.path ?? '$'}: ${first?.message ?? 'unknown problem'}); fix it in a new version and get that approved.`, 'versionId');
  }
  const { template } = parsed;
  const names = template.sources.map((s) => s.name);
  for (const source of Object.keys(input.inputs)) {
    if (!names.includes(source)) return refuse('invalid', 'unknown-source', `The template has no source "${source}"; its sources are ${names.join(', ')}.`, `inputs.${source}`);
  }
  const files: RunInputFile[] = [];
  for (const source of names) {
    const ids = input.inputs[source] ?? [];
    if (ids.length === 0) return refuse('invalid', 'input-missing', `Pick at least one dataset for source "${source}".`, `inputs.${source}`);
    for (const id of ids) {
      const dataset = await app.repos.datasets.get(id);
      if (!dataset) return refuse('not-found', 'no-dataset', `Dataset ${id} for source "${source}" does not exist; it may have been deleted. Pick one from the Data page.`, `inputs.${source}`);
      files.push({ source, datasetId: dataset.id, name: dataset.name, sha256: dataset.sha256 });
    }
  }
  const { id: runId } = await inTransaction({ db: app.db, work: async (repos) => {
    const run = await repos.runs.create({
      templateVersionId: version.id, templateHash: version.contentHash, kind: template.kind,
      businessDate: input.businessDate, inputs: files, startedBy: actor.id,
    });
    await repos.audit.append({
      actor: actorLabel(actor), action: 'run.start', entity: `run:${run.id}`, correlationId: input.correlationId ?? null,
      summary: {
        before: null, after: { status: 'queued' }, businessDate: input.businessDate,
        template: { templateId: version.templateId, name: template.name, version: version.version, versionId: version.id, contentHash: version.contentHash },
        inputs: files,
      },
    });
    return run;
  } });
  launchRun({ app, runId, template, files, businessDate: input.businessDate, correlationId: input.correlationId ?? null });
  return succeed({ runId });
}
