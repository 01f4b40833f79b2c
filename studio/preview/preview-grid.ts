/**
 * A preview result as the studio grid reads it (studio/grid/grid-types.ts): the sample's
 * columns, then one column per target with its formula as subtitle. Cells are read on demand,
 * so a new result costs nothing until the grid renders what is on screen. Error values are lit
 * and explain themselves; a target that has no values says why in every cell's tooltip.
 */
import { formatColumnRef } from '../../runtime/formula/syntax/column-ref';
import { FormulaError } from '../../runtime/formula/library/values';
import { cellText } from '../../runtime/table/table-text';
import type { GridCellMeta, GridColumn, GridSource } from '../grid/grid-types';
import { ERROR_MEANINGS } from './column-summary';
import type { PreviewResult, TargetPreview } from './preview-types';

export interface PreviewGrid {
  readonly columns: readonly GridColumn[];
  readonly source: GridSource;
  /** Grid column index of each target, by name. */
  readonly targetColumn: ReadonlyMap<string, number>;
}

function why(t: TargetPreview): GridCellMeta | undefined {
  switch (t.status) {
    case 'error': return { tone: 'error', title: t.diagnostics.find((d) => d.severity === 'error')?.message ?? 'The formula does not compile.' };
    case 'failed': return { tone: 'error', title: t.failure.message };
    case 'no-data': return { tone: 'muted', title: 'No sample rows yet: load a sample to see values.' };
    default: return undefined;
  }
}

export function previewGrid(result: PreviewResult): PreviewGrid {
  const table = result.table;
  const sourceColumns = table?.columns ?? [];
  const columns: GridColumn[] = [
    ...sourceColumns.map((c): GridColumn => ({ name: c.name, type: c.type, role: 'source', dragReference: formatColumnRef({ name: c.name }) })),
    ...result.targets.map((t): GridColumn => ({ name: t.target, type: t.type ?? 'text', role: 'target', subtitle: t.formula })),
  ];
  const first = sourceColumns.length;
  const targetMeta = result.targets.map(why);
  const source: GridSource = {
    rowCount: result.rows.length,
    cell(row, col) {
      if (col < first) return cellText(sourceColumns[col], row);
      const t = result.targets[col - first];
      return t?.status === 'ok' && row < t.values.length ? t.display(row) : '';
    },
    // Rows are numbered as in the file, so "line 12" there is row 12 here.
    rowLabel: (row) => String(table?.origin.rowNumbers[row] ?? row + 1),
    meta(row, col) {
      if (col < first) return undefined;
      const t = result.targets[col - first];
      if (!t) return undefined;
      if (t.status !== 'ok') return targetMeta[col - first];
      if (row >= t.values.length) return { tone: 'muted', title: 'Computing the rest of the rows…' };
      const v = t.values[row];
      return v instanceof FormulaError ? { tone: 'error', title: `${v.code}: ${ERROR_MEANINGS[v.code]}` } : undefined;
    },
  };
  return { columns, source, targetColumn: new Map(result.targets.map((t, i) => [t.target, first + i])) };
}
