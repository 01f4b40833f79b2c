/**
 * Results of programs already run, by a key naming the program text, its input data and the
 * run context, so an edit that leaves a program unchanged reruns nothing. Least recently used
 * entries go first. Each entry also keeps what was derived from it (display text, summary,
 * failing rows), computed once.
 */
import type { Scalar } from '../../runtime/formula/library/values';
import type { SandboxError } from '../../runtime/sandbox/sandbox-error';

export type RunEntry = { readonly values: Scalar[] } | { readonly failure: SandboxError };

export class PreviewCache {
  readonly #entries = new Map<string, { run: RunEntry; views: Map<string, unknown> }>();

  constructor(readonly limit = 256) {}

  get(key: string): RunEntry | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e.run;
  }

  set(key: string, run: RunEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, { run, views: new Map() });
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** `make()` once per entry and view name. */
  view<T>(key: string, name: string, make: () => T): T {
    const e = this.#entries.get(key);
    if (!e) return make();
    if (!e.views.has(name)) e.views.set(name, make());
    return e.views.get(name) as T;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
