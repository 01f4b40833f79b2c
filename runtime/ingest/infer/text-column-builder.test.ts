import { describe, expect, it } from 'vitest';
import { seededRandom, utf8 } from '../test-support';
import { TextColumnBuilder } from './text-column-builder';

/** Pushes the values through the builder and reads them back through the dictionary. */
function roundTrip(values: readonly string[]) {
  const b = new TextColumnBuilder(4);
  for (const v of values) {
    const bytes = utf8(`,${v},`);
    b.pushBytes(bytes, 1, bytes.length - 1);
  }
  const column = b.finish('c');
  return { column, back: [...column.codes].map((code) => (code < 0 ? null : column.dictionary[code])) };
}

describe('TextColumnBuilder', () => {
  it('stores each distinct value once, blanks as -1, in first-seen order', () => {
    const { column, back } = roundTrip(['EUR', 'USD', '', 'EUR', '  ', 'GBP', 'USD']);
    expect(column.dictionary).toEqual(['EUR', 'USD', 'GBP']);
    expect(back).toEqual(['EUR', 'USD', null, 'EUR', null, 'GBP', 'USD']);
  });

  it('takes ascending ids without the hash table, and stays exact when the order breaks', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `T${String(i).padStart(6, '0')}`);
    const values = [...ids, 'A', ...ids.slice(0, 100), 'T000042', 'Ä'];
    const { column, back } = roundTrip(values);
    expect(back).toEqual(values);
    expect(column.dictionary).toHaveLength(5002);
    expect(new Set(column.dictionary).size).toBe(column.dictionary.length);
  });

  it('agrees with a Map on random data (many distinct, repeats, UTF-8)', () => {
    const random = seededRandom(7);
    const pool = Array.from({ length: 3000 }, (_, i) => `${i % 7 === 0 ? 'é' : ''}v${Math.floor(random() * 1e6)}`);
    const values = Array.from({ length: 20_000 }, () => pool[Math.floor(random() * pool.length)]);
    const { column, back } = roundTrip(values);
    expect(back).toEqual(values);
    expect(column.dictionary.length).toBe(new Set(values).size);
  });

  it('takes strings from typed sources as they are', () => {
    const b = new TextColumnBuilder();
    for (const v of ['Zürich', 'Zürich', '東京']) b.pushString(v);
    expect(b.finish('c')).toMatchObject({ dictionary: ['Zürich', '東京'], codes: Int32Array.from([0, 0, 1]) });
  });
});
