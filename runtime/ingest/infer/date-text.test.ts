import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime } from '../../formula/display-value';
import { asciiBytes } from './ascii-bytes';
import { FIXED_DATE, NOT_DATE, SLASHED_DATE, newDateParts, parseDateBytes, parseYmd8Bytes, slashedSerial } from './date-text';

function parse(text: string) {
  const parts = newDateParts();
  const form = parseDateBytes(asciiBytes(text), 0, text.length, parts);
  return { form, parts };
}

const fixed = (text: string) => {
  const { form, parts } = parse(text);
  expect(form).toBe(FIXED_DATE);
  return parts.hasTime ? isoDateTime(parts.serial) : isoDate(parts.serial);
};

describe('parseDateBytes', () => {
  it.each([
    ['2026-11-20', '2026-11-20'], ['2026/11/20', '2026-11-20'], ['2026-1-5', '2026-01-05'], [' 2026-11-20 ', '2026-11-20'],
    ['2024-02-29', '2024-02-29'], ['1900-03-01', '1900-03-01'], ['9999-12-31', '9999-12-31'],
    ['20.11.2026', '2026-11-20'], ['5.1.2026', '2026-01-05'],
    ['20-Nov-2026', '2026-11-20'], ['20 NOV 2026', '2026-11-20'], ['1-jan-2026', '2026-01-01'], ['20-Nov.-2026', '2026-11-20'],
  ])('reads %j as the date %s', (text, iso) => {
    expect(fixed(text)).toBe(iso);
  });

  it.each([
    ['2025-08-12T13:28:51Z', '2025-08-12T13:28:51'], ['2025-08-12T13:28:51', '2025-08-12T13:28:51'], ['2025-08-12 09:53', '2025-08-12T09:53:00'],
    ['2025-08-12T15:28:51+02:00', '2025-08-12T13:28:51'], ['2025-08-12T01:00:00-0330', '2025-08-12T04:30:00'],
    ['2025-08-12T00:30:00+01:00', '2025-08-11T23:30:00'], ['2025-08-12T13:28:51.250Z', '2025-08-12T13:28:51.250'],
    ['20.11.2026 14:30', '2026-11-20T14:30:00'], ['20-Nov-2026 09:05:07', '2026-11-20T09:05:07'],
  ])('reads %j as the date-time %s (UTC)', (text, iso) => {
    expect(fixed(text)).toBe(iso);
  });

  it('keeps both readings of a slashed date for the column to settle', () => {
    const { form, parts } = parse('03/04/2026');
    expect(form).toBe(SLASHED_DATE);
    expect(isoDate(slashedSerial(parts, true))).toBe('2026-04-03');
    expect(isoDate(slashedSerial(parts, false))).toBe('2026-03-04');
    const only = parse('25/12/2026');
    expect(slashedSerial(only.parts, false)).toBeNaN();
    expect(isoDate(slashedSerial(only.parts, true))).toBe('2026-12-25');
    const dashed = parse('12-25-2026');
    expect(dashed.form).toBe(SLASHED_DATE);
    expect(isoDate(slashedSerial(dashed.parts, false))).toBe('2026-12-25');
  });

  it('reads US times with AM/PM on slashed dates', () => {
    const { form, parts } = parse('11/20/2026 2:30:00 PM');
    expect(form).toBe(SLASHED_DATE);
    expect(isoDateTime(slashedSerial(parts, false))).toBe('2026-11-20T14:30:00');
    expect(isoDateTime(slashedSerial(parse('11/20/2026 12:05 AM').parts, false))).toBe('2026-11-20T00:05:00');
  });

  it.each([
    '2026-13-01', '2026-02-30', '2025-02-29', '2026-11-20T25:00', '2026-11-20T10:61', '2026-11-20X', '2026-11-20 14:30 PM',
    '31/31/2026', '20/11/26', '1899-12-31', '20261120', 'Nov 20, 2026', '20-Foo-2026', '2026-11', 'abc', '', '12:30', '1/2/3',
  ])('refuses %j', (text) => {
    expect(parse(text).form).toBe(NOT_DATE);
  });
});

describe('parseYmd8Bytes', () => {
  it('reads eight digits that form a real date', () => {
    expect(isoDate(parseYmd8Bytes(asciiBytes('20261120'), 0, 8))).toBe('2026-11-20');
    for (const text of ['20261340', '20260230', '18991231', '22000101', '2026112', '202611201']) {
      expect(parseYmd8Bytes(asciiBytes(text), 0, text.length)).toBeNaN();
    }
  });
});
