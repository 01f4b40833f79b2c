/** TEXT functions (work in progress: the full set lands shortly). */
import type { FunctionSpec } from '../registry';

export const TEXT_FUNCTIONS: readonly FunctionSpec[] = [];
