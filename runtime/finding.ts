/**
 * Findings are data (DESIGN.md §4): readers, validations and template checks return them; a
 * run does not throw on bad rows. Browser-safe, so the studio shows them as the engine made them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  /** The file (or template) the finding is about, as the user knows it. */
  readonly source: string;
  /** 1-based row: the line number for text files, the sheet row for Excel, the element index for XML/JSON. */
  readonly row?: number;
  readonly column?: string;
  /** JSON path inside a document, e.g. `$.mappings.broker[2].formula`. */
  readonly path?: string;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: FindingLocation;
}
