/**
 * Zip bombs are refused before SheetJS unzips a workbook. Browser-safe (DecompressionStream).
 *
 * 1. The central directory is read first (hand-written: SheetJS offers no size hook, and a zip
 *    library would be a second unzipper): entry count, each entry's declared sizes. A total
 *    above maxUncompressedBytes, or an entry over 1 MiB inflating more than maxCompressionRatio
 *    times, is refused without inflating anything.
 * 2. Declared sizes can lie, and SheetJS trusts the local header's size (0 means "grow as
 *    needed"). So every compressed entry is then inflated once through a counting stream that
 *    stops the moment it passes what the directory declared: a lying entry is refused after
 *    producing at most its declared size.
 */
import type { ReadLimits } from '../reader';
import { formatBytes } from '../limits';

export type ZipCheck =
  | { readonly ok: true; readonly entries: number; readonly uncompressedBytes: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

const MAX_ENTRIES = 10_000;
const RATIO_FLOOR = 1024 * 1024;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localOffset: number;
}

export async function checkZip({ bytes, source, limits }: {
  bytes: Uint8Array; source: string; limits: Pick<ReadLimits, 'maxUncompressedBytes' | 'maxCompressionRatio'>;
}): Promise<ZipCheck> {
  const bad = (message: string): ZipCheck => ({ ok: false, code: 'bad-zip', message: `${source} is not a readable workbook: ${message}. Open it in Excel and save it again as .xlsx.` });
  const entries = readDirectory(bytes);
  if (typeof entries === 'string') return bad(entries);
  if (entries.length > MAX_ENTRIES) return bad(`it holds ${entries.length.toLocaleString('en-US')} files, far more than a workbook has`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (e.uncompressed > RATIO_FLOOR && ratio > limits.maxCompressionRatio) {
      return { ok: false, code: 'zip-bomb', message: `${source} looks like a zip bomb: its part ${e.name} expands ${Math.round(ratio).toLocaleString('en-US')} times (${formatBytes(e.compressed)} to ${formatBytes(e.uncompressed)}); the limit is ${limits.maxCompressionRatio} times (ReadLimits.maxCompressionRatio). It was not opened.` };
    }
  }
  if (total > limits.maxUncompressedBytes) {
    return { ok: false, code: 'zip-too-large', message: `${source} expands to ${formatBytes(total)} when unzipped; the limit is ${formatBytes(limits.maxUncompressedBytes)} (ReadLimits.maxUncompressedBytes). Split the workbook, or raise the limit if the machine has the memory for it.` };
  }
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) return bad(`the part ${e.name} is cut short`);
    if (e.method === 0) {
      if (data.length !== e.uncompressed) return bad(`the stored part ${e.name} is not the size its directory says`);
      continue;
    }
    if (e.method !== 8) return bad(`the part ${e.name} uses zip compression method ${e.method}, which workbooks do not`);
    const actual = await inflatedSize(data, e.uncompressed);
    if (actual === 'corrupt') return bad(`the part ${e.name} is damaged`);
    if (actual === 'over') {
      return { ok: false, code: 'zip-bomb', message: `${source} looks like a zip bomb: its part ${e.name} inflates to more than the ${formatBytes(e.uncompressed)} its directory declares. It was not opened.` };
    }
  }
  return { ok: true, entries: entries.length, uncompressedBytes: total };
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The central directory's entries, or why it cannot be read. */
function readDirectory(b: Uint8Array): Entry[] | string {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return 'its zip directory is missing (the file may be cut short)';
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50) return 'its ZIP64 directory is missing';
    const record = u64(b, locator + 8);
    if (record + 56 > b.length || u32(b, record) !== 0x06064b50) return 'its ZIP64 directory is damaged';
    count = u64(b, record + 32);
    offset = u64(b, record + 48);
  }
  if (count > MAX_ENTRIES) return `it declares ${count.toLocaleString('en-US')} files, far more than a workbook has`;
  const entries: Entry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return 'its zip directory is damaged';
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let compressed = u32(b, at + 20);
    let uncompressed = u32(b, at + 24);
    let localOffset = u32(b, at + 42);
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 sizes live in extra field 0x0001, in this order, for the fields set to 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(b, extra);
      const size = u16(b, extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressed === 0xffffffff) { uncompressed = u64(b, p); p += 8; }
        if (compressed === 0xffffffff) { compressed = u64(b, p); p += 8; }
        if (localOffset === 0xffffffff) localOffset = u64(b, p);
      }
      extra += 4 + size;
    }
    entries.push({ name, method: u16(b, at + 10), compressed, uncompressed, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

function entryData(b: Uint8Array, e: Entry): Uint8Array | undefined {
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) return undefined;
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + e.compressed;
  return end <= b.length ? b.subarray(start, end) : undefined;
}

/** Inflates raw deflate data, counting; stops with 'over' once past `limit` bytes. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number | 'over' | 'corrupt'> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return 'over';
      }
    }
  } catch {
    return 'corrupt';
  }
}
