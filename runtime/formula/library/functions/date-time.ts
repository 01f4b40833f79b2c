/**
 * Time-of-day functions: TIME, HOUR, MINUTE, SECOND. A time is the fraction of a serial;
 * parts are read after rounding to the nearest second, so they agree with TEXT(x, "hh:mm:ss").
 */
import { argInt, isErr, strict } from '../arg-coerce';
import { timeParts, toSerial, type TimeParts } from '../dates';
import type { FunctionSpec } from '../registry';
import { ERR } from '../values';

type Impl = NonNullable<FunctionSpec['impl']>;

const TIME_PARAM = { name: 'serial_number', type: 'any', doc: 'A time or datetime serial, or text such as "10:30:15".' } as const;

function part(pick: (t: TimeParts) => number): Impl {
  return strict((args) => {
    const s = toSerial(args[0]);
    return isErr(s) ? s : pick(timeParts(s));
  });
}

export const TIME_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'TIME',
    category: 'date',
    params: [
      { name: 'hour', type: 'number' },
      { name: 'minute', type: 'number' },
      { name: 'second', type: 'number' },
    ],
    returns: 'datetime',
    doc: 'The time as a fraction of a day; overflow wraps past midnight (TIME(25,0,0) is 01:00); #NUM! if negative overall.',
    example: { formula: 'TIME(18, 0, 0)', result: '0.75' },
    impl: strict((args) => {
      const [h, m, s] = [argInt(args[0]), argInt(args[1]), argInt(args[2])];
      if (isErr(h)) return h;
      if (isErr(m)) return m;
      if (isErr(s)) return s;
      const total = h * 3600 + m * 60 + s;
      if (total < 0 || h > 32767 || m > 32767 || s > 32767) return ERR.NUM;
      return (total % 86400) / 86400;
    }),
  },
  {
    name: 'HOUR',
    category: 'date',
    params: [TIME_PARAM],
    returns: 'number',
    doc: 'The hour (0-23) of a time or datetime.',
    example: { formula: 'HOUR("2025-03-15T14:30:00")', result: '14' },
    impl: part((t) => t.hour),
  },
  {
    name: 'MINUTE',
    category: 'date',
    params: [TIME_PARAM],
    returns: 'number',
    doc: 'The minute (0-59) of a time or datetime.',
    example: { formula: 'MINUTE(TIME(14, 30, 0))', result: '30' },
    impl: part((t) => t.minute),
  },
  {
    name: 'SECOND',
    category: 'date',
    params: [TIME_PARAM],
    returns: 'number',
    doc: 'The second (0-59) of a time or datetime, rounded to the nearest second.',
    example: { formula: 'SECOND("10:30:15")', result: '15' },
    impl: part((t) => t.second),
  },
];
