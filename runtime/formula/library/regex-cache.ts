/**
 * Compiled regular expressions for REGEX* functions, cached by pattern and flags in a small
 * bounded map: a column formula runs the same pattern for every row, and compiling per row
 * dominates the cost. Invalid patterns are cached too (as null) so they fail fast.
 *
 * Patterns are JavaScript RegExp syntax. Excel uses PCRE2; the common PCRE-only spellings are
 * translated: a leading (?i), (?P<name>...), \A, \z and \Z. Patterns compile in Unicode mode
 * when they can (so \p{L} works), otherwise in legacy mode (so lenient escapes like \- work).
 *
 * Excel wildcards (SEARCH, XLOOKUP match_mode 2) compile here too: `?` one character, `*` any
 * run, `~` escapes the next `?`, `*` or `~`.
 */

const LIMIT = 256;
const cache = new Map<string, RegExp | null>();

/** PCRE spellings JS lacks, rewritten outside escapes. */
function translate(pattern: string): { source: string; insensitive: boolean } {
  let src = pattern;
  let insensitive = false;
  if (src.startsWith('(?i)')) {
    insensitive = true;
    src = src.slice(4);
  }
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const n = src[i + 1];
      out += n === 'A' ? '^' : n === 'z' || n === 'Z' ? '$' : c + n;
      i++;
    } else if (src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
    } else out += c;
  }
  return { source: out, insensitive };
}

function build(pattern: string, flags: string): RegExp | null {
  const { source, insensitive } = translate(pattern);
  const f = insensitive && !flags.includes('i') ? `${flags}i` : flags;
  try {
    return new RegExp(source, `${f}u`);
  } catch {
    try {
      return new RegExp(source, f);
    } catch {
      return null;
    }
  }
}

/** The compiled pattern, or undefined when it is not a valid regular expression. `g` regexes are
 * shared: callers reset lastIndex before use (the runtime is single-threaded). */
export function cachedRegExp(pattern: string, flags: string): RegExp | undefined {
  const key = `${flags}\u0000${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    re = build(pattern, flags);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, re);
  }
  if (re) re.lastIndex = 0;
  return re ?? undefined;
}

/** Every match of a global regex, advancing past empty matches. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** Expands $1..$99, ${n}, ${name}, $& / $0 (whole match) and $$ in a replacement. */
export function expandReplacement(rep: string, m: RegExpExecArray): string {
  return rep.replace(/\$(\$|&|\{(\w+)\}|\d{1,2})/g, (token, body: string, braced: string | undefined) => {
    if (body === '$') return '$';
    if (body === '&') return m[0];
    if (braced !== undefined) {
      if (/^\d+$/.test(braced)) return Number(braced) < m.length ? (m[Number(braced)] ?? '') : token;
      return m.groups && braced in m.groups ? (m.groups[braced] ?? '') : token;
    }
    const two = Number(body);
    if (two < m.length) return two === 0 ? m[0] : (m[two] ?? '');
    // "$12" with one group: $1 followed by a literal "2".
    const one = Number(body[0]);
    if (body.length === 2 && one < m.length) return (one === 0 ? m[0] : (m[one] ?? '')) + body[1];
    return token;
  });
}

// Excel wildcards.

const WILDCARD_LIMIT = 128;
const wildcards = new Map<string, RegExp>();

export const hasWildcards = (pattern: string): boolean => /[?*~]/.test(pattern);

/** Regex source for a wildcard pattern. */
function wildcardSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const next = pattern[i + 1];
    if (c === '~' && (next === '?' || next === '*' || next === '~')) {
      out += `\\${next}`;
      i++;
    } else if (c === '?') out += '[\\s\\S]';
    else if (c === '*') out += '[\\s\\S]*';
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/**
 * A case-insensitive RegExp for the pattern; `whole` anchors it to match the entire text
 * (XLOOKUP), otherwise it finds the pattern anywhere (SEARCH).
 */
export function wildcardRegExp(pattern: string, whole: boolean): RegExp {
  const key = `${whole ? 'w' : 'p'}${pattern}`;
  let re = wildcards.get(key);
  if (!re) {
    const src = wildcardSource(pattern);
    re = new RegExp(whole ? `^(?:${src})$` : src, 'i');
    if (wildcards.size >= WILDCARD_LIMIT) wildcards.delete(wildcards.keys().next().value as string);
    wildcards.set(key, re);
  }
  return re;
}
