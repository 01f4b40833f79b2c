/** DATE functions (work in progress: the full set lands shortly). */
import type { FunctionSpec } from '../registry';

export const DATE_FUNCTIONS: readonly FunctionSpec[] = [];
