import { describe, expect, it } from 'vitest';
import { buildVmLibrarySource, REGENERATE_COMMAND } from './vm-library-build';
import { VM_LIBRARY_SOURCE } from '../vm-library.gen';

describe('vm-library.gen.ts', () => {
  it('is what the function library and the VM drivers build to today', async () => {
    const fresh = await buildVmLibrarySource();
    expect(
      fresh === VM_LIBRARY_SOURCE,
      `runtime/sandbox/vm-library.gen.ts is stale: the sandbox would run an older function library than the host. Run \`${REGENERATE_COMMAND}\` and commit the result.`,
    ).toBe(true);
  });
});
