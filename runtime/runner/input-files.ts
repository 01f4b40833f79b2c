/**
 * Input paths → ByteSources. A folder is every regular file in it (sorted, hidden files skipped),
 * so "a folder of FpML confirmations" is one source. Hashes are computed by streaming, so a large
 * file is never held in memory to be identified.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../ingest/reader';

export class InputError extends Error {}

export async function fileByteSource(file: string, name = path.basename(file)): Promise<ByteSource> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new InputError(`No such file: ${file}`);
  if (!info.isFile()) throw new InputError(`Not a file: ${file}`);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return {
    name,
    sizeBytes: info.size,
    sha256: hash.digest('hex'),
    chunks: () => createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
    readAll: async () => new Uint8Array(await readFile(file)),
  };
}

export async function byteSourcesFromPath(target: string): Promise<ByteSource[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new InputError(`No such file or folder: ${target}`);
  if (info.isFile()) return [await fileByteSource(target)];
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new InputError(`The folder ${target} holds no files.`);
  return Promise.all(names.map((n) => fileByteSource(path.join(target, n), n)));
}

export function byteSourceFromBytes({ name, bytes, sha256 }: { name: string; bytes: Uint8Array; sha256: string }): ByteSource {
  return {
    name, sha256, sizeBytes: bytes.byteLength,
    async *chunks() { for (let at = 0; at < bytes.byteLength; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20)); },
    readAll: async () => bytes,
  };
}
