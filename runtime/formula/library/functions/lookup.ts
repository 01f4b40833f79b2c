/** LOOKUP functions (work in progress: the full set lands shortly). */
import type { FunctionSpec } from '../registry';

export const LOOKUP_FUNCTIONS: readonly FunctionSpec[] = [];
