/**
 * Hostile names and text never become code: they may only appear inside JSON string literals
 * of the output, and the program still computes the right values.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../program';
import { formatColumnRef } from '../syntax/column-ref';
import { compileOrThrow, runRows } from '../testing/run-compiled';

const HOSTILE = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '"]);process.exit(1);//',
  "']);process.exit(1);//",
  '`${process.exit(1)}`',
  'a\u2028b\u2029c',
  '</script><script>alert(1)</script>',
  '\\"); throw 1; ("',
  'I',
  'L',
  'X',
  'n',
  'c0',
  'v0',
  'i',
  '*/ process.exit(1) /*',
  '\ud800',
];

/** The code with every string literal removed: what a JS parser would treat as code. */
function codeOutsideStrings(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch !== '"') {
      out += ch;
      continue;
    }
    out += '""';
    for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
  }
  return out;
}

/** Identifiers the emitted code may contain; anything else would have come from user text. */
const ALLOWED = /^(function|var|for|return|typeof|null|true|false|new|Array|use|strict|number|string|object|boolean|length|I|n|L|X|i|[cvtkfao]\d+|add|sub|mul|div|pow|concat|eq|ne|lt|le|gt|ge|neg|percent|condition|andStep|orStep|logicEnd|chooseIndex|table|array|fn|errors|NA|e\d+)$/;

function identifiers(code: string): string[] {
  return code.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? [];
}

describe('codegen safety', () => {
  const columns: ColumnSpec[] = HOSTILE.map((name) => ({ name, type: 'text' }));
  const text = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const formulas = HOSTILE.map((name, k) => ({
    name: `out${k}`,
    text: `IF(${formatColumnRef({ name })} = ${text(name)}, ${formatColumnRef({ name })} & "!", ${text(name)})`,
  }));
  const tables = { __proto__: ['constructor'], constructor: ['__proto__'] } as unknown as Record<string, string[]>;
  Object.defineProperty(tables, '__proto__', { value: ['constructor'], enumerable: true });

  it('emits hostile column names and text only inside string literals', () => {
    const program = compileOrThrow({ formulas, columns });
    const code = codeOutsideStrings(program.source);
    for (const name of HOSTILE.filter((h) => h.length > 2)) expect(code).not.toContain(name);
    for (const id of identifiers(code)) expect(id).toMatch(ALLOWED);
    expect(program.source).not.toMatch(/[\u2028\u2029]/);
    expect(code).not.toContain('${');
  });

  it('evaluates hostile input safely and correctly', () => {
    const program = compileOrThrow({ formulas, columns });
    const row = Object.fromEntries(HOSTILE.map((name) => [name, name]));
    const [values] = runRows(program, [row]);
    expect(values).toEqual(HOSTILE.map((name) => `${name}!`));
    const [others] = runRows(program, [Object.fromEntries(HOSTILE.map((name) => [name, 'other']))]);
    expect(others).toEqual(HOSTILE.map((name) => name));
  });

  it('reads reference tables by own property only, so __proto__ and constructor are just names', () => {
    const program = compileOrThrow({ formulas: [{ name: 'x', text: 'SUM(__proto__[constructor])' }], columns: [], tables });
    expect(identifiers(codeOutsideStrings(program.source))).not.toContain('__proto__');
    const ownTables = JSON.parse('{"__proto__": {"constructor": [1, 2, 3]}}');
    expect(runRows(program, [{}], { today: 0, now: 0, tables: ownTables })).toEqual([[6]]);
    // Absent as an own property: #REF!, never Object.prototype.
    const [[missing]] = runRows(program, [{}], { today: 0, now: 0, tables: {} });
    expect(missing).toMatchObject({ code: '#REF!' });
  });

  it('keeps output names out of the code entirely', () => {
    const program = compileOrThrow({ formulas: [{ name: '"]);process.exit(1);//', text: '1' }], columns: [] });
    expect(program.source).not.toContain('process');
    expect(program.outputs[0].name).toBe('"]);process.exit(1);//');
  });
});
