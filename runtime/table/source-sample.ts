/**
 * What the studio's Sources panel receives for one template source: the first rows of a stored
 * file read with the source's reader options (a wire Table, so preview rows keep their file row
 * numbers), the column profile of the whole file as read, the reader's findings, what the reader
 * decided on its own, and the form of the options it takes. Browser-safe (types only).
 */
import type { Finding } from '../finding';
import type { ReaderOptionsForm } from '../template/reader-option-fields';
import type { ColumnProfileSummary } from './profile';
import type { WireTable } from './table-wire';

export interface SourceSample extends WireTable {
  readonly dataset: { readonly id: string; readonly name: string; readonly format: string; readonly sha256: string };
  /** The format of the reader that read it (the dataset's own unless another was asked for). */
  readonly format: string;
  /** The reader options applied, as given. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Rows in the file as read; `rowCount` is how many of them the sample carries. */
  readonly totalRows: number;
  readonly findings: readonly Finding[];
  readonly profile: readonly ColumnProfileSummary[];
  /** What the reader detected (delimiter, encoding, header line, sheet, row path…). */
  readonly details: Readonly<Record<string, string | number | boolean>>;
  readonly readerOptions: ReaderOptionsForm;
}
