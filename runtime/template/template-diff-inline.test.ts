import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { inlineDiff, tokenize, type InlineSegment } from './template-diff-inline';

const side = (segs: readonly InlineSegment[], drop: 'add' | 'del') => segs.filter((s) => s.op !== drop).map((s) => s.text).join('');

describe('inlineDiff', () => {
  it('marks whole words added and removed, keeping what stayed', () => {
    expect(inlineDiff('ROUND([Qty]*[Price], 2)', 'ROUND([Qty]*[Price]*[Multiplier], 4)')).toEqual([
      { op: 'same', text: 'ROUND([Qty]*[Price]' },
      { op: 'add', text: '*[Multiplier]' },
      { op: 'same', text: ', ' },
      { op: 'del', text: '2' },
      { op: 'add', text: '4' },
      { op: 'same', text: ')' },
    ]);
  });

  it('refines a word that is mostly the same letter by letter', () => {
    expect(inlineDiff('[Trade Price]', '[Trade Prices]')).toEqual([{ op: 'same', text: '[Trade Price' }, { op: 'add', text: 's' }, { op: 'same', text: ']' }]);
    // Unlike words are replaced whole rather than shredded into letters.
    expect(inlineDiff('UPPER([Symbol])', 'TRIM([Symbol])')).toEqual([{ op: 'del', text: 'UPPER' }, { op: 'add', text: 'TRIM' }, { op: 'same', text: '([Symbol])' }]);
  });

  it('keeps decimal numbers whole and handles empty sides', () => {
    expect(tokenize('[A]*0.25+1')).toEqual(['[', 'A', ']', '*', '0.25', '+', '1']);
    expect(inlineDiff('', '[A]')).toEqual([{ op: 'add', text: '[A]' }]);
    expect(inlineDiff('[A]', '')).toEqual([{ op: 'del', text: '[A]' }]);
    expect(inlineDiff('', '')).toEqual([]);
    expect(inlineDiff('TRIM([Acct])', 'TRIM([Acct])')).toEqual([{ op: 'same', text: 'TRIM([Acct])' }]);
  });

  it('always gives back both texts, and never two neighbouring segments of the same kind', () => {
    const random = seededRandom(42);
    const alphabet = ['[Price]', '[Qty]', 'ROUND(', ')', ', ', '2', '0.5', '*', '"é x"', ' ', 'IF(', 'a', 'ab'];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const a = text();
      const b = random() < 0.3 ? a : text();
      const segs = inlineDiff(a, b);
      expect(side(segs, 'add')).toBe(a);
      expect(side(segs, 'del')).toBe(b);
      for (let j = 1; j < segs.length; j++) expect(segs[j].op).not.toBe(segs[j - 1].op);
      expect(segs.every((s) => s.text.length > 0)).toBe(true);
      if (a === b) expect(segs.every((s) => s.op === 'same')).toBe(true);
    }
  });

  it('shows a very long rewrite as one replacement rather than building a huge table', () => {
    const a = Array.from({ length: 800 }, (_, i) => `[c${i}]`).join('+');
    const b = Array.from({ length: 800 }, (_, i) => `[d${i}]`).join('-');
    const segs = inlineDiff(a, b);
    expect(side(segs, 'add')).toBe(a);
    expect(side(segs, 'del')).toBe(b);
  });
});
