/**
 * The reader registry (DESIGN.md §11.5): readers are data, found by format or detected from a
 * file's name and first bytes, never chosen by a switch on names. Browser-safe.
 *
 * Detection, in registry order (most specific first: a workbook's zip magic, FpML before
 * generic XML, JSON before the delimited reader that accepts any text):
 *   1. the first reader that claims the file's extension and whose sniff accepts its head
 *   2. else the first reader whose sniff accepts the head (a .txt holding JSON is JSON)
 *   3. else the reader for the extension, which then refuses the file with its own finding
 *      ("… looks like a binary file, not CSV")
 */
import { delimitedReader } from './delimited/delimited-reader';
import { xlsxReader } from './excel/xlsx-reader';
import { fpmlReader } from './fpml/index';
import { jsonReader } from './json/json-reader';
import type { Format, Reader } from './reader';
import { xmlReader } from './xml/xml-reader';

export interface ReaderRegistry {
  list(): readonly Reader[];
  byFormat(format: string): Reader | undefined;
  detect(input: { name: string; head: Uint8Array }): Reader | undefined;
  /** Every extension some reader claims, with its dot: for upload pickers and help text. */
  extensions(): readonly string[];
}

export function createReaderRegistry({ readers }: { readers: readonly Reader[] }): ReaderRegistry {
  const formats = new Map<Format, Reader>();
  for (const r of readers) {
    if (formats.has(r.format)) throw new Error(`Two readers claim the format ${r.format}`);
    formats.set(r.format, r);
  }
  const extensionOf = (name: string) => {
    const m = /(\.[A-Za-z0-9]+)$/.exec(name);
    return m ? m[1].toLowerCase() : '';
  };
  const sniffs = (r: Reader, head: Uint8Array, name: string) => {
    try {
      return r.sniff(head, name);
    } catch {
      return false;
    }
  };
  return {
    list: () => readers,
    byFormat: (format) => formats.get(format as Format),
    detect({ name, head }) {
      const ext = extensionOf(name);
      const claiming = readers.filter((r) => r.extensions.includes(ext));
      return claiming.find((r) => sniffs(r, head, name)) ?? readers.find((r) => sniffs(r, head, name)) ?? claiming[0];
    },
    extensions: () => [...new Set(readers.flatMap((r) => r.extensions))],
  };
}

/** The readers OpsPilot ships, most specific first: FpML is XML, so it goes before generic XML. */
export const readerRegistry: ReaderRegistry = createReaderRegistry({
  readers: [xlsxReader, fpmlReader, xmlReader, jsonReader, delimitedReader],
});
