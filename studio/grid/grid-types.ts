/** What the grid adapter needs to know about a column. */
export interface GridColumn {
  readonly name: string;
  readonly type: string;
}
