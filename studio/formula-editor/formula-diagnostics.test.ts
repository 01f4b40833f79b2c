import { describe, expect, it } from 'vitest';
import { checkFormulaText, formulaMarkers, markerFor, MARKER_SEVERITY } from './formula-diagnostics';
import { MAPPING, RECON } from './test-context';

const check = (text: string, context = MAPPING) => checkFormulaText({ text, context });

describe('checking a formula as it is typed', () => {
  it('finds nothing wrong with a good formula and gives its type', () => {
    expect(check('=ROUND([Trade Price] * [Quantity], 2)')).toEqual({ diagnostics: [], type: 'number' });
    expect(check('[broker!Price] - [internal!Price]', RECON)).toEqual({ diagnostics: [], type: 'number' });
    expect(check('XLOOKUP([Side], Fx[Ccy], Fx[Rate])').diagnostics).toEqual([]);
  });

  it('reports what the server checker reports, with did-you-mean suggestions', () => {
    const { diagnostics } = check('ROUDN([Notional Amout], 2)');
    expect(diagnostics.map((d) => [d.code, d.start, d.end, d.suggestion])).toEqual([
      ['unknown-function', 0, 5, 'ROUND'],
      ['unknown-column', 6, 22, '[Notional Amount]'],
    ]);
    expect(diagnostics[1].message).toBe('Unknown column `Notional Amout`: did you mean `Notional Amount`?');
  });

  it('reports a parse error on its own', () => {
    const { diagnostics, type } = check('ROUND([Trade Price], 2');
    expect(type).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'unexpected-end', start: 22, end: 22, suggestion: ')' });
  });

  it('warns when a validation cannot give TRUE or FALSE', () => {
    const validation = { ...MAPPING, expected: 'boolean' as const };
    const [d] = check('  [Trade Price] * 2', validation).diagnostics;
    expect(d).toMatchObject({ code: 'not-boolean', severity: 'warning', start: 2, end: 19 });
    expect(d.message).toContain('gives a number');
    expect(check('[Trade Price] > 0', validation).diagnostics).toEqual([]);
    // When the type depends on the data, the editor cannot know: no warning.
    expect(check('IF([Active], 1, "x")', validation).diagnostics).toEqual([]);
    expect(check('[Trade Price] * 2').diagnostics).toEqual([]);
  });
});

describe('markers', () => {
  it('cover the diagnostic span, on one line', () => {
    const text = 'ROUDN([Notional Amout], 2)';
    const markers = formulaMarkers(text, check(text).diagnostics);
    expect(markers).toEqual([
      { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 6, severity: MARKER_SEVERITY.error, message: expect.stringContaining('ROUND'), code: 'unknown-function', source: 'formula' },
      { startLineNumber: 1, startColumn: 7, endLineNumber: 1, endColumn: 23, severity: MARKER_SEVERITY.error, message: expect.stringContaining('Notional Amount'), code: 'unknown-column', source: 'formula' },
    ]);
  });

  it('map spans on later lines and spans that cross lines', () => {
    const text = 'IF([Active],\n  [Trade Pirce],\n  SUMM(1,\n 2))';
    const markers = formulaMarkers(text, check(text).diagnostics);
    expect(markers.map((m) => [m.code, m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn])).toEqual([
      ['unknown-column', 2, 3, 2, 16],
      ['unknown-function', 3, 3, 3, 7],
    ]);
    const crossing = markerFor(text, { code: 'arity', message: 'm', severity: 'error', start: text.indexOf('SUMM'), end: text.length - 1 });
    expect(crossing).toMatchObject({ startLineNumber: 3, startColumn: 3, endLineNumber: 4, endColumn: 4 });
  });

  it('give an empty span (a missing `)`) the character before it', () => {
    const text = 'ROUND([Trade Price], 2';
    const [m] = formulaMarkers(text, check(text).diagnostics);
    expect(m).toMatchObject({ startLineNumber: 1, startColumn: 22, endLineNumber: 1, endColumn: 23, code: 'unexpected-end' });
    // At the start of a line the next character is taken instead of reaching back a line.
    const atLineStart = markerFor('1 +\nx', { code: 'unexpected-token', message: 'm', severity: 'error', start: 4, end: 4 });
    expect(atLineStart).toMatchObject({ startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 2 });
    expect(markerFor('', { code: 'empty-formula', message: 'm', severity: 'error', start: 0, end: 0 })).toMatchObject({ startColumn: 1, endColumn: 1 });
  });

  it('carry warnings as warnings', () => {
    const text = '[Trade Price] + "abc"';
    const [m] = formulaMarkers(text, check(text).diagnostics);
    expect(m).toMatchObject({ code: 'always-error', severity: MARKER_SEVERITY.warning, startColumn: 17, endColumn: 22 });
  });
});
