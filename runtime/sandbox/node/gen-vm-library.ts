/**
 * `npm run gen:vm-library`: regenerates runtime/sandbox/vm-library.gen.ts after a change to
 * the function library or the VM drivers.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildVmLibrarySource, PROJECT_ROOT, renderVmLibraryModule, VM_LIBRARY_MODULE } from './vm-library-build';

const source = await buildVmLibrarySource();
await writeFile(VM_LIBRARY_MODULE, renderVmLibraryModule(source));
console.log(`Wrote ${path.relative(PROJECT_ROOT, VM_LIBRARY_MODULE)} (${Math.round(source.length / 1024)} KiB).`);
