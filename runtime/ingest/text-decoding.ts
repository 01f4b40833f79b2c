/**
 * Bytes → text for text formats, whole or streamed chunk by chunk. Browser-safe (TextDecoder).
 *
 * The encoding comes from a byte-order mark (UTF-8, UTF-16 LE/BE), from the pattern of NUL bytes
 * that UTF-16 without a mark leaves, or else it is UTF-8, falling back to windows-1252 (Latin-1
 * as Windows writes it, which CCP and older broker systems still export) at the first byte
 * sequence that is not UTF-8. A fallback after the first chunk is reported: text before it was
 * read as UTF-8.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  readonly encoding: TextEncodingName;
  readonly bomLength: number;
}

export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** ASCII text in UTF-16 pairs each printable byte with a NUL: after it for LE, before it for BE. */
function utf16WithoutBom(head: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 16) return undefined;
  const printable = (b: number) => (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i + 1] === 0 && printable(head[i])) le++;
    if (head[i] === 0 && printable(head[i + 1])) be++;
  }
  const pairs = n / 2;
  if (le > pairs * 0.6) return 'utf-16le';
  if (be > pairs * 0.6) return 'utf-16be';
  return undefined;
}

/**
 * Binary, not text: NUL bytes (outside UTF-16) or more than 5% control characters in the first
 * 8 KiB. Images, zips, executables and PDFs all fail this within their first bytes.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (sniffEncoding(head).encoding.startsWith('utf-16')) return false;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** Decodes a stream of chunks; `encoding` may change once, from utf-8 to windows-1252. */
export class StreamTextDecoder {
  encoding: TextEncodingName;
  /** Byte offset where UTF-8 gave way to windows-1252 (0 when the first chunk decided it). */
  fellBackAt: number | undefined;
  private decoder: InstanceType<typeof TextDecoder>;
  private bomToSkip: number;
  private bytesSeen = 0;
  /** The last bytes of the stream, for the incomplete UTF-8 sequence a fallback must re-read. */
  private recent = new Uint8Array(0);
  private readonly strict: boolean;

  constructor({ head, encoding }: { head: Uint8Array; encoding?: TextEncodingName }) {
    const guess = sniffEncoding(head);
    this.encoding = encoding ?? guess.encoding;
    this.bomToSkip = guess.encoding === this.encoding ? guess.bomLength : 0;
    // Only a guessed UTF-8 falls back; an encoding the user named is taken at its word.
    this.strict = encoding === undefined && this.encoding === 'utf-8';
    this.decoder = new TextDecoder(this.encoding, { fatal: this.strict });
  }

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.bomToSkip > 0) {
      const skip = Math.min(this.bomToSkip, bytes.length);
      bytes = bytes.subarray(skip);
      this.bomToSkip -= skip;
    }
    const offset = this.bytesSeen;
    this.bytesSeen += bytes.length;
    if (!this.strict || this.fellBackAt !== undefined) return this.decoder.decode(bytes, { stream: true });
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.remember(bytes);
      return text;
    } catch {
      const pending = incompleteUtf8Tail(this.recent);
      const again = new Uint8Array(pending.length + bytes.length);
      again.set(pending);
      again.set(bytes, pending.length);
      this.encoding = 'windows-1252';
      this.fellBackAt = offset - pending.length;
      this.decoder = new TextDecoder('windows-1252');
      return this.decoder.decode(again, { stream: true });
    }
  }

  flush(): string {
    try {
      return this.decoder.decode();
    } catch {
      // The stream ended inside a UTF-8 sequence: read those last bytes as windows-1252.
      return new TextDecoder('windows-1252').decode(incompleteUtf8Tail(this.recent));
    }
  }

  private remember(bytes: Uint8Array): void {
    if (bytes.length >= 3) this.recent = bytes.slice(bytes.length - 3);
    else {
      const joined = new Uint8Array(this.recent.length + bytes.length);
      joined.set(this.recent);
      joined.set(bytes, this.recent.length);
      this.recent = joined.slice(Math.max(0, joined.length - 3));
    }
  }
}

/** The trailing bytes that start a UTF-8 sequence not yet complete (at most 3). */
function incompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** A whole buffer (JSON, XML): the same rules, one call. */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  const decoder = new StreamTextDecoder({ head: bytes.subarray(0, 4096), encoding });
  const text = decoder.decode(bytes) + decoder.flush();
  return { text, encoding: decoder.encoding };
}
