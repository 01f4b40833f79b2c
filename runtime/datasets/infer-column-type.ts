/**
 * A column's type from its text cells, for the dataset listing. Broker number formats count as
 * numbers: 1,234.50 and (1,234.50) and 1234.50-. The ingest readers' profiles supersede this.
 */
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?-?$|^\((\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const BOOLEAN = /^(true|false|yes|no|y|n)$/i;

export function inferColumnType(cells: readonly (string | undefined)[]): 'number' | 'date' | 'boolean' | 'text' {
  const filled = cells.map((c) => c?.trim() ?? '').filter((c) => c !== '');
  if (filled.length === 0) return 'text';
  if (filled.every((c) => NUMBER.test(c) && /\d/.test(c))) return 'number';
  if (filled.every((c) => ISO_DATE.test(c))) return 'date';
  if (filled.every((c) => BOOLEAN.test(c))) return 'boolean';
  return 'text';
}
