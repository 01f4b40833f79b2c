/**
 * Size guards shared by every reader (ReadLimits in reader.ts). A file over a limit is refused
 * with a finding that names the limit and how to raise it; nothing is half-read. Browser-safe.
 */
import type { ReadLimits, ReadResult } from './reader';
import type { Finding } from './finding';

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 1024 * 1024 * 1024,
  maxRows: 10_000_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
});

/** Formats read whole into memory (Excel, JSON, XML) are capped lower than streamed text. */
export const WHOLE_FILE_MAX_BYTES = 256 * 1024 * 1024;

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) };
}

function stripUndefined(limits: Partial<ReadLimits>): Partial<ReadLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function tooLargeMessage(source: string, size: number, limit: number): string {
  return `${source} is ${formatBytes(size)}; the limit for this read is ${formatBytes(limit)} (ReadLimits.maxBytes). Split the file, or raise the limit if the machine has the memory for it.`;
}

export function tooManyRowsMessage(source: string, limit: number): string {
  return `${source} has more than ${limit.toLocaleString('en-US')} rows, the limit for this read (ReadLimits.maxRows). Split the file or raise the limit.`;
}

/** A whole-file refusal as a ReadResult. */
export function refusal(source: string, code: string, message: string): ReadResult {
  const finding: Finding = { code, severity: 'error', message, location: { source } };
  return { profile: [], findings: [finding] };
}
