/**
 * Locks a fresh QuickJS context down before any user code runs. Runs INSIDE the VM only
 * (bundled into vm-library.gen.ts), once per context.
 *
 * We freeze rather than reset contexts between runs: a frozen world makes pollution fail at
 * the first write (`Object.prototype.x = 1` throws in strict code), which covers batches of
 * the same run as well as later runs, and costs nothing per batch. A fresh context per run
 * would re-evaluate the library (milliseconds) and still leave batches of one run exposed.
 */

type Freezable = object | ((...args: never[]) => unknown);

/**
 * Freezes `root` and everything reachable from it through own properties (values, getters,
 * setters) and prototypes. Typed arrays with elements cannot be frozen; they are only
 * made non-extensible, their elements stay writable (they carry batch data, never shared).
 */
export function deepFreeze<T>(root: T): T {
  const seen = new Set<Freezable>();
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const value = todo.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) Object.preventExtensions(value);
    else Object.freeze(value);
    todo.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const d = Reflect.getOwnPropertyDescriptor(value, key);
      if (!d) continue;
      todo.push(d.value, d.get, d.set);
    }
  }
  return root;
}

/** Globals the sandbox must not offer: code generation, shared memory, GC-observing hooks. */
const REMOVED_GLOBALS = ['eval', 'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry'];

function denyCodeGeneration(): never {
  throw new TypeError('Code generation from strings is disabled in the sandbox.');
}

/**
 * Makes every function constructor throw, whichever way it is reached: the `Function`
 * global and the `constructor` of the prototypes of plain, async, generator and async
 * generator functions (`(async () => {}).constructor('...')` is a classic escape route).
 * The prototype chain itself is untouched, so `f instanceof Function` still holds.
 */
function disableFunctionConstructors(g: Record<string, unknown>): void {
  const prototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ];
  for (const proto of prototypes) {
    Object.defineProperty(proto, 'constructor', { value: denyCodeGeneration, writable: false, configurable: false });
  }
  Object.defineProperty(denyCodeGeneration, 'prototype', { value: Function.prototype, writable: false });
  Object.defineProperty(g, 'Function', { value: denyCodeGeneration, writable: false, configurable: false, enumerable: false });
}

/**
 * Hardens the context's global object. Callers keep a private reference to `eval` first if
 * they need it (the driver compiles programs with it); nothing user code can reach keeps one.
 */
export function harden(g: Record<string, unknown>): void {
  for (const name of REMOVED_GLOBALS) delete g[name];
  disableFunctionConstructors(g);
  deepFreeze(g);
}
