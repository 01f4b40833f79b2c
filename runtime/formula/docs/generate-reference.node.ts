/**
 * `npm run docs:functions`: writes runtime/formula/FUNCTIONS.md from the registry. The only
 * Node code under runtime/formula (hence `.node.ts`, which the boundary test allows); nothing
 * in the library or the compiler imports it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS } from '../library/index';
import { renderReference } from './render-reference';

export const REFERENCE_PATH = fileURLToPath(new URL('../FUNCTIONS.md', import.meta.url));

writeFileSync(REFERENCE_PATH, renderReference(FUNCTIONS));
process.stdout.write(`Wrote ${REFERENCE_PATH} (${FUNCTIONS.length} functions)\n`);
