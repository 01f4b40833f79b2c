import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from './json-error-where';

describe('jsonErrorPlace', () => {
  it('finds nothing wrong with valid JSON, whatever JSON.parse accepts', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": [ ]}] ', '"x"', '\uFEFF{"a":1}']) {
      expect([text, jsonErrorPlace(text)]).toEqual([text, undefined]);
    }
  });

  it.each([
    ['{\n  "schemaVersion": 1,\n  "name": }', 3, 11],
    ['{"a": 1,}', 1, 9],
    ['[1 2]', 1, 4],
    ["{'a': 1}", 1, 2],
    ['{"a": 01}', 1, 8],
    ['{"a": tru}', 1, 7],
    ['{"a": "open', 1, 12],
    ['', 1, 1],
    ['{} x', 1, 4],
  ])('points at the first bad character of %j', (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPlace(text)).toMatchObject({ line, column });
  });
});
