import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI finds the build, templates and migrations relative to it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
