/**
 * Reading a file whatever its format: the reader named by `format`, or the one the registry
 * detects from the name and the first bytes. What the datasets import, the CLI and template
 * runs call. Never throws: an unknown format is a finding like any other. Browser-safe.
 */
import type { Finding } from './finding';
import { neverThrow } from './metered-chunks';
import type { ByteSource, Format, ReadLimits, ReadResult } from './reader';
import { readerRegistry, type ReaderRegistry } from './registry';

export interface IngestResult extends ReadResult {
  /** The format of the reader that read the file; absent when none could. */
  readonly format?: Format;
}

const HEAD_BYTES = 8192;

export async function ingest({ source, format, options, limits, onProgress, signal, profile, registry = readerRegistry }: {
  source: ByteSource;
  format?: string;
  options?: Readonly<Record<string, unknown>>;
  limits?: Partial<ReadLimits>;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** False skips the column profile (see ReadRequest). */
  profile?: boolean;
  registry?: ReaderRegistry;
}): Promise<IngestResult> {
  const known = registry.list().map((r) => r.format).join(', ');
  let reader = format === undefined ? undefined : registry.byFormat(format);
  if (format !== undefined && !reader) {
    return refuse(source.name, 'unknown-format', `There is no reader for the format "${format}". The formats are: ${known}.`);
  }
  if (!reader) {
    reader = registry.detect({ name: source.name, head: await headOf(source) });
    if (!reader) {
      return refuse(source.name, 'unknown-format', `${source.name} is not a format OpsPilot reads (${known}); its name and first bytes match none of them. Name the format explicitly if it is one of these.`);
    }
  }
  const chosen = reader;
  const result = await neverThrow(source.name, chosen.format, () => chosen.read({ source, options, limits, onProgress, signal, profile }));
  return { ...result, format: chosen.format };
}

/** The first bytes of a source, for detection; stops reading once it has them. */
export async function headOf(source: ByteSource, bytes = HEAD_BYTES): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.byteLength;
    if (length >= bytes) break;
  }
  const head = new Uint8Array(Math.min(length, bytes));
  let at = 0;
  for (const p of parts) {
    const take = Math.min(p.byteLength, head.length - at);
    head.set(p.subarray(0, take), at);
    at += take;
    if (at >= head.length) break;
  }
  return head;
}

function refuse(source: string, code: string, message: string): IngestResult {
  const finding: Finding = { code, severity: 'error', message, location: { source } };
  return { profile: [], findings: [finding] };
}
