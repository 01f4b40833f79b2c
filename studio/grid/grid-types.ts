/** What the grid adapter needs to know about a column. */
export interface GridColumn {
  readonly name: string;
  readonly type: string;
  /** A second header line, e.g. a target column's formula. */
  readonly subtitle?: string;
  /** How the header reads: source columns plain, target (computed) columns marked. */
  readonly role?: 'source' | 'target';
  /** When set, the header can be dragged into a formula editor and drops this reference text. */
  readonly dragReference?: string;
}

/** How a cell is lit, and the message its tooltip gives. */
export interface GridCellMeta {
  readonly tone: 'error' | 'warning' | 'muted';
  readonly title: string;
}

/**
 * The rows the grid shows, read cell by cell: the grid renders only what is on screen, so 100k
 * sample rows cost nothing until scrolled to, and a new preview column is a new source, never
 * a copy of every row.
 */
export interface GridSource {
  readonly rowCount: number;
  cell(row: number, col: number): unknown;
  /** The row header: by default the 1-based row number. */
  rowLabel?(row: number): string;
  meta?(row: number, col: number): GridCellMeta | undefined;
}

/** A row-major array as a grid source (pages of a dataset, small tables). */
export function rowsSource(rows: readonly (readonly unknown[])[]): GridSource {
  return { rowCount: rows.length, cell: (r, c) => rows[r]?.[c] };
}

/** MIME type of a dragged column reference; the formula editor accepts it. */
export const COLUMN_DRAG_MIME = 'application/x-opspilot-column';
