/**
 * ByteSources (reader.ts) over bytes in memory and over files on disk. Node-only: it hashes with
 * node:crypto and streams files with node:fs. A file is hashed once when opened, in a streamed
 * pass, because the hash is the dataset id every row of the Table traces back to.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from './reader';

/** Streamed files arrive in chunks of this size: large enough that per-chunk work is noise. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

export function bytesSource({ name, bytes, chunkBytes = FILE_CHUNK_BYTES }: { name: string; bytes: Uint8Array; chunkBytes?: number }): ByteSource {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    name,
    sizeBytes: bytes.byteLength,
    sha256,
    async *chunks() {
      for (let at = 0; at < bytes.byteLength; at += chunkBytes) yield bytes.subarray(at, Math.min(bytes.byteLength, at + chunkBytes));
    },
    readAll: async () => bytes,
  };
}

export async function fileSource({ filePath, name }: { filePath: string; name?: string }): Promise<ByteSource> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${filePath} is not a file`);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: FILE_CHUNK_BYTES })) hash.update(chunk as Buffer);
  return {
    name: name ?? path.basename(filePath),
    sizeBytes: info.size,
    sha256: hash.digest('hex'),
    async *chunks() {
      for await (const chunk of createReadStream(filePath, { highWaterMark: FILE_CHUNK_BYTES })) {
        const b = chunk as Buffer;
        yield new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      }
    },
    readAll: async () => {
      const b = await readFile(filePath);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
  };
}
