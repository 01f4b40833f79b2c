/** A finding as the studio receives it from the API (DESIGN.md §4). */
export interface FindingView {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info' | string;
  readonly message: string;
  readonly location: { readonly source: string; readonly row?: number; readonly column?: string; readonly path?: string };
}

/** "orders.csv, line 12, column Price" or "recon.template.json, at $.match.keys[0]": the file is named even when the message repeats it. */
export function describeLocation(location: FindingView['location']): string {
  const parts = [location.source];
  if (location.row !== undefined) parts.push(`line ${location.row}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  if (location.path !== undefined) parts.push(`at ${location.path}`);
  return parts.length > 1 ? `${parts.join(', ')}:` : '';
}
