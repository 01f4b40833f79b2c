/**
 * Regular-expression functions. Patterns are JavaScript RegExp syntax with a few PCRE spellings
 * translated (regex-cache.ts); an invalid pattern is #VALUE!, never an exception.
 * case_sensitivity follows Excel's REGEX* functions: 0 case-sensitive (default), 1 insensitive.
 */
import { argText, isErr, optInt, strict } from '../arg-coerce';
import { allMatches, cachedRegExp, expandReplacement } from '../regex-cache';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, type Value } from '../values';

type Impl = NonNullable<FunctionSpec['impl']>;

const TEXT = { name: 'text', type: 'text' } as const;
const PATTERN = { name: 'pattern', type: 'text', doc: 'A JavaScript regular expression (PCRE (?i), \\A, \\z accepted).' } as const;
const CASE = {
  name: 'case_sensitivity',
  type: 'number',
  optional: true,
  doc: '0 case-sensitive (default), 1 case-insensitive, as in Excel.',
} as const;

/** The regex for (pattern, case_sensitivity) or the error to return. */
function regex(pattern: Value | undefined, caseArg: Value | undefined, global: boolean): RegExp | FormulaError {
  const p = argText(pattern);
  const c = optInt(caseArg, 0);
  if (isErr(p)) return p;
  if (isErr(c)) return c;
  if (c !== 0 && c !== 1) return ERR.VALUE;
  return cachedRegExp(p, (global ? 'g' : '') + (c === 1 ? 'i' : '')) ?? ERR.VALUE;
}

/** The first capture group when the pattern has one, else the whole match. */
const extracted = (m: RegExpExecArray): string => (m.length > 1 ? (m[1] ?? '') : m[0]);

const test: Impl = strict((args) => {
  const text = argText(args[0]);
  if (isErr(text)) return text;
  const re = regex(args[1], args[2], false);
  return isErr(re) ? re : re.test(text);
});

export const REGEX_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'REGEXMATCH',
    category: 'regex',
    params: [TEXT, PATTERN, CASE],
    returns: 'boolean',
    doc: 'TRUE when pattern matches anywhere in text (anchor with ^...$ for a whole match). Third argument is Excel\'s case_sensitivity (1 = ignore case).',
    example: { formula: 'REGEXMATCH("ESH25", "^[A-Z]{2}[FGHJKMNQUVXZ]\\d{2}$")', result: 'TRUE' },
    impl: test,
  },
  {
    name: 'REGEXTEST',
    category: 'regex',
    params: [TEXT, PATTERN, CASE],
    returns: 'boolean',
    doc: 'Excel 365\'s name for REGEXMATCH: TRUE when pattern matches anywhere in text.',
    example: { formula: 'REGEXTEST("eur", "^EUR$", 1)', result: 'TRUE' },
    impl: test,
  },
  {
    name: 'REGEXEXTRACT',
    category: 'regex',
    params: [
      TEXT,
      PATTERN,
      {
        name: 'return_mode',
        type: 'number',
        optional: true,
        doc: '0 first match (default), 1 all matches as an array, 2 the first match\'s groups as an array.',
      },
      CASE,
    ],
    returns: 'text',
    doc: 'The first match, or its first capture group when the pattern has one (as in Google Sheets; Excel returns the whole match); #N/A when nothing matches. Modes 1 and 2 return arrays for TEXTJOIN and similar.',
    example: { formula: 'REGEXEXTRACT("Trade 12345 booked", "Trade (\\d+)")', result: '12345' },
    impl: strict((args) => {
      const text = argText(args[0]);
      const mode = optInt(args[2], 0);
      if (isErr(text)) return text;
      if (isErr(mode)) return mode;
      if (mode < 0 || mode > 2) return ERR.VALUE;
      const re = regex(args[1], args[3], mode === 1);
      if (isErr(re)) return re;
      if (mode === 1) {
        const all = allMatches(re, text);
        return all.length ? all.map(extracted) : ERR.NA;
      }
      const m = re.exec(text);
      if (!m) return ERR.NA;
      return mode === 0 ? extracted(m) : m.length > 1 ? m.slice(1).map((g) => g ?? '') : [m[0]];
    }),
  },
  {
    name: 'REGEXREPLACE',
    category: 'regex',
    params: [
      TEXT,
      PATTERN,
      { name: 'replacement', type: 'text', doc: '$1..$99, ${name}, $& for the match, $$ for a dollar sign.' },
      { name: 'occurrence', type: 'number', optional: true, doc: '0 all (default), n the nth, -n the nth from the end.' },
      CASE,
    ],
    returns: 'text',
    doc: 'Replaces matches of pattern with replacement ($1 backreferences); all of them, or only the given occurrence.',
    example: { formula: 'REGEXREPLACE("2025-03-15", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")', result: '15/03/2025' },
    impl: strict((args) => {
      const text = argText(args[0]);
      const rep = argText(args[2]);
      const occurrence = optInt(args[3], 0);
      if (isErr(text)) return text;
      if (isErr(rep)) return rep;
      if (isErr(occurrence)) return occurrence;
      const re = regex(args[1], args[4], true);
      if (isErr(re)) return re;
      const matches = allMatches(re, text);
      const pick = occurrence === 0 ? -1 : occurrence > 0 ? occurrence - 1 : matches.length + occurrence;
      if (occurrence !== 0 && (pick < 0 || pick >= matches.length)) return text;
      let out = '';
      let last = 0;
      matches.forEach((m, i) => {
        if (occurrence !== 0 && i !== pick) return;
        out += text.slice(last, m.index) + expandReplacement(rep, m);
        last = m.index + m[0].length;
      });
      const result = out + text.slice(last);
      return result.length > 32767 ? ERR.VALUE : result;
    }),
  },
];
