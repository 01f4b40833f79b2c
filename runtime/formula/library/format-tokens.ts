/**
 * Tokenizer for Excel number format codes (the second argument of TEXT). Kept apart from the
 * renderers so number-format.ts and date-format.ts share one reading of quotes, escapes and
 * bracketed codes.
 */

export type Token =
  | { readonly t: 'lit'; readonly raw: string }
  | { readonly t: 'digit'; readonly raw: '0' | '#' | '?' }
  | { readonly t: 'point' | 'comma' | 'percent' | 'at' | 'general' | 'slash'; readonly raw: string }
  | { readonly t: 'exp'; readonly raw: string; readonly plus: boolean }
  /** Date/time code, lower-cased: "yyyy", "mm", "d", "h", "ss", "[h]", "am/pm", "a/p". `raw` keeps case. */
  | { readonly t: 'date'; readonly raw: string; readonly code: string };

export interface Section {
  readonly tokens: readonly Token[];
  readonly isDate: boolean;
  readonly hasText: boolean;
}

/** Splits at ';' outside quotes, escapes and brackets: "pos;neg;zero;text". */
export function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      cur += format.slice(i, stop);
      i = stop - 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      cur += format.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = format.indexOf(']', i);
      const stop = end < 0 ? format.length : end + 1;
      cur += format.slice(i, stop);
      i = stop - 1;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const DATE_LETTERS = 'ymdhs';

/** Tokens of one section, or undefined for codes we do not support (conditions like [>100]). */
export function tokenize(section: string): Section | undefined {
  const tokens: Token[] = [];
  const lit = (raw: string) => tokens.push({ t: 'lit', raw });
  let i = 0;
  while (i < section.length) {
    const c = section[i];
    const lower = c.toLowerCase();
    const rest = section.slice(i);
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop + 1;
    } else if (c === '\\') {
      lit(section.slice(i + 1, i + 2));
      i += 2;
    } else if (c === '_') {
      // `_x` pads with the width of x: a space is the closest plain-text equivalent.
      lit(' ');
      i += 2;
    } else if (c === '*') {
      // `*x` fills the cell width with x; text has no width, so Excel's TEXT drops it too.
      i += 2;
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      const body = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end + 1;
      if (/^(h+|m+|s+)$/i.test(body)) tokens.push({ t: 'date', raw: `[${body}]`, code: `[${body[0].toLowerCase()}]` });
      else if (body.startsWith('$')) lit(body.slice(1).split('-')[0]);
      else if (/^[<>=]/.test(body)) return undefined;
      // Anything else is a colour ([Red], [Color10]): text has no colour, so it is dropped.
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ t: 'digit', raw: c });
      i++;
    } else if (c === '.' || c === ',' || c === '%' || c === '@' || c === '/') {
      const t = ({ '.': 'point', ',': 'comma', '%': 'percent', '@': 'at', '/': 'slash' } as const)[c];
      tokens.push({ t, raw: c });
      i++;
    } else if (lower === 'e' && (section[i + 1] === '+' || section[i + 1] === '-')) {
      tokens.push({ t: 'exp', raw: section.slice(i, i + 2), plus: section[i + 1] === '+' });
      i += 2;
    } else if (/^general/i.test(rest)) {
      tokens.push({ t: 'general', raw: rest.slice(0, 7) });
      i += 7;
    } else if (/^am\/pm/i.test(rest) || /^a\/p/i.test(rest)) {
      const len = /^am\/pm/i.test(rest) ? 5 : 3;
      tokens.push({ t: 'date', raw: rest.slice(0, len), code: rest.slice(0, len).toLowerCase() });
      i += len;
    } else if (DATE_LETTERS.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ t: 'date', raw: section.slice(i, j), code: lower.repeat(j - i) });
      i = j;
    } else {
      lit(c);
      i++;
    }
  }
  return {
    tokens,
    isDate: tokens.some((t) => t.t === 'date'),
    hasText: tokens.some((t) => t.t === 'at'),
  };
}
