/**
 * The input side of `opspilot recon`: the files, read side by side (each on its own core when
 * there are cores to spare), and how a failure is told. Kept light, without the engine, so the
 * command can start reading before the comparison's modules have loaded.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../finding';
import { readFilesInParallel } from '../../ingest/parallel/parallel-read';
import type { Table } from '../../table/table';
import { EXIT, type CommandIO } from '../command';
import { progressBar } from '../progress-bar';

export type Read = { ok: true; table: Table; name: string } | { ok: false; findings: Finding[] };

/** Reads `files`; on a terminal, a progress bar shows the bytes read of them all. */
export async function readFiles(io: CommandIO, files: readonly string[]): Promise<Read[]> {
  const full = files.map((file) => path.resolve(io.cwd, file));
  const infos = await Promise.all(full.map((f) => stat(f).catch(() => undefined)));
  const exists = infos.map((info) => info?.isFile() === true);
  const present = full.filter((_, i) => exists[i]);
  const bar = progressBar(io.stderr);
  const total = infos.reduce((n, info, i) => n + (exists[i] ? info!.size : 0), 0);
  const read = new Array<number>(present.length).fill(0);
  const label = present.length === 1 ? path.basename(present[0]) : `${present.length} files`;
  const results = await readFilesInParallel({
    files: present.map((filePath) => ({ filePath, profile: false })),
    onProgress: bar.shown ? (i, bytes) => {
      read[i] = bytes;
      bar.update({ stage: 'ingest', source: label, unit: 'bytes', done: read.reduce((n, b) => n + b, 0), total });
    } : undefined,
  });
  bar.done();
  let next = 0;
  return files.map((file, i): Read => {
    if (!exists[i]) return { ok: false, findings: [{ code: 'input-unreadable', severity: 'error', message: `No such file: ${file}`, location: { source: file } }] };
    const result = results[next++];
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (!result.table || errors.length) return { ok: false, findings: errors.length ? errors : [...result.findings] };
    return { ok: true, table: result.table, name: path.basename(full[i]) };
  });
}

export function fail(io: CommandIO, json: boolean | undefined, findings: readonly Finding[]): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, findings })}\n`);
  else for (const f of findings) io.stderr.write(`${f.location.source ? `${f.location.source}: ` : ''}${f.message}\n`);
  return EXIT.USAGE;
}
