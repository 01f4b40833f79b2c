/**
 * TODAY and NOW read the run's business date and timestamp from the context instead of the
 * clock, so replaying a run gives the same values (and the sandbox needs no Date.now).
 */
import type { FunctionSpec } from '../registry';

export const CLOCK_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'TODAY',
    category: 'date',
    params: [],
    returns: 'date',
    volatile: true,
    doc: "The run's business date (not the wall clock), so a replayed run gives the same result.",
    example: { formula: 'TODAY()-TODAY()', result: '0' },
    impl: (_args, ctx) => ctx.today,
  },
  {
    name: 'NOW',
    category: 'date',
    params: [],
    returns: 'datetime',
    volatile: true,
    doc: "The run's timestamp (not the wall clock), so a replayed run gives the same result.",
    example: { formula: 'NOW()>=TODAY()', result: 'TRUE' },
    impl: (_args, ctx) => ctx.now,
  },
];
