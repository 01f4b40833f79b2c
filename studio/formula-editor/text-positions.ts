/**
 * Checker spans are character offsets into the formula; Monaco speaks 1-based lines and
 * columns. Both count UTF-16 code units, so only line breaks need care (`\n`, `\r\n`, `\r`,
 * as Monaco's model splits lines).
 */

export interface LineColumn {
  readonly lineNumber: number;
  readonly column: number;
}

/** A Monaco IRange, without depending on Monaco. */
export interface TextRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

interface Line {
  readonly start: number;
  /** End of the line's content, before its line break. */
  readonly end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\n' && ch !== '\r') continue;
    lines.push({ start, end: i });
    if (ch === '\r' && text[i + 1] === '\n') i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** The position of an offset; an offset inside a `\r\n` sits at the end of its line. */
export function positionAt(text: string, offset: number): LineColumn {
  const at = Math.max(0, Math.min(offset, text.length));
  const lines = linesOf(text);
  let i = lines.length - 1;
  while (i > 0 && lines[i].start > at) i--;
  const line = lines[i];
  return { lineNumber: i + 1, column: Math.min(at, line.end) - line.start + 1 };
}

/** The offset of a position, clamped to the text as Monaco's model clamps. */
export function offsetAt(text: string, position: LineColumn): number {
  const lines = linesOf(text);
  const line = lines[Math.max(0, Math.min(position.lineNumber, lines.length) - 1)];
  return line.start + Math.max(0, Math.min(position.column - 1, line.end - line.start));
}

export function rangeOf(text: string, start: number, end: number): TextRange {
  const s = positionAt(text, start);
  const e = positionAt(text, Math.max(start, end));
  return { startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
}
