import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../observability/logger';
import { importDataset } from '../datasets/import-dataset';
import type { App } from './open-app';

/**
 * Puts the shipped demo content in place on a fresh database: each shipped template's sample
 * files become datasets. Content already present (same bytes) is left alone, so restarting
 * never duplicates anything and a user's deletions of their own data are not undone.
 */
export async function seedDemoContent({ app, templatesDir, logger }: { app: App; templatesDir: string; logger: Logger }) {
  const names = await readdir(templatesDir, { withFileTypes: true }).catch(() => []);
  let added = 0;
  for (const entry of names) {
    if (!entry.isDirectory()) continue;
    const samplesDir = path.join(templatesDir, entry.name, 'samples');
    const files = await readdir(samplesDir).catch(() => [] as string[]);
    for (const file of files.sort()) {
      const bytes = await readFile(path.join(samplesDir, file));
      const result = await importDataset({ app, name: file, bytes, onlyIfNew: true });
      if (result.ok && result.created) added++;
      if (!result.ok) logger.warn({ file, findings: result.findings }, 'shipped sample could not be imported');
    }
  }
  if (added > 0) logger.info({ added }, 'demo datasets seeded');
}
