import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../app/open-app';
import { createUser } from '../auth/accounts';
import type { Actor } from '../auth/roles';
import { importDataset } from '../datasets/import-dataset';
import type { Role, VersionStatus } from '../store/schema';
import { templateContentHash } from '../template/node/content-hash';

/**
 * Fixtures for run and break-review tests, made through the real services: users, datasets
 * imported like uploads, template versions stored like the seed stores shipped templates.
 */
export const RECON_DIR = path.resolve(__dirname, '../../templates/etd-position-recon');

export async function makeUsers(app: App, roles: Readonly<Record<string, Role>>): Promise<Record<string, Actor>> {
  const out: Record<string, Actor> = {};
  for (const [name, role] of Object.entries(roles)) {
    const made = await createUser({ app, actor: 'test', role, account: { email: `${name}@firm.com`, password: 'a perfectly fine passphrase' } });
    if (!made.ok) throw new Error(made.problem.message);
    out[name] = { id: made.value.id, name, email: made.value.email, role };
  }
  return out;
}

export async function importBytes(app: App, name: string, bytes: Uint8Array | string): Promise<string> {
  const result = await importDataset({ app, name, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes });
  if (!result.ok) throw new Error(`could not import ${name}: ${JSON.stringify(result.findings)}`);
  return result.dataset.id;
}

/** The shipped ETD position recon's samples as datasets: `{internal: [id], broker: [id]}`. */
export async function reconSamples(app: App): Promise<Record<string, string[]>> {
  const read = (f: string) => readFile(path.join(RECON_DIR, 'samples', f));
  return {
    internal: [await importBytes(app, 'internal-positions.csv', await read('internal-positions.csv'))],
    broker: [await importBytes(app, 'broker-positions.csv', await read('broker-positions.csv'))],
  };
}

export async function reconDocument(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(RECON_DIR, 'template.json'), 'utf8'));
}

/** A template with one version in the given status (approved or active for runs of record). */
export async function storeVersion(app: App, { name, document, status = 'active' }: { name: string; document: unknown; status?: VersionStatus }): Promise<string> {
  const { versionId } = await app.repos.templates.createWithVersion({
    name, kind: String((document as { kind?: unknown }).kind ?? 'mapping'), description: '', origin: 'user',
    document, contentHash: templateContentHash({ document }), message: 'test', status,
  });
  return versionId;
}

/** Waits for a started run to settle and returns its stored record. */
export async function settled(app: App, runId: string) {
  await app.runRegistry.get(runId)?.done;
  const run = await app.repos.runs.get({ id: runId });
  if (!run) throw new Error(`run ${runId} vanished`);
  return run;
}
