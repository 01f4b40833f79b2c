/**
 * Where a JSON text stops being JSON, as "line 3, column 12": JSON.parse says what is wrong but,
 * depending on the engine, not always where. A strict scanner finds the first offending character,
 * so an analyst fixing an exported template by hand is pointed at the line. Browser-safe.
 */
export interface JsonErrorPlace {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export function jsonErrorPlace(text: string): JsonErrorPlace | undefined {
  let at = 0;
  const fail = (): never => { throw at; };
  const space = () => { while (at < text.length && ' \t\n\r'.includes(text[at])) at++; };
  const literal = (word: string) => { if (text.startsWith(word, at)) at += word.length; else fail(); };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail();
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail(); at += 4; }
        else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail();
      }
      at++;
    }
    if (at >= text.length) fail();
    at++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!m || !m[0]) fail();
    at += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    space();
    const c = text[at];
    if (c === '{') return container('}', depth, () => { space(); if (text[at] !== '"') fail(); string(); space(); if (text[at] !== ':') fail(); at++; value(depth + 1); });
    if (c === '[') return container(']', depth, () => value(depth + 1));
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const container = (close: string, depth: number, item: () => void) => {
    at++;
    space();
    if (text[at] === close) { at++; return; }
    for (;;) {
      item();
      space();
      if (text[at] === ',') { at++; continue; }
      if (text[at] === close) { at++; return; }
      fail();
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    value(0);
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset !== 'number') throw offset;
    const before = text.slice(0, offset).split('\n');
    return { offset, line: before.length, column: before[before.length - 1].length + 1 };
  }
}
