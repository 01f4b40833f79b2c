/** DOMAIN functions (work in progress: the full set lands shortly). */
import type { FunctionSpec } from '../registry';

export const DOMAIN_FUNCTIONS: readonly FunctionSpec[] = [];
