/**
 * Input paths → ByteSources. A folder is every regular file in it (sorted, hidden files skipped),
 * so "a folder of FpML confirmations" is one source.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileSource } from '../ingest/byte-source';
import type { ByteSource } from '../ingest/reader';

export class InputError extends Error {}

export async function byteSourcesFromPath(target: string): Promise<ByteSource[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new InputError(`No such file or folder: ${target}`);
  if (info.isFile()) return [await fileSource({ filePath: target })];
  if (!info.isDirectory()) throw new InputError(`Not a file or folder: ${target}`);
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new InputError(`The folder ${target} holds no files.`);
  return Promise.all(names.map((n) => fileSource({ filePath: path.join(target, n) })));
}
