/**
 * The VM library's entry: esbuild bundles this file, the function library and the drivers
 * into one IIFE (vm-library.gen.ts, `npm run gen:vm-library`), evaluated once per QuickJS
 * context. The host then calls `boot()` once, before any user code, and keeps the frozen
 * driver it returns; nothing is left on the global object.
 */
import { createLibrary } from '../../formula/library/index';
import { useErrorValues } from './batch-columns';
import { deepFreeze, harden } from './harden';
import { prepareProgram } from './program-driver';
import { prepareScript } from './script-driver';
import { describeThrown } from './thrown';

export function boot() {
  const g = globalThis as unknown as Record<string, unknown>;
  // Kept privately before harden() removes the global: the driver compiles with it, user code
  // can never reach it. Called through a variable, so it is an indirect (global-scope) eval.
  const indirectEval = g.eval as (code: string) => unknown;
  const evaluate = (code: string): unknown => indirectEval(code);
  const L = createLibrary();
  harden(g);
  deepFreeze(L);
  useErrorValues(L.errors);
  return Object.freeze({
    prepareProgram: (source: string, contextJson: string, outputTypesJson: string) =>
      prepareProgram(evaluate, L, source, contextJson, outputTypesJson),
    prepareScript: (body: string, contextJson: string) => prepareScript(evaluate, L, L.errors, body, contextJson),
    describe: describeThrown,
  });
}
