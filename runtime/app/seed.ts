import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../observability/logger';
import { importDataset } from '../datasets/import-dataset';
import { templateContentHash } from '../template/node/content-hash';
import { parseTemplate } from '../template/validate';
import type { App } from './open-app';

/**
 * Puts the shipped demo content in place on a fresh database: each shipped template becomes a
 * read-only starter (origin 'shipped', its version active) and its sample files become datasets.
 * Content already present (same name, same bytes) is left alone, so restarting never duplicates
 * anything. A shipped template that does not validate is logged and skipped, never fatal.
 */
export async function seedDemoContent({ app, templatesDir, logger }: { app: App; templatesDir: string; logger: Logger }) {
  const entries = await readdir(templatesDir, { withFileTypes: true }).catch(() => []);
  let datasets = 0;
  let templates = 0;
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(templatesDir, entry.name);
    if (await seedTemplate({ app, dir, logger })) templates++;
    const samplesDir = path.join(dir, 'samples');
    const files = await readdir(samplesDir).catch(() => [] as string[]);
    for (const file of files.sort()) {
      const bytes = await readFile(path.join(samplesDir, file));
      const result = await importDataset({ app, name: file, bytes, onlyIfNew: true });
      if (result.ok && result.created) datasets++;
      if (!result.ok) logger.warn({ file, findings: result.findings }, 'shipped sample could not be imported');
    }
  }
  if (datasets + templates > 0) logger.info({ datasets, templates }, 'demo content seeded');
}

async function seedTemplate({ app, dir, logger }: { app: App; dir: string; logger: Logger }): Promise<boolean> {
  const text = await readFile(path.join(dir, 'template.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    logger.warn({ dir, error: (e as Error).message }, 'shipped template is not valid JSON');
    return false;
  }
  const parsed = parseTemplate({ doc, source: path.join(dir, 'template.json') });
  if (!parsed.ok) {
    logger.warn({ dir, findings: parsed.findings }, 'shipped template does not validate');
    return false;
  }
  const { template } = parsed;
  if (await app.repos.templates.findByName(template.name)) return false;
  await app.repos.templates.createWithVersion({
    name: template.name, kind: template.kind, description: template.description, origin: 'shipped',
    document: doc, contentHash: templateContentHash({ document: doc }), message: 'Shipped with OpsPilot', status: 'active',
  });
  return true;
}
