/**
 * The delimited reader scans bytes, so it needs them in an ASCII-compatible encoding: UTF-8 and
 * windows-1252 files are scanned as they are (the BOM dropped); UTF-16 is transcoded to UTF-8
 * chunk by chunk first. Text cells are decoded only when the dictionary meets a new value, with
 * the file's encoding: UTF-8, or windows-1252 when the first 64 KiB are not valid UTF-8. A later
 * value that is not UTF-8 is read as windows-1252 and reported once (a mixed-encoding file).
 * Browser-safe.
 */
import { decodeUtf8Cell, type CellDecoder } from '../infer/text-column-builder';
import { StreamTextDecoder, sniffEncoding, type TextEncodingName } from '../text-decoding';

export interface EncodingPlan {
  readonly encoding: TextEncodingName;
  readonly bomLength: number;
  readonly transcode: boolean;
}

export function planEncoding({ head, forced }: { head: Uint8Array; forced?: TextEncodingName }): EncodingPlan {
  const guess = sniffEncoding(head);
  const encoding = forced ?? guess.encoding;
  const bomLength = guess.encoding === encoding ? guess.bomLength : 0;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return { encoding, bomLength, transcode: true };
  if (encoding === 'utf-8' && !forced && !validUtf8Prefix(head.subarray(bomLength, 64 * 1024))) {
    return { encoding: 'windows-1252', bomLength: 0, transcode: false };
  }
  return { encoding, bomLength, transcode: false };
}

/** Valid UTF-8, allowing the head to end inside a character. */
function validUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The file's chunks as ASCII-compatible bytes: BOM removed, UTF-16 transcoded to UTF-8. */
export async function* compatibleChunks({ chunks, plan, head }: {
  chunks: AsyncIterable<Uint8Array>; plan: EncodingPlan; head: Uint8Array;
}): AsyncGenerator<Uint8Array> {
  let skip = plan.bomLength;
  const decoder = plan.transcode ? new StreamTextDecoder({ head, encoding: plan.encoding }) : undefined;
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    if (decoder) {
      // StreamTextDecoder drops the BOM itself.
      const text = decoder.decode(chunk);
      if (text.length) yield encoder.encode(text);
      continue;
    }
    let bytes = chunk;
    if (skip > 0) {
      const n = Math.min(skip, bytes.length);
      bytes = bytes.subarray(n);
      skip -= n;
    }
    if (bytes.length) yield bytes;
  }
  if (decoder) {
    const rest = decoder.flush();
    if (rest.length) yield encoder.encode(rest);
  }
}

/**
 * Decodes new text values; UTF-8 files fall back per value to windows-1252, reporting the first.
 * A column of ids meets a new value on every row: after BATCH of them in one buffer, the whole
 * buffer is decoded once and values are cut from that text (when its characters line up with
 * its bytes: always for windows-1252, for ASCII-only UTF-8), a native decode instead of a
 * decoder call per value.
 */
export function cellDecoder({ plan, onNotUtf8 }: { plan: EncodingPlan; onNotUtf8: () => void }): CellDecoder {
  const latin = new TextDecoder('windows-1252');
  const loose = new TextDecoder('utf-8');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const single: CellDecoder = plan.encoding === 'windows-1252'
    ? (b, start, end) => latin.decode(b.subarray(start, end))
    : plan.transcode ? decodeUtf8Cell : (b, start, end) => {
      const bytes = b.subarray(start, end);
      try {
        return strict.decode(bytes);
      } catch {
        onNotUtf8();
        return latin.decode(bytes);
      }
    };
  let buffer: Uint8Array | undefined;
  let misses = 0;
  let text: string | null = null;
  return (b, start, end) => {
    if (b !== buffer) { buffer = b; misses = 0; text = null; }
    if (++misses === BATCH) {
      const whole = plan.encoding === 'windows-1252' ? latin.decode(b) : loose.decode(b);
      text = whole.length === b.length && (plan.encoding === 'windows-1252' || !whole.includes('\uFFFD')) ? whole : null;
    }
    if (text === null) return single(b, start, end);
    const value = text.slice(start, end);
    // A long slice is a view that would keep the whole buffer's text alive: copy it.
    return value.length < 13 ? value : (' ' + value).slice(1);
  };
}

const BATCH = 64;
