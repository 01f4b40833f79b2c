/**
 * Errors of sandboxed code, as data (DESIGN.md §11.3): a batch or script that fails comes back
 * as {kind, message}; nothing the sandboxed code does makes the host throw. Pure: the VM
 * driver classifies with the same function before anything crosses the boundary.
 */

export type SandboxErrorKind = 'timeout' | 'memory' | 'stack' | 'exception';

export interface SandboxError {
  readonly kind: SandboxErrorKind;
  readonly message: string;
}

/** Messages are clipped: a thrown value can be any string, and a stack overflow's stack is megabytes. */
export const MAX_ERROR_MESSAGE = 500;

export function clip(text: string): string {
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text;
}

/**
 * QuickJS reports its limits as InternalErrors with fixed messages ("interrupted" comes from
 * our interrupt handler; "out of memory" from the allocator or the capped wasm memory;
 * "string too long" at 2^30 characters; "stack overflow" from setMaxStackSize).
 */
export function kindOfVmError(name: string, message: string): SandboxErrorKind {
  if (name !== 'InternalError' && name !== 'RangeError') return 'exception';
  if (message === 'interrupted') return 'timeout';
  if (message === 'out of memory' || message === 'string too long') return 'memory';
  if (message === 'stack overflow' || message.startsWith('Maximum call stack')) return 'stack';
  return 'exception';
}

/** The message the user sees for each limit, with the remedy (DESIGN.md §11.4). */
export function limitMessage(kind: SandboxErrorKind, limits: { timeoutMs: number; memoryBytes: number }): string {
  switch (kind) {
    case 'timeout':
      return `Stopped after ${limits.timeoutMs} ms: look for a loop that never ends or a regular expression that backtracks, such as (a+)+.`;
    case 'memory':
      return `Stopped at the ${Math.round(limits.memoryBytes / 2 ** 20)} MiB memory limit: look for text or lists that grow without bound.`;
    case 'stack':
      return 'Stopped: recursion went too deep (the stack limit is 256 KiB). Look for a function that calls itself without end.';
    default:
      return 'The sandboxed code failed.';
  }
}
