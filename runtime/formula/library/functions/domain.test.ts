import { describe, expect, it } from 'vitest';
import { ERR, type Value } from '../values';
import { call, date } from './test-harness';

type Row = readonly [string, readonly (Value | undefined)[], Value];

// Real identifiers with correct check digits, and mutations of them that must fail.
const REAL_LEIS = [
  '5493001KJTIIGC8Y1R12', // Bloomberg Finance L.P.
  '7LTWFZYICNSX8D621K86', // Deutsche Bank AG
  '529900T8BM49AURSDO55', // Deutsche Börse AG
  'HWUPKR0MPOU8FGXBT394', // Apple Inc.
  '5299DNSIPZZ5FK2Z9R37', // from the EMIR Refit fixtures
  '213800IV9PCAC364HN60',
];
const BAD_LEIS = [
  '5493001KJTIIGC8Y1R13', // last check digit changed
  '5493001KJTIIGC8Y1R21', // check digits swapped
  '5493001KJTIIGC8Y1R1', // 19 characters
  '5493001kjtiigc8y1r12', // lower case
  ' 5493001KJTIIGC8Y1R12', // leading space: reported values must be exact
  '5493001KJTIIGC8Y1RAB', // letters in the check digits
  '5493001KJTIIGC8Y1R1!',
  'DUMMYLEI123456789001',
  '',
];
const REAL_ISINS = ['US0378331005', 'DE0005140008', 'GB0002634946', 'US5949181045', 'IE0031442068', 'FR0000120271', 'DE0007164600', 'JP310860A032'];
const BAD_ISINS = ['US0378331006', 'US0378331050', 'us0378331005', 'US037833100', 'US03783310055', '1S0378331005', 'US037833100X', 'USO378331005'];

