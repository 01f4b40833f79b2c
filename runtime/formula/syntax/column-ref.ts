/**
 * The text inside `[...]`. As in Excel's structured references, a quote escapes the next
 * `[`, `]` or quote (`[Rate '[%']]` is the column `Rate [%]`); any other quote is literal,
 * so `[Trader's Desk]` needs no escaping.
 */

const ESCAPABLE = new Set(['[', ']', "'"]);

/** Reads a bracketed reference starting at `open` (the `[`). Null when it is unterminated. */
export function readBracketed(text: string, open: number): { raw: string; end: number } | null {
  let raw = '';
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && i + 1 < text.length && ESCAPABLE.has(text[i + 1])) {
      raw += text[i + 1];
      i++;
    } else if (ch === ']') {
      return { raw, end: i + 1 };
    } else {
      raw += ch;
    }
  }
  return null;
}

/** `broker!Trade Price` names a source; a `!` with nothing on one side is part of the name. */
export function splitSource(raw: string): { source?: string; name: string } {
  const bang = raw.indexOf('!');
  if (bang > 0 && bang < raw.length - 1) return { source: raw.slice(0, bang), name: raw.slice(bang + 1) };
  return { name: raw };
}

function escape(s: string): string {
  return s.replace(/['[\]]/g, (c) => `'${c}`);
}

/** The formula text that refers to a column, for autocomplete and "did you mean" fixes. */
export function formatColumnRef(ref: { name: string; source?: string }): string {
  return ref.source === undefined ? `[${escape(ref.name)}]` : `[${escape(ref.source)}!${escape(ref.name)}]`;
}

/** A column by its key (`name` or `source!name`, as ColumnSpec names are). */
export function formatColumnKey(key: string): string {
  return `[${escape(key)}]`;
}
