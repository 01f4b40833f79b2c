/**
 * The limits every sandboxed call runs under, and how they map onto QuickJS and wasm memory.
 * Browser-safe.
 */

export interface SandboxLimits {
  /** Wall-clock budget of one call into the VM (one batch, one script batch), in ms. */
  readonly timeoutMs: number;
  /** QuickJS heap limit in bytes. The wasm memory is capped at twice this on top of its base. */
  readonly memoryBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = Object.freeze({ timeoutMs: 5_000, memoryBytes: 64 * 2 ** 20 });

/** DESIGN.md §6: deep enough for any formula, shallow enough to fail long before the wasm stack. */
export const MAX_STACK_BYTES = 256 * 1024;

const WASM_PAGE = 64 * 1024;
/** The emscripten build's INITIAL_MEMORY: the wasm memory never starts smaller. */
export const WASM_BASE_BYTES = 16 * 2 ** 20;

/**
 * Why three numbers: QuickJS's own accounting (setMemoryLimit) charges an allocation by the
 * size requested only when it is made, and counts ~8 bytes per live block afterwards in this
 * build (no malloc_usable_size), so 200 MB of strings pass a 16 MiB limit. The wasm memory is
 * the truth. The hard cap is the Memory's `maximum`: growth past it fails inside malloc and
 * QuickJS throws "out of memory" at once, even in the middle of one huge String.repeat. The
 * soft cap is checked by the interrupt handler between bytecodes. Past the recycle mark the
 * module is replaced after the call, because wasm memory never shrinks.
 */
export interface MemoryPlan {
  readonly initialPages: number;
  readonly maximumPages: number;
  readonly softCapBytes: number;
  readonly recycleBytes: number;
}

export function memoryPlan(limits: SandboxLimits): MemoryPlan {
  const pages = (bytes: number) => Math.ceil(bytes / WASM_PAGE);
  return {
    initialPages: pages(WASM_BASE_BYTES),
    maximumPages: pages(WASM_BASE_BYTES + 2 * limits.memoryBytes),
    softCapBytes: WASM_BASE_BYTES + 1.5 * limits.memoryBytes,
    recycleBytes: WASM_BASE_BYTES + limits.memoryBytes,
  };
}

export function resolveLimits(partial: Partial<SandboxLimits> | undefined): SandboxLimits {
  const limits = {
    timeoutMs: partial?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    memoryBytes: partial?.memoryBytes ?? DEFAULT_LIMITS.memoryBytes,
  };
  if (!(limits.timeoutMs > 0) || !(limits.memoryBytes >= 2 ** 20)) {
    throw new RangeError(`Sandbox limits need timeoutMs > 0 and memoryBytes >= 1 MiB; got ${JSON.stringify(partial)}`);
  }
  return Object.freeze(limits);
}