const ROWS: readonly Row[] = [
  ...REAL_LEIS.map((l): Row => ['LEI_VALID', [l], true]),
  ...BAD_LEIS.map((l): Row => ['LEI_VALID', [l], false]),
  ['LEI_VALID', [12345678901234567890], false],
  ['LEI_VALID', [null], false],
  ['LEI_VALID', [ERR.NA], ERR.NA],
  ...REAL_ISINS.map((i): Row => ['ISIN_VALID', [i], true]),
  ...BAD_ISINS.map((i): Row => ['ISIN_VALID', [i], false]),
  ['ISIN_VALID', [ERR.REF], ERR.REF],
  ['CFI_VALID', ['ESVUFR'], true], // common shares
  ['CFI_VALID', ['DBFTFB'], true], // bond
  ['CFI_VALID', ['FFICSX'], true], // financial future on an index
  ['CFI_VALID', ['OCASPS'], true],
  ['CFI_VALID', ['SRCCSP'], true], // rates swap
  ['CFI_VALID', ['JFTXFP'], true], // FX forward
  ['CFI_VALID', ['HRAVVE'], true],
  ['CFI_VALID', ['CIOGEU'], true],
  ['CFI_VALID', ['LRSXXX'], true],
  ['CFI_VALID', ['TCXXXX'], true],
  ['CFI_VALID', ['KYXXXX'], true],
  ['CFI_VALID', ['MMXXXX'], true],
  ['CFI_VALID', ['EXVUFR'], false], // no group X in equities
  ['CFI_VALID', ['ERVUFR'], false], // preference shares moved to EP in ISO 10962:2021
  ['CFI_VALID', ['FIXXXX'], false],
  ['CFI_VALID', ['IMXXXX'], false],
  ['CFI_VALID', ['ZZXXXX'], false], // no category Z
  ['CFI_VALID', ['esvufr'], false],
  ['CFI_VALID', ['ESVUF'], false],
  ['CFI_VALID', ['ESVUF1'], false],
  ['CFI_VALID', [ERR.NA], ERR.NA],
  ['MIC_VALID', ['XEUR'], true],
  ['MIC_VALID', ['XLON'], true],
  ['MIC_VALID', ['BATE'], true],
  ['MIC_VALID', ['1234'], true], // format only
  ['MIC_VALID', ['xeur'], false],
  ['MIC_VALID', ['XEU'], false],
  ['MIC_VALID', ['XEURX'], false],
  ['MIC_VALID', ['XE-R'], false],
  ['MIC_VALID', [1234], false],
  ...['EUR', 'USD', 'JPY', 'GBP', 'CHF', 'XAU', 'XXX', 'XTS', 'CLF', 'XCG', 'ZWG', 'VED', 'SLE', 'BGN'].map(
    (c): Row => ['CCY_VALID', [c], true],
  ),
  ...['HRK', 'ZWL', 'SLL', 'DEM', 'VEF', 'eur', 'EURO', 'EU', ''].map((c): Row => ['CCY_VALID', [c], false]),
  ['CCY_VALID', [null], false],
  ['CCY_VALID', [ERR.NA], ERR.NA],
  ['PARSE_DATE', ['20250315', 'YYYYMMDD'], 45731],
  ['PARSE_DATE', ['15/03/2025', 'DD/MM/YYYY'], 45731],
  ['PARSE_DATE', ['03/15/25', 'MM/DD/YY'], 45731],
  ['PARSE_DATE', ['15-Mar-2025', 'DD-MMM-YYYY'], 45731],
  ['PARSE_DATE', ['2025-03-15T18:00:00', 'YYYY-MM-DDTHH:mm:ss'], 45731.75],
  ['PARSE_DATE', [20250315, 'YYYYMMDD'], 45731], // a number is read as its text
  ['PARSE_DATE', ['2025-03-15', 'DD/MM/YYYY'], ERR.VALUE],
  ['PARSE_DATE', ['31/02/2025', 'DD/MM/YYYY'], ERR.VALUE],
  ['PARSE_DATE', ['', 'YYYYMMDD'], ERR.VALUE],
  ['PARSE_DATE', ['20250315', ''], ERR.VALUE],
  ['PARSE_DATE', [ERR.NA, 'YYYYMMDD'], ERR.NA],
  ['MONTHCODE', ['H25'], date(2025, 3, 1)],
  ['MONTHCODE', ['ESH25'], date(2025, 3, 1)],
  ['MONTHCODE', ['esz2026'], date(2026, 12, 1)],
  ['MONTHCODE', ['FGBLM25'], date(2025, 6, 1)],
  ['MONTHCODE', ['Z9'], date(2029, 12, 1)], // business date 2025-06-16: first year >= 2025 ending in 9
  ['MONTHCODE', ['H5'], date(2025, 3, 1)],
  ['MONTHCODE', ['ESF4'], date(2034, 1, 1)],
  ['MONTHCODE', [' ESU25 '], date(2025, 9, 1)],
  ['MONTHCODE', ['A25'], ERR.VALUE], // A is not a month code
  ['MONTHCODE', ['H'], ERR.VALUE],
  ['MONTHCODE', ['H123'], ERR.VALUE],
  ['MONTHCODE', ['ESH25 Index'], ERR.VALUE],
  ['MONTHCODE', [25], ERR.VALUE],
  ['MONTHCODE', [''], ERR.VALUE],
  ['MONTHCODE', [ERR.NA], ERR.NA],
  ['TICKS', [0.3, 0.1], 3],
  ['TICKS', [0.1 + 0.2, 0.1], 3],
  ['TICKS', [1.25, 0.25], 5],
  ['TICKS', [0.0075, 0.0025], 3],
  ['TICKS', [-0.3, 0.1], -3],
  ['TICKS', [0.35, 0.1], 3.5],
  ['TICKS', [100.015625 - 100, 1 / 64], 1],
  ['TICKS', [123456.789, 0.001], 123456789],
  ['TICKS', ['0.3', '0.1'], 3],
  ['TICKS', [1, 0], ERR.DIV0],
  ['TICKS', [null, 0.5], 0],
  ['TICKS', ['x', 1], ERR.VALUE],
  ['TICKS', [ERR.NA, 0], ERR.NA],
  ['BPS', [0.0125, 0.012], 5],
  ['BPS', [0.05, 0.0475], 25],
  ['BPS', [0.012, 0.0125], -5],
  ['BPS', [1.1, 1], 1000],
  ['BPS', [0.1 + 0.2, 0.3], 0],
  ['BPS', [0.000001, 0], 0.01],
  ['BPS', [0.0301, 0.0299], 2],
  ['BPS', ['x', 0], ERR.VALUE],
  ['BPS', [0, ERR.DIV0], ERR.DIV0],
];

describe('domain functions', () => {
  it.each(ROWS.map((r) => [r[0], JSON.stringify(r[1]), r] as const))('%s(%s)', (_n, _a, row) => {
    expect(call(row[0], ...row[1])).toEqual(row[2]);
  });

  it('falls back to binary maths beyond 15 digits, and overflow is #NUM!', () => {
    expect(call('BPS', 1e20, 1e-20)).toBe(1e24);
    expect(call('TICKS', 1e300, 1e-300)).toBe(ERR.NUM);
    expect(call('BPS', 1e305, -1e305)).toBe(ERR.NUM);
  });
});
