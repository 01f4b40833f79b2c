/** Findings are data (DESIGN.md §4): a run returns them, it does not throw on bad rows. */
export type Severity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  readonly source: string;
  /** 1-based line/row number in the file, as the analyst would count it in a text editor. */
  readonly row?: number;
  readonly column?: string;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: FindingLocation;
}
