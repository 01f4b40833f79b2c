/**
 * Lights the rows a validation fails on: every cell of such a row gets the validation's
 * severity and message as its tooltip, unless the cell already explains an error of its own.
 */
import type { PreviewGrid, PreviewResult } from '$studio/preview';

export function withValidationHighlights({ grid, result, messages }: {
  grid: PreviewGrid;
  result: PreviewResult;
  /** The message each validation gives, by name (the template's `message`, else its name). */
  messages: Readonly<Record<string, string>>;
}): PreviewGrid {
  // Amber for a failing row, so red stays the sign of an error value in the cell itself.
  const failing = new Map<number, string[]>();
  for (const v of result.validations) {
    if (v.status !== 'ok') continue;
    for (const row of v.failingRows) {
      const texts = failing.get(row) ?? [];
      texts.push(`${v.name} (${v.severity}): ${messages[v.name] || 'the check is not TRUE'}`);
      failing.set(row, texts);
    }
  }
  if (failing.size === 0) return grid;
  const inner = grid.source;
  return {
    ...grid,
    source: {
      ...inner,
      meta(row, col) {
        const own = inner.meta?.(row, col);
        if (own && own.tone === 'error') return own;
        const texts = failing.get(result.rows[row]);
        return texts ? { tone: 'warning', title: `Fails ${texts.join('; ')}` } : own;
      },
    },
  };
}
