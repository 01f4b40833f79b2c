/**
 * Information functions: they inspect a value, errors included, without propagating it.
 */
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, type Value } from '../values';

const VALUE = [{ name: 'value', type: 'any' }] as const;

/** Indexing, not destructuring: QuickJS runs `([v]) =>` through the iterator protocol. */
const one =
  (test: (v: Value | undefined) => boolean): NonNullable<FunctionSpec['impl']> =>
  (args) =>
    test(args[0]);

export const INFORMATION_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'ISBLANK',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for an empty cell; the empty text "" is not blank, as in Excel.',
    example: { formula: 'ISBLANK("")', result: 'FALSE' },
    impl: one((v) => v === null || v === undefined),
  },
  {
    name: 'ISNUMBER',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for a number (dates are numbers); numeric text is not a number.',
    example: { formula: 'ISNUMBER("1")', result: 'FALSE' },
    impl: one((v) => typeof v === 'number'),
  },
  {
    name: 'ISTEXT',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for text, including the empty text "".',
    example: { formula: 'ISTEXT("1")', result: 'TRUE' },
    impl: one((v) => typeof v === 'string'),
  },
  {
    name: 'ISLOGICAL',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for TRUE or FALSE.',
    example: { formula: 'ISLOGICAL(1=1)', result: 'TRUE' },
    impl: one((v) => typeof v === 'boolean'),
  },
  {
    name: 'ISERROR',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for any error value.',
    example: { formula: 'ISERROR(1/0)', result: 'TRUE' },
    impl: one((v) => v instanceof FormulaError),
  },
  {
    name: 'ISERR',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for any error value except #N/A.',
    example: { formula: 'ISERR(NA())', result: 'FALSE' },
    impl: one((v) => v instanceof FormulaError && v !== ERR.NA),
  },
  {
    name: 'ISNA',
    category: 'information',
    params: VALUE,
    returns: 'boolean',
    doc: 'TRUE for the #N/A error only.',
    example: { formula: 'ISNA(NA())', result: 'TRUE' },
    impl: one((v) => v === ERR.NA),
  },
  {
    name: 'NA',
    category: 'information',
    params: [],
    returns: 'error',
    doc: 'The #N/A error, to mark a value as not available.',
    example: { formula: 'NA()', result: '#N/A' },
    impl: () => ERR.NA,
  },
];
