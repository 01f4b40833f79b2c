import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploaded and ingested files, stored by content hash under DATA_DIR/files/<sha256>, so lineage
 * and replay find the exact bytes. Writes go to a temporary name and are renamed into place:
 * a crash mid-write never leaves a half-written file under a real hash.
 */
export interface StoredFile {
  readonly sha256: string;
  readonly sizeBytes: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function filePath({ dataDir, sha256 }: { dataDir: string; sha256: string }): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256 digest: ${sha256}`);
  return path.join(filesDir(dataDir), sha256);
}

export async function storeFile({ dataDir, bytes }: { dataDir: string; bytes: Uint8Array }): Promise<StoredFile> {
  const sha256 = sha256Hex(bytes);
  const target = filePath({ dataDir, sha256 });
  const existing = await stat(target).catch(() => undefined);
  if (existing?.size === bytes.byteLength) return { sha256, sizeBytes: bytes.byteLength };
  await mkdir(filesDir(dataDir), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return { sha256, sizeBytes: bytes.byteLength };
}

export async function readStoredFile({ dataDir, sha256 }: { dataDir: string; sha256: string }): Promise<Buffer> {
  return readFile(filePath({ dataDir, sha256 }));
}
