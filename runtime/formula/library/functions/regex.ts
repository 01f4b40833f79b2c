/** REGEX functions (work in progress: the full set lands shortly). */
import type { FunctionSpec } from '../registry';

export const REGEX_FUNCTIONS: readonly FunctionSpec[] = [];
