/**
 * Text functions that find or replace substrings: SUBSTITUTE, REPLACE, FIND, SEARCH,
 * TEXTBEFORE, TEXTAFTER. Positions are 1-based and count UTF-16 code units, as Excel counts
 * characters.
 */
import { argInt, argText, asArray, capText, isErr, isMissing, optInt, strict, guarded } from '../arg-coerce';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, toText, type Value } from '../values';
import { hasWildcards, wildcardRegExp } from '../regex-cache';

const TEXT = { name: 'text', type: 'text' } as const;

function substitute(text: string, from: string, to: string, instance: number | undefined): string {
  if (from === '') return text;
  if (instance === undefined) return text.split(from).join(to);
  let at = -1;
  for (let n = 0; n < instance; n++) {
    at = text.indexOf(from, at < 0 ? 0 : at + from.length);
    if (at < 0) return text;
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based position of `find` in `within` from `start`, or #VALUE! (FIND and SEARCH). */
function position(args: readonly Value[], insensitive: boolean): number | FormulaError {
  const find = argText(args[0]);
  const within = argText(args[1]);
  const start = optInt(args[2], 1);
  if (isErr(find)) return find;
  if (isErr(within)) return within;
  if (isErr(start)) return start;
  if (start < 1 || start > within.length + 1 || (find !== '' && start > within.length)) return ERR.VALUE;
  if (find === '') return start;
  if (!insensitive) {
    const at = within.indexOf(find, start - 1);
    return at < 0 ? ERR.VALUE : at + 1;
  }
  if (!hasWildcards(find)) {
    const at = within.toLowerCase().indexOf(find.toLowerCase(), start - 1);
    return at < 0 ? ERR.VALUE : at + 1;
  }
  const m = wildcardRegExp(find, false).exec(within.slice(start - 1));
  return m ? m.index + start : ERR.VALUE;
}

interface Hit {
  readonly start: number;
  readonly end: number;
}

/** The nth (n < 0: nth from the end) non-overlapping occurrence of any delimiter. */
function nthDelimiter(text: string, delims: readonly string[], n: number, matchEnd: boolean): Hit | undefined {
  const forward = n > 0;
  const edge = (at: number): Hit => ({ start: at, end: at });
  // An empty delimiter matches at once: before it is "" (forward) or everything (backward).
  if (delims.some((d) => d === '')) return edge(forward ? 0 : text.length);
  let pos = forward ? 0 : text.length;
  let hit: Hit | undefined;
  for (let k = 0; k < Math.abs(n); k++) {
    let best: Hit | undefined;
    for (const d of delims) {
      const at = forward ? text.indexOf(d, pos) : pos < d.length ? -1 : text.lastIndexOf(d, pos - d.length);
      if (at < 0) continue;
      const h = { start: at, end: at + d.length };
      const better = forward
        ? !best || h.start < best.start || (h.start === best.start && h.end > best.end)
        : !best || h.end > best.end || (h.end === best.end && h.start < best.start);
      if (better) best = h;
    }
    if (!best) {
      // match_end: the end of text (its start, counting backwards) is one more delimiter.
      return matchEnd && k === Math.abs(n) - 1 ? edge(forward ? text.length : 0) : undefined;
    }
    hit = best;
    pos = forward ? best.end : best.start;
  }
  return hit;
}

function textAround(before: boolean): FunctionSpec['impl'] {
  return guarded((args) => {
    for (const a of args.slice(0, 5)) if (isErr(a)) return a;
    const raw = argText(args[0]);
    if (isErr(raw)) return raw;
    const delims: string[] = [];
    for (const d of asArray(args[1])) {
      const s = toText(d);
      if (isErr(s)) return s;
      delims.push(s);
    }
    const n = optInt(args[2], 1);
    const mode = optInt(args[3], 0);
    const matchEnd = optInt(args[4], 0);
    for (const v of [n, mode, matchEnd]) if (isErr(v)) return v;
    if (n === 0 || Math.abs(n as number) > Math.max(raw.length, 1) || (mode !== 0 && mode !== 1)) return ERR.VALUE;
    const text = mode === 1 ? raw.toLowerCase() : raw;
    const keys = mode === 1 ? delims.map((d) => d.toLowerCase()) : delims;
    const hit = nthDelimiter(text, keys, n as number, matchEnd !== 0);
    if (!hit) return args.length > 5 ? (args[5] ?? null) : ERR.NA;
    return before ? raw.slice(0, hit.start) : raw.slice(hit.end);
  });
}

const AROUND_PARAMS = [
  TEXT,
  { name: 'delimiter', type: 'text', acceptsArray: true, doc: 'One delimiter, or an array of alternatives.' },
  { name: 'instance_num', type: 'number', optional: true, doc: 'Which occurrence; negative counts from the end. Default 1.' },
  { name: 'match_mode', type: 'number', optional: true, doc: '0 case-sensitive (default), 1 case-insensitive.' },
  { name: 'match_end', type: 'number', optional: true, doc: '1 treats the end of text as a delimiter.' },
  { name: 'if_not_found', type: 'any', optional: true, doc: 'Returned instead of #N/A.' },
] as const;

export const TEXT_SEARCH_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'SUBSTITUTE',
    category: 'text',
    params: [
      TEXT,
      { name: 'old_text', type: 'text' },
      { name: 'new_text', type: 'text' },
      { name: 'instance_num', type: 'number', optional: true, doc: 'Replace only this occurrence.' },
    ],
    returns: 'text',
    doc: 'Replaces old_text with new_text (case-sensitive); all occurrences, or only instance_num (counted without overlap).',
    example: { formula: 'SUBSTITUTE("a-b-c", "-", "/", 2)', result: 'a-b/c' },
    impl: strict((args) => {
      const [text, from, to] = [argText(args[0]), argText(args[1]), argText(args[2])];
      if (isErr(text)) return text;
      if (isErr(from)) return from;
      if (isErr(to)) return to;
      const n = isMissing(args[3]) ? undefined : argInt(args[3]);
      if (isErr(n)) return n;
      if (n !== undefined && n < 1) return ERR.VALUE;
      return capText(substitute(text, from, to, n));
    }),
  },
  {
    name: 'REPLACE',
    category: 'text',
    params: [
      { name: 'old_text', type: 'text' },
      { name: 'start_num', type: 'number' },
      { name: 'num_chars', type: 'number' },
      { name: 'new_text', type: 'text' },
    ],
    returns: 'text',
    doc: 'Replaces num_chars characters from start_num with new_text.',
    example: { formula: 'REPLACE("2025-03-15", 5, 1, "/")', result: '2025/03-15' },
    impl: strict((args) => {
      const text = argText(args[0]);
      const start = argInt(args[1]);
      const count = argInt(args[2]);
      const add = argText(args[3]);
      for (const v of [text, start, count, add]) if (isErr(v)) return v;
      if ((start as number) < 1 || (count as number) < 0) return ERR.VALUE;
      const s = text as string;
      return capText(s.slice(0, (start as number) - 1) + (add as string) + s.slice((start as number) - 1 + (count as number)));
    }),
  },
  {
    name: 'FIND',
    category: 'text',
    params: [{ name: 'find_text', type: 'text' }, { name: 'within_text', type: 'text' }, { name: 'start_num', type: 'number', optional: true }],
    returns: 'number',
    doc: 'Position of find_text in within_text, case-sensitive, no wildcards; #VALUE! when absent.',
    example: { formula: 'FIND("b", "abcb", 3)', result: '4' },
    impl: strict((args) => position(args, false)),
  },
  {
    name: 'SEARCH',
    category: 'text',
    params: [{ name: 'find_text', type: 'text' }, { name: 'within_text', type: 'text' }, { name: 'start_num', type: 'number', optional: true }],
    returns: 'number',
    doc: 'Position of find_text in within_text, case-insensitive, with wildcards ? * and ~ escapes; #VALUE! when absent.',
    example: { formula: 'SEARCH("sw?p", "Interest Swap")', result: '10' },
    impl: strict((args) => position(args, true)),
  },
  {
    name: 'TEXTBEFORE',
    category: 'text',
    params: AROUND_PARAMS,
    returns: 'any',
    doc: 'Text before the nth delimiter (negative n counts from the end); #N/A when missing unless if_not_found.',
    example: { formula: 'TEXTBEFORE("EUR/USD/SPOT", "/", -1)', result: 'EUR/USD' },
    impl: textAround(true),
  },
  {
    name: 'TEXTAFTER',
    category: 'text',
    params: AROUND_PARAMS,
    returns: 'any',
    doc: 'Text after the nth delimiter (negative n counts from the end); #N/A when missing unless if_not_found.',
    example: { formula: 'TEXTAFTER("EUR/USD/SPOT", "/")', result: 'USD/SPOT' },
    impl: textAround(false),
  },
];
