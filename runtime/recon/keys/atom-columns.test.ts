import { describe, expect, it } from 'vitest';
import { tableOf } from '../test-tables';
import { atomColumn } from './atom-columns';
import { StringInterner } from './string-interner';

/** Blank texts are no atom, as in the key index. */
class Atoms extends StringInterner {
  override id(text: string): number {
    return text === '' ? -1 : super.id(text);
  }
}

describe('atom columns', () => {
  const t = tableOf('T', {
    Acct: ['a1 ', 'A2', null, ' ', 'a1'],
    Strike: [1000, null, 1025, 1000, 1050],
    Price: [1.5, 2.25, null, 1.5, 3],
    Day: { date: ['2026-11-20', null, '2026-12-18', '2026-11-20', '2026-11-20'] },
  });
  const column = (name: string) => t.columns.find((c) => c.name === name)!;
  const normalise = (s: string) => s.trim().toUpperCase();

  it('give each row its atom, through the dictionary, a table by value, or row by row', () => {
    const atoms = new Atoms();
    const texts = (ids: Int32Array) => Array.from(ids, (a) => (a < 0 ? null : atoms.texts[a]));
    const acct = atomColumn(column('Acct'), normalise, atoms);
    expect(texts(acct.materialise())).toEqual(['A1', 'A2', null, null, 'A1']);
    const strike = atomColumn(column('Strike'), normalise, atoms);
    expect(texts(strike.materialise())).toEqual(['1000', null, '1025', '1000', '1050']);
    const price = atomColumn(column('Price'), normalise, atoms);
    expect(texts(price.materialise())).toEqual(['1.5', '2.25', null, '1.5', '3']);
    const day = atomColumn(column('Day'), normalise, atoms);
    expect(texts(day.materialise())).toEqual(['2026-11-20', null, '2026-12-18', '2026-11-20', '2026-11-20']);
    for (const c of [acct, strike, price, day]) {
      expect(Array.from({ length: 5 }, (_, r) => c.at(r))).toEqual(Array.from(c.materialise()));
      // Every atom a row has is among the column's atoms.
      for (const a of c.materialise()) if (a >= 0) expect(Array.from(c.atoms)).toContain(a);
    }
  });

  it('accumulate mixed-radix keys, a blank anywhere making the key blank', () => {
    const atoms = new Atoms();
    const acct = atomColumn(column('Acct'), normalise, atoms);
    const strike = atomColumn(column('Strike'), normalise, atoms);
    const local = new Int32Array(atoms.texts.length).fill(-1);
    const [a1, a2] = [atoms.find('A1'), atoms.find('A2')];
    local[a1] = 0; local[a2] = 1;
    const strikes = ['1000', '1025', '1050'].map((s) => atoms.find(s));
    strikes.forEach((a, i) => { local[a] = i; });
    const out = new Float64Array(5);
    acct.accumulate(out, local, 2);
    strike.accumulate(out, local, 3);
    expect(Array.from(out)).toEqual([0 * 3 + 0, -1, -1, -1, 0 * 3 + 2]);
  });
});
